using Mesh.Xds.Server.Protocol;
using Mesh.Xds.Server.Tests.Fixtures;

namespace Mesh.Xds.Server.Tests.Cache;

/// <summary>
/// A change pushed to many streams is encoded once: the <see cref="XdsServerTelemetry.Encodings"/> counter counts every
/// piece of wire format the server builds, and it must not grow with the number of streams.
/// </summary>
public sealed class EncodeOnceTests
{
    private const int Streams = 50;

    [Fact]
    public async Task OneSnapshotChange_PushedToManySotwStreams_IsEncodedOncePerType()
    {
        await using var host = await XdsServerHost.StartAsync(o => o.NodeGroup = _ => "all");
        using var metrics = new MetricsCapture(host);
        host.Cache.SetSnapshot("all", GreeterMesh.Snapshot());
        var channel = host.Channel();
        var streams = new List<AdsStreamClient<DiscoveryRequest, DiscoveryResponse>>();
        try
        {
            for (var i = 0; i < Streams; i++)
            {
                var stream = Ads.Sotw(channel);
                streams.Add(stream);
                await stream.SendAsync(Ads.Request(XdsTypeUrls.Cluster, nodeId: $"node-{i}"));
                await stream.SendAsync(Ads.Ack(await stream.NextAsync(), nodeId: $"node-{i}"));
            }
            Assert.Equal(1, metrics.Sum(XdsServerTelemetry.Encodings, ("type", "cds")));

            host.Cache.SetSnapshot("all", GreeterMesh.Snapshot(GreeterMesh.Model(withHello: false)));
            foreach (var stream in streams) Assert.Equal(XdsTypeUrls.Cluster, (await stream.NextAsync()).TypeUrl);

            Assert.Equal(2, metrics.Sum(XdsServerTelemetry.Encodings, ("type", "cds")));
            // A push is counted once its write has returned on the server, which can be just after the client read it.
            using (var settle = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
            {
                while (metrics.Values(XdsServerTelemetry.PushLatency).Count < Streams) await Task.Delay(10, settle.Token);
            }
            Assert.Equal(2 * Streams, metrics.Sum(XdsServerTelemetry.Pushes, ("type", "cds")));
            Assert.Equal(Streams, metrics.Values(XdsServerTelemetry.PushLatency).Count);
        }
        finally
        {
            foreach (var stream in streams) await stream.DisposeAsync();
        }
    }

    [Fact]
    public async Task OneEndpointChange_PushedToManyDeltaStreams_EncodesOnlyThatResourceOnce()
    {
        await using var host = await XdsServerHost.StartAsync(o => o.NodeGroup = _ => "all");
        using var metrics = new MetricsCapture(host);
        var snapshot = GreeterMesh.Snapshot();
        host.Cache.SetSnapshot("all", snapshot);
        var names = snapshot.LoadAssignments.Select(r => r.Name).ToArray();
        var channel = host.Channel();
        var streams = new List<AdsStreamClient<DeltaDiscoveryRequest, DeltaDiscoveryResponse>>();
        try
        {
            for (var i = 0; i < Streams; i++)
            {
                var stream = Ads.Delta(channel);
                streams.Add(stream);
                await stream.SendAsync(Ads.DeltaRequest(XdsTypeUrls.ClusterLoadAssignment, nodeId: $"node-{i}", subscribe: names));
                await stream.SendAsync(Ads.DeltaRequest(XdsTypeUrls.ClusterLoadAssignment, nodeId: $"node-{i}", nonce: (await stream.NextAsync()).Nonce));
            }
            Assert.Equal(names.Length, metrics.Sum(XdsServerTelemetry.Encodings, ("type", "eds"), ("form", "delta")));

            host.Cache.SetSnapshot("all", GreeterMesh.Snapshot(endpoints: GreeterMesh.Endpoints(v1Port: 7401)));
            foreach (var stream in streams) Assert.Equal(2, (await stream.NextAsync()).Resources.Count);

            // Two load assignments changed (subset v1 and the whole service): two more pieces encoded, once each for all
            // the streams; the unchanged ones are carried over from the previous snapshot.
            Assert.Equal(names.Length + 2, metrics.Sum(XdsServerTelemetry.Encodings, ("type", "eds"), ("form", "delta")));
        }
        finally
        {
            foreach (var stream in streams) await stream.DisposeAsync();
        }
    }
}
