using System.Globalization;
using Grpc.Core;
using Mesh.Xds.Server.Protocol;
using Mesh.Xds.Server.Tests.Fixtures;

namespace Mesh.Xds.Server.Tests.Streams;

/// <summary>State-of-the-world streams (<c>StreamAggregatedResources</c>) against a Kestrel server on loopback.</summary>
public sealed class SotwStreamTests
{
    private static string Hex(ulong version) => version.ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>A request for a type the stream has not asked for yet: its response is a barrier — anything the server sent before it arrives first.</summary>
    private static async Task<DiscoveryResponse> BarrierAsync(AdsStreamClient<DiscoveryRequest, DiscoveryResponse> stream, string route = "greeter.grpc.svc.cluster.local:50051")
    {
        await stream.SendAsync(Ads.Request(XdsTypeUrls.RouteConfiguration, names: route));
        return await stream.NextAsync();
    }

    [Fact]
    public async Task InitialFetch_WildcardCds_SendsEveryClusterAsEncoded_WithTheSnapshotVersion()
    {
        await using var host = await XdsServerHost.StartAsync();
        var snapshot = GreeterMesh.Snapshot();
        host.Cache.SetSnapshot("node-1", snapshot);
        await using var stream = Ads.Sotw(host.Channel());

        await stream.SendAsync(Ads.Request(XdsTypeUrls.Cluster));
        var response = await stream.NextAsync();

        Assert.Equal(XdsTypeUrls.Cluster, response.TypeUrl);
        Assert.Equal(Hex(snapshot.Clusters.Version), response.VersionInfo);
        Assert.NotEmpty(response.Nonce);
        Assert.Equal(snapshot.Clusters.Count, response.Resources.Count);
        for (var i = 0; i < snapshot.Clusters.Count; i++)
        {
            Assert.Equal(XdsTypeUrls.Cluster, response.Resources[i].TypeUrl);
            Assert.Equal(snapshot.Clusters[i].Payload.ToArray(), response.Resources[i].Value.ToByteArray());
        }
    }

    [Fact]
    public async Task InitialFetch_WaitsForTheSnapshot_WhenTheNodeHasNoneYet()
    {
        await using var host = await XdsServerHost.StartAsync();
        var connected = new TaskCompletionSource<XdsNodeConnectedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Cache.NodeConnected += (_, e) => connected.TrySetResult(e);
        await using var stream = Ads.Sotw(host.Channel());

        await stream.SendAsync(Ads.Request(XdsTypeUrls.Listener));
        var e = await connected.Task.WaitAsync(AdsStreamClient<DiscoveryRequest, DiscoveryResponse>.Limit, TestContext.Current.CancellationToken);
        Assert.Equal("node-1", e.NodeGroup);
        Assert.False(e.HasSnapshot);
        var snapshot = GreeterMesh.Snapshot();
        host.Cache.SetSnapshot(e.NodeGroup, snapshot);

        var response = await stream.NextAsync();
        Assert.Equal(XdsTypeUrls.Listener, response.TypeUrl);
        Assert.Equal(Hex(snapshot.Listeners.Version), response.VersionInfo);
    }

    [Fact]
    public async Task NamedSubscription_Eds_SendsOnlyTheNamedLoadAssignments()
    {
        await using var host = await XdsServerHost.StartAsync();
        var snapshot = GreeterMesh.Snapshot();
        host.Cache.SetSnapshot("node-1", snapshot);
        var name = snapshot.LoadAssignments.First(r => r.Name.Contains("|v2|", StringComparison.Ordinal)).Name;
        await using var stream = Ads.Sotw(host.Channel());

        await stream.SendAsync(Ads.Request(XdsTypeUrls.ClusterLoadAssignment, names: [name, "no-such-cluster"]));
        var response = await stream.NextAsync();

        var only = Assert.Single(response.Resources);
        Assert.True(snapshot.LoadAssignments.TryGet(name, out var expected));
        Assert.Equal(expected.Payload.ToArray(), only.Value.ToByteArray());
    }

    [Fact]
    public async Task Ack_IsNotAnsweredWithTheSameVersionAgain()
    {
        await using var host = await XdsServerHost.StartAsync();
        host.Cache.SetSnapshot("node-1", GreeterMesh.Snapshot());
        await using var stream = Ads.Sotw(host.Channel());

        await stream.SendAsync(Ads.Request(XdsTypeUrls.Cluster));
        var first = await stream.NextAsync();
        await stream.SendAsync(Ads.Ack(first));

        Assert.Equal(XdsTypeUrls.RouteConfiguration, (await BarrierAsync(stream)).TypeUrl);
    }

    [Fact]
    public async Task Update_PushesTheNewVersion_ToAnAckedStream()
    {
        await using var host = await XdsServerHost.StartAsync();
        host.Cache.SetSnapshot("node-1", GreeterMesh.Snapshot());
        await using var stream = Ads.Sotw(host.Channel());
        await stream.SendAsync(Ads.Request(XdsTypeUrls.Cluster));
        var first = await stream.NextAsync();
        await stream.SendAsync(Ads.Ack(first));

        var next = GreeterMesh.Snapshot(GreeterMesh.Model(withHello: false));
        host.Cache.SetSnapshot("node-1", next);
        var pushed = await stream.NextAsync();

        Assert.Equal(XdsTypeUrls.Cluster, pushed.TypeUrl);
        Assert.Equal(Hex(next.Clusters.Version), pushed.VersionInfo);
        Assert.NotEqual(first.VersionInfo, pushed.VersionInfo);
        Assert.NotEqual(first.Nonce, pushed.Nonce);
    }

    [Fact]
    public async Task Removal_AClusterDroppedFromTheModel_IsAbsentFromTheNextWildcardResponse()
    {
        await using var host = await XdsServerHost.StartAsync();
        var before = GreeterMesh.Snapshot();
        host.Cache.SetSnapshot("node-1", before);
        await using var stream = Ads.Sotw(host.Channel());
        await stream.SendAsync(Ads.Request(XdsTypeUrls.Cluster));
        var first = await stream.NextAsync();
        Assert.Contains(first.Resources, r => ClusterName(r).Contains("hello", StringComparison.Ordinal));
        await stream.SendAsync(Ads.Ack(first));

        host.Cache.SetSnapshot("node-1", GreeterMesh.Snapshot(GreeterMesh.Model(withHello: false)));
        var pushed = await stream.NextAsync();

        Assert.DoesNotContain(pushed.Resources, r => ClusterName(r).Contains("hello", StringComparison.Ordinal));
        Assert.Contains(pushed.Resources, r => ClusterName(r).Contains("greeter", StringComparison.Ordinal));
    }

    /// <summary>A cluster's name: field 1 of <c>envoy.config.cluster.v3.Cluster</c>.</summary>
    private static string ClusterName(Google.Protobuf.WellKnownTypes.Any any)
    {
        var input = new Google.Protobuf.CodedInputStream(any.Value.ToByteArray());
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (tag == 10) return input.ReadString();
            input.SkipLastField();
        }
        return string.Empty;
    }

    [Fact]
    public async Task Nack_RaisesTheEvent_KeepsTheLastGoodVersion_AndIsNotAnsweredWithTheRejectedOne()
    {
        await using var host = await XdsServerHost.StartAsync();
        var nacks = new List<XdsNackEventArgs>();
        host.Cache.Nack += (_, e) => { lock (nacks) nacks.Add(e); };
        host.Cache.SetSnapshot("node-1", GreeterMesh.Snapshot());
        await using var stream = Ads.Sotw(host.Channel());
        await stream.SendAsync(Ads.Request(XdsTypeUrls.Cluster));
        var good = await stream.NextAsync();
        await stream.SendAsync(Ads.Ack(good));

        host.Cache.SetSnapshot("node-1", GreeterMesh.Snapshot(GreeterMesh.Model(withHello: false)));
        var bad = await stream.NextAsync();
        await stream.SendAsync(Ads.Nack(bad, keptVersion: good.VersionInfo, "cluster rejected"));

        // Nothing is resent: the barrier's response is the next thing on the stream.
        Assert.Equal(XdsTypeUrls.RouteConfiguration, (await BarrierAsync(stream)).TypeUrl);
        var nack = Assert.Single(nacks);
        Assert.Equal(XdsResourceType.Cluster, nack.Type);
        Assert.Equal(bad.VersionInfo, nack.RejectedVersion);
        Assert.Equal(good.VersionInfo, nack.KeptVersion);
        Assert.Equal("cluster rejected", nack.ErrorMessage);
        Assert.Equal("node-1", nack.Node.Id);
        Assert.False(nack.Delta);

        // The next change is sent as usual (here: back to the configuration the client kept).
        host.Cache.SetSnapshot("node-1", GreeterMesh.Snapshot());
        var next = await stream.NextAsync();
        Assert.Equal(XdsTypeUrls.Cluster, next.TypeUrl);
        Assert.Equal(good.VersionInfo, next.VersionInfo);
    }

    [Fact]
    public async Task Update_OfEveryType_IsPushedInCdsEdsLdsRdsOrder()
    {
        await using var host = await XdsServerHost.StartAsync();
        var snapshot = GreeterMesh.Snapshot();
        host.Cache.SetSnapshot("node-1", snapshot);
        await using var stream = Ads.Sotw(host.Channel());
        var routes = snapshot.RouteConfigurations.Select(r => r.Name).ToArray();
        var assignments = snapshot.LoadAssignments.Select(r => r.Name).ToArray();
        foreach (var (type, names) in new[] { (XdsTypeUrls.Listener, Array.Empty<string>()), (XdsTypeUrls.RouteConfiguration, routes), (XdsTypeUrls.Cluster, []), (XdsTypeUrls.ClusterLoadAssignment, assignments) })
        {
            await stream.SendAsync(Ads.Request(type, names: names));
            await stream.SendAsync(Ads.Ack(await stream.NextAsync(), names: names));
        }

        // Weights (RDS), endpoints (EDS), a service less (CDS) and a timeout on the listener's route all change at once.
        host.Cache.SetSnapshot("node-1", GreeterMesh.Snapshot(GreeterMesh.Model(50, 50, TimeSpan.FromSeconds(3), withHello: false), GreeterMesh.Endpoints(v1Port: 7201)));
        var order = new List<string>();
        for (var i = 0; i < 4; i++) order.Add((await stream.NextAsync()).TypeUrl);

        Assert.Equal([XdsTypeUrls.Cluster, XdsTypeUrls.ClusterLoadAssignment, XdsTypeUrls.Listener, XdsTypeUrls.RouteConfiguration], order);
    }

    [Fact]
    public async Task Reconnect_WithTheVersionsItHas_ReceivesNothing()
    {
        await using var host = await XdsServerHost.StartAsync();
        host.Cache.SetSnapshot("node-1", GreeterMesh.Snapshot());
        DiscoveryResponse lds, cds;
        await using (var first = Ads.Sotw(host.Channel()))
        {
            await first.SendAsync(Ads.Request(XdsTypeUrls.Listener));
            lds = await first.NextAsync();
            await first.SendAsync(Ads.Ack(lds));
            await first.SendAsync(Ads.Request(XdsTypeUrls.Cluster));
            cds = await first.NextAsync();
            await first.SendAsync(Ads.Ack(cds));
        }

        await using var again = Ads.Sotw(host.Channel());
        await again.SendAsync(Ads.Request(XdsTypeUrls.Listener, version: lds.VersionInfo, nonce: lds.Nonce));
        await again.SendAsync(Ads.Request(XdsTypeUrls.Cluster, version: cds.VersionInfo, nonce: cds.Nonce));

        Assert.Equal(XdsTypeUrls.RouteConfiguration, (await BarrierAsync(again)).TypeUrl);
    }

    [Fact]
    public async Task StaleNonce_IsIgnored()
    {
        await using var host = await XdsServerHost.StartAsync();
        host.Cache.SetSnapshot("node-1", GreeterMesh.Snapshot());
        await using var stream = Ads.Sotw(host.Channel());
        await stream.SendAsync(Ads.Request(XdsTypeUrls.Cluster));
        var first = await stream.NextAsync();
        await stream.SendAsync(Ads.Ack(first));
        host.Cache.SetSnapshot("node-1", GreeterMesh.Snapshot(GreeterMesh.Model(withHello: false)));
        var second = await stream.NextAsync();

        // An old nonce with an empty version would otherwise ask for everything again.
        await stream.SendAsync(Ads.Request(XdsTypeUrls.Cluster, version: "", nonce: first.Nonce));

        Assert.Equal(XdsTypeUrls.RouteConfiguration, (await BarrierAsync(stream)).TypeUrl);
        Assert.NotEqual(first.VersionInfo, second.VersionInfo);
    }

    [Fact]
    public async Task UnknownTypeUrl_IsIgnored_AndTheStreamGoesOn()
    {
        await using var host = await XdsServerHost.StartAsync();
        host.Cache.SetSnapshot("node-1", GreeterMesh.Snapshot());
        await using var stream = Ads.Sotw(host.Channel());

        await stream.SendAsync(Ads.Request("type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.Secret"));

        Assert.Equal(XdsTypeUrls.RouteConfiguration, (await BarrierAsync(stream)).TypeUrl);
    }

    [Fact]
    public async Task MissingTypeUrl_EndsTheStreamWithInvalidArgument()
    {
        await using var host = await XdsServerHost.StartAsync();
        await using var stream = Ads.Sotw(host.Channel());

        await stream.SendAsync(Ads.Request(""));

        Assert.Equal(StatusCode.InvalidArgument, await stream.EndAsync());
    }

    [Fact]
    public async Task FirstRequestWithoutNode_EndsTheStreamWithInvalidArgument()
    {
        await using var host = await XdsServerHost.StartAsync();
        await using var stream = Ads.Sotw(host.Channel());

        await stream.SendAsync(new DiscoveryRequest { TypeUrl = XdsTypeUrls.Cluster });

        Assert.Equal(StatusCode.InvalidArgument, await stream.EndAsync());
    }
}
