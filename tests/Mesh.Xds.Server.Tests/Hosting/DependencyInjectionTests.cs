using Mesh.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;

namespace Mesh.Xds.Server.Tests.Hosting;

public sealed class DependencyInjectionTests
{
    [Fact]
    public void AddXdsServer_Twice_RegistersOneCache_WithBothConfigurationsApplied()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMeshSdk().AddXdsServer(o => o.RequestQueueCapacity = 4).AddXdsServer(o => o.NodeGroup = n => "group:" + n.Cluster);
        using var provider = services.BuildServiceProvider();

        var cache = Assert.Single(provider.GetServices<XdsSnapshotCache>());
        Assert.Equal(4, cache.Options.RequestQueueCapacity);
        Assert.Equal("group:c1", cache.NodeGroupOf(new XdsNode { Id = "n1", Cluster = "c1" }));
        Assert.Same(cache, provider.GetRequiredService<XdsSnapshotCache>());
    }

    [Fact]
    public void Defaults_GroupByNodeId_AndQueueSixteenRequests()
    {
        var options = new XdsServerOptions();
        Assert.Equal(16, options.RequestQueueCapacity);
        Assert.Equal("node-7", options.NodeGroup(new XdsNode { Id = "node-7", Cluster = "c" }));
    }

    [Fact]
    public void InvalidOptions_FailWhenTheCacheIsResolved_NamingTheProblem()
    {
        var services = new ServiceCollection();
        services.AddMeshSdk().AddXdsServer(o => o.RequestQueueCapacity = 0);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<ArgumentException>(() => provider.GetRequiredService<XdsSnapshotCache>());
        Assert.Contains("RequestQueueCapacity", error.Message, StringComparison.Ordinal);
    }
}
