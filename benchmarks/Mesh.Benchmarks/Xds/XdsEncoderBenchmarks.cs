using System.Buffers;
using BenchmarkDotNet.Attributes;
using Mesh.Model;
using Mesh.Xds;
using Mesh.Xds.Tests.Oracle;

namespace Mesh.Benchmarks.Xds;

/// <summary>
/// Full snapshot encode (direct wire writer) against the ordinary Google.Protobuf object model (generated classes
/// from the oracle protos, then ToByteArray), plus the incremental update of one service's endpoints.
/// Every method produces the four DiscoveryResponses (LDS, RDS, CDS, EDS) of one sidecar.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class XdsEncoderBenchmarks
{
    private static readonly XdsResourceType[] Types =
        [XdsResourceType.Listener, XdsResourceType.RouteConfiguration, XdsResourceType.Cluster, XdsResourceType.ClusterLoadAssignment];

    private readonly XdsEncoder _encoder = new();
    private readonly ArrayBufferWriter<byte> _output = new(1 << 20);
    private MeshConfig _config = null!;
    private EndpointSnapshot _endpoints = null!;
    private EndpointSnapshot[] _changed = null!;
    private XdsCompiledConfig _compiled = null!;
    private XdsSnapshot _snapshot = null!;
    private ServiceRef _service;
    private int _generation;

    /// <summary>How many services the mesh has.</summary>
    [Params(1_000, 10_000)]
    public int Services { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _config = SyntheticMesh.Config(Services);
        _endpoints = SyntheticMesh.Endpoints(Services);
        var proxy = XdsProxy.Sidecar("bench", "ns-0");
        _compiled = _encoder.Compile(_config, proxy);
        if (_compiled.HasErrors) throw new InvalidOperationException(string.Join("\n", _compiled.Diagnostics));
        _snapshot = _encoder.Encode(_compiled, _endpoints).Snapshot!;
        _service = SyntheticMesh.Service(Services / 2);
        _changed =
        [
            _endpoints.WithService(_service, [SyntheticMesh.Endpoints(Services / 2, 1)]),
            _endpoints.WithService(_service, [SyntheticMesh.Endpoints(Services / 2, 2)]),
        ];
        // Reach steady state (tier-1 code) before BenchmarkDotNet's short warm-up: one encode of a large mesh is a
        // few calls of long-running methods, so tiered compilation needs wall-clock time, not invocations.
        foreach (var path in new Action[] { () => DirectEncode(), () => SnapshotEncode(), () => ObjectModelBaseline(), () => IncrementalEndpointUpdate() })
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 0; i < 5 || clock.ElapsedMilliseconds < 1500; i++) path();
        }
        var resources = Types.Sum(t => _snapshot[t].Count);
        var bytes = Types.Sum(t => (long)_snapshot.ToDiscoveryResponse(t).Length);
        Console.WriteLine($"// xds-setup services={Services} resources={resources} response-bytes={bytes}");
    }

    /// <summary>The hot path: four DiscoveryResponses written straight into a reused buffer.</summary>
    [Benchmark(Baseline = true)]
    public long DirectEncode()
    {
        _output.ResetWrittenCount();
        long total = 0;
        foreach (var type in Types) total += XdsEncoder.WriteDiscoveryResponse(_compiled, _endpoints, type, _output);
        return total;
    }

    /// <summary>A full snapshot (resources, versions, sets), then its four responses serialized.</summary>
    [Benchmark]
    public long SnapshotEncode()
    {
        var snapshot = _encoder.Encode(_compiled, _endpoints).Snapshot!;
        _output.ResetWrittenCount();
        long total = 0;
        foreach (var type in Types) total += snapshot.WriteDiscoveryResponse(_output, type);
        return total;
    }

    /// <summary>The ordinary way: generated message objects from the same plan, packed in Any, ToByteArray.</summary>
    [Benchmark]
    public long ObjectModelBaseline()
    {
        long total = 0;
        foreach (var type in Types) total += ObjectModelEncoder.DiscoveryResponse(_compiled.Plan, _endpoints.Index, type, null).Length;
        return total;
    }

    /// <summary>One service's endpoints change: re-encode its load assignments and report the changed names.</summary>
    [Benchmark]
    public int IncrementalEndpointUpdate()
    {
        var next = _changed[_generation++ & 1];
        return _encoder.Update(_snapshot, _config, next, XdsChange.Endpoints(_service)).Changed.Count;
    }
}
