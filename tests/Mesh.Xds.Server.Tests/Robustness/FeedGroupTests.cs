using System.Globalization;
using Mesh.Xds.Server.Protocol;
using Mesh.Xds.Server.Tests.Fixtures;

namespace Mesh.Xds.Server.Tests.Robustness;

/// <summary>
/// Regression: <see cref="XdsModelFeed"/> built a snapshot for every node group a client ever named and kept it, and
/// re-encoded all of them on every update, so clients cycling through node ids (the default group) or node metadata
/// (<see cref="XdsNodeConventions.ShapeOf"/>) grew the server's memory and update cost without end. A group is now
/// forgotten when its last stream closes and built again when a client of it connects.
/// </summary>
public sealed class FeedGroupTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);

    private static async Task UntilAsync(Func<bool> condition, Func<string> what)
    {
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            while (!condition()) await Task.Delay(20, timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Not within {Limit}: {what()}");
        }
    }

    [Fact]
    public async Task ClientsThatComeAndGo_WithNodeIdsOfTheirOwn_LeaveNoGroupBehind()
    {
        await using var host = await XdsServerHost.StartAsync();
        using var feed = new XdsModelFeed(host.Cache);
        feed.Update(GreeterMesh.Model(), GreeterMesh.Endpoints());
        await using var stays = Ads.Sotw(host.Channel());
        await stays.SendAsync(Ads.Request(XdsTypeUrls.Cluster, "stays"));
        var first = await stays.NextAsync();
        await stays.SendAsync(Ads.Ack(first, "stays"));

        for (var i = 0; i < 30; i++)
        {
            await using var driveBy = Ads.Sotw(host.Channel());
            await driveBy.SendAsync(Ads.Request(XdsTypeUrls.Cluster, $"drive-by-{i}"));
            Assert.Equal(first.VersionInfo, (await driveBy.NextAsync()).VersionInfo);
        }

        await UntilAsync(() => feed.NodeGroupCount == 1 && host.Cache.NodeGroups.Count == 1, () => $"{feed.NodeGroupCount} groups in the feed, {host.Cache.NodeGroups.Count} in the cache");
        Assert.Equal(["stays"], host.Cache.NodeGroups);

        // The group still connected is updated; a client of a forgotten group that comes back is served again.
        var next = feed.Update(GreeterMesh.Model(withHello: false), GreeterMesh.Endpoints());
        Assert.DoesNotContain(next, d => d.IsError);
        Assert.NotEqual(first.VersionInfo, (await stays.NextAsync()).VersionInfo);
        await using var back = Ads.Sotw(host.Channel());
        await back.SendAsync(Ads.Request(XdsTypeUrls.Cluster, "drive-by-0"));
        var again = await back.NextAsync();
        Assert.True(host.Cache.TryGetSnapshot("drive-by-0", out var snapshot));
        Assert.Equal(snapshot.Clusters.Version.ToString("x16", CultureInfo.InvariantCulture), again.VersionInfo);
        Assert.Equal(2, feed.NodeGroupCount);
    }

    [Fact]
    public async Task ClientsThatComeAndGo_WithShapesOfTheirOwn_LeaveNoGroupBehind()
    {
        await using var host = await XdsServerHost.StartAsync(o => o.NodeGroup = XdsNodeConventions.ShapeOf);
        using var feed = new XdsModelFeed(host.Cache);
        feed.Update(GreeterMesh.Model(), GreeterMesh.Endpoints());

        for (var i = 0; i < 30; i++)
        {
            await using var driveBy = Ads.Sotw(host.Channel());
            var request = Ads.Request(XdsTypeUrls.Cluster, "same-id");
            request.Node.Metadata = new Google.Protobuf.WellKnownTypes.Struct();
            request.Node.Metadata.Fields[$"label.run"] = Google.Protobuf.WellKnownTypes.Value.ForString($"r{i}");
            await driveBy.SendAsync(request);
            await driveBy.NextAsync();
        }

        await UntilAsync(() => feed.NodeGroupCount == 0 && host.Cache.NodeGroups.Count == 0, () => $"{feed.NodeGroupCount} groups in the feed, {host.Cache.NodeGroups.Count} in the cache");
    }
}
