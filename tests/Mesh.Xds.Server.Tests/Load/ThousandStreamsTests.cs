using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using Mesh.Model;
using Mesh.Xds.Server.Protocol;
using Mesh.Xds.Server.Tests.Fixtures;

namespace Mesh.Xds.Server.Tests.Load;

/// <summary>
/// The bounded load test the issue asks for: 1,000 concurrent state-of-the-world streams (loopback, in-process clients
/// over 10 HTTP/2 connections), each subscribed to CDS and to every EDS resource of a 50-service mesh (an EDS response of about 5 KB); one endpoint
/// change is pushed to all. Reports p50/p99 push latency as the clients see it, the server's own latency histogram and
/// the process's memory, and checks the floor (p99 under 1 s, memory under 500 MB) and that the change was encoded
/// once. The figures are recorded in benchmarks/README.md. Stops by itself (time limit on every wait).
/// </summary>
[Collection(nameof(LoadCollection))]
public sealed class ThousandStreamsTests
{
    private const int Streams = 1000;
    private const int Connections = 10;
    private const int Services = 50;

    private static MeshConfig Model() => new()
    {
        Name = "load",
        Services = [.. Enumerable.Range(0, Services).Select(i => new MeshService { Name = $"svc-{i}", Namespace = "load", Ports = [new ServicePort { Port = 8080, Protocol = Mesh.Model.Protocol.Grpc }] })],
    };

    private static EndpointSnapshot Endpoints(int generation) => new()
    {
        Services =
        [
            .. Enumerable.Range(0, Services).Select(i => new ServiceEndpoints
            {
                Service = new ServiceRef($"svc-{i}", "load"),
                Port = 8080,
                Addresses = [.. Enumerable.Range(1, 3).Select(a => new EndpointAddress { Address = $"10.{i / 250}.{i % 250}.{a + (i == 0 ? generation : 0)}" })],
            }),
        ],
    };

    [Fact(Timeout = 180_000)]
    public async Task OneChange_PushedToAThousandStreams_ReportsLatencyAndMemory()
    {
        await using var host = await XdsServerHost.StartAsync(o => o.NodeGroup = _ => "load");
        using var metrics = new MetricsCapture(host);
        var encoder = new XdsEncoder();
        var model = Model();
        var proxy = XdsProxy.ProxylessGrpc("load", "load");
        var snapshot = encoder.Build(model, Endpoints(0), proxy).Snapshot!;
        host.Cache.SetSnapshot("load", snapshot);
        var names = snapshot.LoadAssignments.Select(r => r.Name).ToArray();
        var channels = Enumerable.Range(0, Connections).Select(_ => host.Channel()).ToArray();
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);

        var streams = new List<AdsStreamClient<DiscoveryRequest, DiscoveryHeader>>(Streams);
        try
        {
            // Open and initialise every stream (CDS wildcard, EDS named, both ACKed), a few at a time.
            await Parallel.ForEachAsync(Enumerable.Range(0, Streams), new ParallelOptions { MaxDegreeOfParallelism = 50, CancellationToken = TestContext.Current.CancellationToken }, async (i, _) =>
            {
                var stream = DiscoveryHeader.Open(channels[i % Connections]);
                lock (streams) streams.Add(stream);
                var node = $"node-{i}";
                await stream.SendAsync(Ads.Request(XdsTypeUrls.Cluster, node));
                await stream.SendAsync((await stream.NextAsync()).Ack(node));
                await stream.SendAsync(Ads.Request(XdsTypeUrls.ClusterLoadAssignment, node, names: names));
                await stream.SendAsync((await stream.NextAsync()).Ack(node, names));
            });
            Assert.Equal(Streams, host.Cache.StreamCount);
            GC.Collect();
            var heapOpen = GC.GetTotalMemory(forceFullCollection: true);
            var workingSet = Process.GetCurrentProcess().WorkingSet64;
            var encodedBefore = metrics.Sum(XdsServerTelemetry.Encodings, ("type", "eds"));

            // One endpoint change, pushed to all; each client notes when its response arrived.
            var next = encoder.Update(snapshot, model, Endpoints(1), XdsChange.Endpoints(new ServiceRef("svc-0", "load"))).Snapshot!;
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var start = Stopwatch.GetTimestamp();
            host.Cache.SetSnapshot("load", next);
            var latencies = await Task.WhenAll(streams.Select(async s =>
            {
                var response = await s.NextAsync();
                Assert.Equal(XdsTypeUrls.ClusterLoadAssignment, response.TypeUrl);
                return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }));

            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
            Array.Sort(latencies);
            var p50 = latencies[(int)(latencies.Length * 0.50)];
            var p99 = latencies[(int)(latencies.Length * 0.99)];
            var server = metrics.Values(XdsServerTelemetry.PushLatency).Order().ToArray();
            var encodedForChange = metrics.Sum(XdsServerTelemetry.Encodings, ("type", "eds")) - encodedBefore;
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{Streams} streams over {Connections} connections, {Services} clusters and load assignments each, one endpoint change:\n" +
                $"  client-observed push latency p50 {p50:F1} ms, p99 {p99:F1} ms, max {latencies[^1]:F1} ms\n" +
                $"  CPU time of the process (server and clients) from the change to the last response: {cpu:F0} ms on {Environment.ProcessorCount} cores\n" +
                $"  server push latency (to the transport) p50 {server[server.Length / 2]:F1} ms, p99 {server[(int)(server.Length * 0.99)]:F1} ms\n" +
                $"  managed heap {heapBefore / 1048576.0:F1} MB before the streams, {heapOpen / 1048576.0:F1} MB with them open ({(heapOpen - heapBefore) / 1024.0 / Streams:F1} KB per stream, clients included)\n" +
                $"  process working set {workingSet / 1048576.0:F0} MB (server and clients in one process)\n" +
                $"  EDS pieces encoded for the change: {encodedForChange}");

            Assert.Equal(1, encodedForChange);
            Assert.True(p99 < 1000, $"p99 push latency {p99:F1} ms is over the 1 s floor");
            Assert.True(workingSet < 500L * 1024 * 1024, $"working set {workingSet / 1048576} MB is over 500 MB");
        }
        finally
        {
            await Task.WhenAll(streams.Select(s => s.DisposeAsync().AsTask()));
        }
    }
}

/// <summary>The load test runs alone: other tests of this assembly would take the cores it measures.</summary>
[CollectionDefinition(nameof(LoadCollection), DisableParallelization = true)]
public sealed class LoadCollection;
