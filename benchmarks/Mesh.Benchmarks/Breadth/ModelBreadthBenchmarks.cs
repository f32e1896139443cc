using System.Buffers;
using BenchmarkDotNet.Attributes;
using Mesh.Model;
using Mesh.Providers.Istio;
using Mesh.Translation;
using Mesh.Validation;
using Mesh.Xds;
using Mesh.Xds.Tests.Oracle;

namespace Mesh.Benchmarks.Breadth;

/// <summary>
/// The 1,000-service synthetic meshes without (<see cref="Breadth"/> false, the baseline) and with the fields of model
/// breadth I on every destination policy (client TLS, locality failover with a known client locality, warm-up or a Maglev
/// hash on a generated cookie, idle timeout, HTTP/2 streams, a local rate limit; external APIs with routes in the translation
/// mesh), in one run:
/// validation, Istio translation and one sidecar's four xDS responses.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class ModelBreadthBenchmarks
{
    private const int Services = 1000;
    private static readonly XdsResourceType[] Types =
        [XdsResourceType.Listener, XdsResourceType.RouteConfiguration, XdsResourceType.Cluster, XdsResourceType.ClusterLoadAssignment];

    private readonly IstioTranslator _istio = new();
    private readonly ArrayBufferWriter<byte> _output = new(1 << 20);
    private MeshConfig _mesh = null!;
    private EndpointSnapshot _endpoints = null!;
    private XdsCompiledConfig _compiled = null!;

    /// <summary>Whether the meshes carry the breadth fields.</summary>
    [Params(false, true)]
    public bool Breadth { get; set; }

    /// <summary>Builds both meshes and compiles the xDS configuration of a sidecar in us-east-1a.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _mesh = SyntheticMesh.Create(Services, Breadth);
        if (MeshValidator.Validate(_mesh).Any(d => d.IsError)) throw new InvalidOperationException("The synthetic mesh is invalid.");
        var config = Xds.SyntheticMesh.Config(Services, Breadth);
        _endpoints = Xds.SyntheticMesh.Endpoints(Services);
        var proxy = XdsProxy.Sidecar("bench", "ns-0") with { Locality = new EndpointLocality("us-east-1", "us-east-1a") };
        _compiled = new XdsEncoder().Compile(config, proxy);
        if (_compiled.HasErrors) throw new InvalidOperationException(string.Join("\n", _compiled.Diagnostics));
        // Printed into the run's log: how much the breadth fields add to the responses.
        Console.WriteLine($"// Breadth={Breadth}: xDS bytes per sidecar {XdsDirectEncode():N0}");
    }

    /// <summary>Validation of the translation mesh.</summary>
    [Benchmark(OperationsPerInvoke = Services)]
    public int Validate() => MeshValidator.Validate(_mesh).Count;

    /// <summary>Model → Istio typed resources (validation measured on its own, as in the "typed translation alone" target).</summary>
    [Benchmark(OperationsPerInvoke = Services)]
    public int IstioTranslate() => _istio.Translate(_mesh, new TranslationOptions { Validate = false }).Resources.Count;

    /// <summary>One sidecar's LDS, RDS, CDS and EDS responses, written directly.</summary>
    [Benchmark]
    public long XdsDirectEncode()
    {
        _output.ResetWrittenCount();
        long total = 0;
        foreach (var type in Types) total += XdsEncoder.WriteDiscoveryResponse(_compiled, _endpoints, type, _output);
        return total;
    }

    /// <summary>The same four responses built with Google.Protobuf message objects (the xDS baseline of the same run).</summary>
    [Benchmark]
    public long XdsObjectModelBaseline()
    {
        long total = 0;
        foreach (var type in Types) total += ObjectModelEncoder.DiscoveryResponse(_compiled.Plan, _endpoints.Index, type, null).Length;
        return total;
    }
}
