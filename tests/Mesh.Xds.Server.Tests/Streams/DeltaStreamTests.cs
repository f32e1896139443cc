using System.Globalization;
using Grpc.Core;
using Mesh.Xds.Server.Protocol;
using Mesh.Xds.Server.Tests.Fixtures;

namespace Mesh.Xds.Server.Tests.Streams;

/// <summary>Incremental streams (<c>DeltaAggregatedResources</c>) against a Kestrel server on loopback.</summary>
public sealed class DeltaStreamTests
{
    private static string Hex(ulong version) => version.ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>Subscribes to a route configuration the stream does not have yet: anything sent before arrives first.</summary>
    private static async Task<DeltaDiscoveryResponse> BarrierAsync(AdsStreamClient<DeltaDiscoveryRequest, DeltaDiscoveryResponse> stream)
    {
        await stream.SendAsync(Ads.DeltaRequest(XdsTypeUrls.RouteConfiguration, subscribe: [GreeterMesh.Target]));
        return await stream.NextAsync();
    }

    private static async Task<(AdsStreamClient<DeltaDiscoveryRequest, DeltaDiscoveryResponse> Stream, DeltaDiscoveryResponse First)> SubscribeWildcardAsync(XdsServerHost host, string typeUrl)
    {
        var stream = Ads.Delta(host.Channel());
        await stream.SendAsync(Ads.DeltaRequest(typeUrl));
        var first = await stream.NextAsync();
        await stream.SendAsync(Ads.DeltaRequest(typeUrl, nonce: first.Nonce));
        return (stream, first);
    }

    [Fact]
    public async Task InitialFetch_Wildcard_SendsEveryResourceWithItsVersion()
    {
        await using var host = await XdsServerHost.StartAsync();
        var snapshot = GreeterMesh.Snapshot();
        host.Cache.SetSnapshot("node-1", snapshot);
        await using var stream = Ads.Delta(host.Channel());

        await stream.SendAsync(Ads.DeltaRequest(XdsTypeUrls.Cluster));
        var response = await stream.NextAsync();

        Assert.Equal(XdsTypeUrls.Cluster, response.TypeUrl);
        Assert.Equal(Hex(snapshot.Clusters.Version), response.SystemVersionInfo);
        Assert.Empty(response.RemovedResources);
        Assert.Equal(snapshot.Clusters.ToDictionary(r => r.Name, r => r.VersionText), Ads.Versions(response));
        foreach (var resource in response.Resources)
        {
            Assert.True(snapshot.Clusters.TryGet(resource.Name, out var expected));
            Assert.Equal(XdsTypeUrls.Cluster, resource.Resource_.TypeUrl);
            Assert.Equal(expected.Payload.ToArray(), resource.Resource_.Value.ToByteArray());
        }
    }

    [Fact]
    public async Task Update_SendsOnlyTheResourcesThatChanged()
    {
        await using var host = await XdsServerHost.StartAsync();
        var snapshot = GreeterMesh.Snapshot();
        host.Cache.SetSnapshot("node-1", snapshot);
        var names = snapshot.LoadAssignments.Select(r => r.Name).ToArray();
        await using var stream = Ads.Delta(host.Channel());
        await stream.SendAsync(Ads.DeltaRequest(XdsTypeUrls.ClusterLoadAssignment, subscribe: names));
        var first = await stream.NextAsync();
        Assert.Equal(names.Length, first.Resources.Count);
        await stream.SendAsync(Ads.DeltaRequest(XdsTypeUrls.ClusterLoadAssignment, nonce: first.Nonce));

        // Only greeter v1's address moves: the load assignments holding it (subset v1 and the whole service) change, v2's and hello's do not.
        var next = GreeterMesh.Snapshot(endpoints: GreeterMesh.Endpoints(v1Port: 7301));
        host.Cache.SetSnapshot("node-1", next);
        var pushed = await stream.NextAsync();

        Assert.Equal(["outbound|50051|v1|greeter.grpc.svc.cluster.local", "outbound|50051||greeter.grpc.svc.cluster.local"], pushed.Resources.Select(r => r.Name).Order(StringComparer.Ordinal));
        foreach (var changed in pushed.Resources)
        {
            Assert.True(next.LoadAssignments.TryGet(changed.Name, out var expected));
            Assert.Equal(expected.VersionText, changed.Version);
            Assert.NotEqual(first.Resources.Single(r => r.Name == changed.Name).Version, changed.Version);
        }
        Assert.Empty(pushed.RemovedResources);
    }

    [Fact]
    public async Task Removal_NamesTheResourcesThatWentAway()
    {
        await using var host = await XdsServerHost.StartAsync();
        host.Cache.SetSnapshot("node-1", GreeterMesh.Snapshot());
        var (stream, first) = await SubscribeWildcardAsync(host, XdsTypeUrls.Cluster);
        await using var _ = stream;
        var hello = first.Resources.Select(r => r.Name).Where(n => n.Contains("hello", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(hello);

        host.Cache.SetSnapshot("node-1", GreeterMesh.Snapshot(GreeterMesh.Model(withHello: false)));
        var pushed = await stream.NextAsync();

        Assert.Equal(hello.Order(StringComparer.Ordinal), pushed.RemovedResources.Order(StringComparer.Ordinal));
        Assert.Empty(pushed.Resources);
    }

    [Fact]
    public async Task Nack_RaisesTheEvent_AndTheRejectedResourcesAreNotResent()
    {
        await using var host = await XdsServerHost.StartAsync();
        var nacks = new List<XdsNackEventArgs>();
        host.Cache.Nack += (_, e) => { lock (nacks) nacks.Add(e); };
        host.Cache.SetSnapshot("node-1", GreeterMesh.Snapshot());
        var (stream, _) = await SubscribeWildcardAsync(host, XdsTypeUrls.Cluster);
        await using var __ = stream;

        var next = GreeterMesh.Snapshot(GreeterMesh.Model(withHello: false));
        host.Cache.SetSnapshot("node-1", next);
        var bad = await stream.NextAsync();
        var nack = Ads.DeltaRequest(XdsTypeUrls.Cluster, nonce: bad.Nonce);
        nack.ErrorDetail = new Mesh.Xds.Server.Protocol.Status { Code = 3, Message = "no thanks" };
        await stream.SendAsync(nack);

        Assert.Equal(XdsTypeUrls.RouteConfiguration, (await BarrierAsync(stream)).TypeUrl);
        var e = Assert.Single(nacks);
        Assert.True(e.Delta);
        Assert.Equal(XdsResourceType.Cluster, e.Type);
        Assert.Equal(Hex(next.Clusters.Version), e.RejectedVersion);
        Assert.Equal("no thanks", e.ErrorMessage);
    }

    [Fact]
    public async Task Reconnect_WithInitialResourceVersions_ReceivesNothing()
    {
        await using var host = await XdsServerHost.StartAsync();
        host.Cache.SetSnapshot("node-1", GreeterMesh.Snapshot());
        Dictionary<string, string> versions;
        var (first, response) = await SubscribeWildcardAsync(host, XdsTypeUrls.Cluster);
        await using (first) versions = Ads.Versions(response);

        await using var again = Ads.Delta(host.Channel());
        await again.SendAsync(Ads.DeltaRequest(XdsTypeUrls.Cluster, initial: versions));

        Assert.Equal(XdsTypeUrls.RouteConfiguration, (await BarrierAsync(again)).TypeUrl);
    }

    [Fact]
    public async Task Reconnect_WithAnOutdatedVersion_ReceivesOnlyThatResource()
    {
        await using var host = await XdsServerHost.StartAsync();
        var snapshot = GreeterMesh.Snapshot();
        host.Cache.SetSnapshot("node-1", snapshot);
        var versions = snapshot.Clusters.ToDictionary(r => r.Name, r => r.VersionText);
        var stale = versions.Keys.First();
        versions[stale] = "0000000000000001";
        versions["gone-cluster"] = "0000000000000002";
        await using var stream = Ads.Delta(host.Channel());

        await stream.SendAsync(Ads.DeltaRequest(XdsTypeUrls.Cluster, initial: versions));
        var response = await stream.NextAsync();

        Assert.Equal([stale], response.Resources.Select(r => r.Name));
        Assert.Equal(["gone-cluster"], response.RemovedResources);
    }

    [Fact]
    public async Task Unsubscribe_ThenSubscribeAgain_SendsTheResourceAgain()
    {
        await using var host = await XdsServerHost.StartAsync();
        var snapshot = GreeterMesh.Snapshot();
        host.Cache.SetSnapshot("node-1", snapshot);
        var name = snapshot.LoadAssignments[0].Name;
        await using var stream = Ads.Delta(host.Channel());
        await stream.SendAsync(Ads.DeltaRequest(XdsTypeUrls.ClusterLoadAssignment, subscribe: [name]));
        var first = await stream.NextAsync();
        await stream.SendAsync(Ads.DeltaRequest(XdsTypeUrls.ClusterLoadAssignment, nonce: first.Nonce, unsubscribe: [name]));
        await stream.SendAsync(Ads.DeltaRequest(XdsTypeUrls.ClusterLoadAssignment, nonce: first.Nonce, subscribe: [name]));

        var again = await stream.NextAsync();
        Assert.Equal([name], again.Resources.Select(r => r.Name));
    }

    [Fact]
    public async Task MissingTypeUrl_EndsTheStreamWithInvalidArgument()
    {
        await using var host = await XdsServerHost.StartAsync();
        await using var stream = Ads.Delta(host.Channel());

        await stream.SendAsync(Ads.DeltaRequest(""));

        Assert.Equal(StatusCode.InvalidArgument, await stream.EndAsync());
    }
}
