using Google.Protobuf;
using Mesh.Xds.Server.Protocol;
using Mesh.Xds.Server.Tests.Fixtures;

namespace Mesh.Xds.Server.Tests.Cache;

/// <summary>
/// Scale-out without a cluster: two servers fed the same inputs (each encoding them itself) serve the same bytes and
/// versions, never the same nonce, and a client that moves from one to the other is sent nothing.
/// </summary>
public sealed class ReplicaTests
{
    private static async Task<(XdsServerHost A, XdsServerHost B)> TwoReplicasAsync()
    {
        var a = await XdsServerHost.StartAsync();
        var b = await XdsServerHost.StartAsync();
        a.Cache.SetSnapshot("node-1", GreeterMesh.Snapshot());
        b.Cache.SetSnapshot("node-1", GreeterMesh.Snapshot());
        return (a, b);
    }

    [Fact]
    public async Task Replicas_ServeIdenticalResourcesAndVersions_WithDistinctNonces()
    {
        var (a, b) = await TwoReplicasAsync();
        await using var _ = a;
        await using var __ = b;
        await using var fromA = Ads.Sotw(a.Channel());
        await using var fromB = Ads.Sotw(b.Channel());

        foreach (var type in new[] { XdsTypeUrls.Listener, XdsTypeUrls.Cluster })
        {
            await fromA.SendAsync(Ads.Request(type));
            await fromB.SendAsync(Ads.Request(type));
            var ra = await fromA.NextAsync();
            var rb = await fromB.NextAsync();
            Assert.Equal(ra.VersionInfo, rb.VersionInfo);
            Assert.Equal(ra.Resources.Select(r => r.ToByteArray()), rb.Resources.Select(r => r.ToByteArray()));
            Assert.NotEqual(ra.Nonce, rb.Nonce);
            Assert.NotEqual(ra.Nonce.Split('-')[0], rb.Nonce.Split('-')[0]);
        }
    }

    [Fact]
    public async Task SotwClient_MovingToTheOtherReplica_IsSentNothing()
    {
        var (a, b) = await TwoReplicasAsync();
        await using var _ = a;
        await using var __ = b;
        var route = GreeterMesh.Target;
        var had = new List<DiscoveryRequest>();
        await using (var stream = Ads.Sotw(a.Channel()))
        {
            foreach (var (type, names) in new[] { (XdsTypeUrls.Listener, Array.Empty<string>()), (XdsTypeUrls.Cluster, []), (XdsTypeUrls.RouteConfiguration, [route]) })
            {
                await stream.SendAsync(Ads.Request(type, names: names));
                var response = await stream.NextAsync();
                await stream.SendAsync(Ads.Ack(response, names: names));
                had.Add(Ads.Ack(response, names: names));
            }
        }

        await using var moved = Ads.Sotw(b.Channel());
        foreach (var request in had) await moved.SendAsync(request);

        // A fresh subscription answers; had anything been sent for the three types, it would have come first.
        var eds = a.Cache.TryGetSnapshot("node-1", out var snapshot) ? snapshot.LoadAssignments[0].Name : throw new InvalidOperationException();
        await moved.SendAsync(Ads.Request(XdsTypeUrls.ClusterLoadAssignment, names: eds));
        Assert.Equal(XdsTypeUrls.ClusterLoadAssignment, (await moved.NextAsync()).TypeUrl);
    }

    [Fact]
    public async Task DeltaClient_MovingToTheOtherReplica_IsSentNothing()
    {
        var (a, b) = await TwoReplicasAsync();
        await using var _ = a;
        await using var __ = b;
        Dictionary<string, string> versions;
        await using (var stream = Ads.Delta(a.Channel()))
        {
            await stream.SendAsync(Ads.DeltaRequest(XdsTypeUrls.Cluster));
            var response = await stream.NextAsync();
            await stream.SendAsync(Ads.DeltaRequest(XdsTypeUrls.Cluster, nonce: response.Nonce));
            versions = Ads.Versions(response);
        }

        await using var moved = Ads.Delta(b.Channel());
        await moved.SendAsync(Ads.DeltaRequest(XdsTypeUrls.Cluster, initial: versions));
        await moved.SendAsync(Ads.DeltaRequest(XdsTypeUrls.RouteConfiguration, subscribe: [GreeterMesh.Target]));

        Assert.Equal(XdsTypeUrls.RouteConfiguration, (await moved.NextAsync()).TypeUrl);
    }
}
