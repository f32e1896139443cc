using Envoy.Config.Endpoint.V3;
using Mesh.Model;
using static Mesh.Xds.Tests.Samples;

namespace Mesh.Xds.Tests.Snapshots;

public sealed class IncrementalUpdateTests
{
    [Fact]
    public void EndpointChange_ReencodesOnlyThatServicesAssignments_AndReportsTheChangedOnes()
    {
        var encoder = new XdsEncoder();
        var before = Build();
        var endpoints = SampleEndpoints().WithService(Ratings, [new ServiceEndpoints { Service = Ratings, Port = 9080, Addresses = [new EndpointAddress { Address = "10.0.1.2" }] }]);
        var update = encoder.Update(before, Bookinfo(), endpoints, XdsChange.Endpoints(Ratings));
        Assert.False(update.HasErrors);
        Assert.Equal([new XdsResourceChange(XdsResourceType.ClusterLoadAssignment, "outbound|9080||ratings.bookinfo.svc.cluster.local")], update.Changed);
        Assert.Empty(update.Removed);
        var after = update.Snapshot!;
        Assert.Same(before.Clusters, after.Clusters);
        Assert.Same(before.Listeners, after.Listeners);
        Assert.Same(before.RouteConfigurations, after.RouteConfigurations);
        var assignment = Single<ClusterLoadAssignment>(after, XdsResourceType.ClusterLoadAssignment, "outbound|9080||ratings.bookinfo.svc.cluster.local");
        Assert.Equal("10.0.1.2", assignment.Endpoints[0].LbEndpoints[0].Endpoint.Address.SocketAddress.Address);
        Assert.NotEqual(before.LoadAssignments.Version, after.LoadAssignments.Version);
    }

    [Fact]
    public void IncrementalResult_EqualsAFullRebuild()
    {
        var encoder = new XdsEncoder();
        var endpoints = SampleEndpoints().WithService(Reviews, [new ServiceEndpoints { Service = Reviews, Port = 9080, Addresses = [new EndpointAddress { Address = "10.9.9.9", Labels = Labels("v2") }] }]);
        var incremental = encoder.Update(Build(), Bookinfo(), endpoints, XdsChange.Endpoints(Reviews)).Snapshot!;
        var full = Build(endpoints: endpoints);
        foreach (var type in Enum.GetValues<XdsResourceType>())
        {
            Assert.Equal(full.ToDiscoveryResponse(type), incremental.ToDiscoveryResponse(type));
        }
    }

    [Fact]
    public void UnchangedEndpoints_ChangeNothing()
    {
        var before = Build();
        var update = new XdsEncoder().Update(before, Bookinfo(), SampleEndpoints(), XdsChange.Endpoints(Reviews));
        Assert.Empty(update.Changed);
        Assert.Same(before.LoadAssignments, update.Snapshot!.LoadAssignments);
    }

    [Fact]
    public void RouteChange_ReencodesTheRouteConfigurationsOfItsHost()
    {
        var config = Bookinfo();
        var changed = config with { Routes = [config.Routes[0] with { Rules = [config.Routes[0].Rules[0] with { Timeout = TimeSpan.FromSeconds(3) }] }, config.Routes[1]] };
        var update = new XdsEncoder().Update(Build(config), changed, SampleEndpoints(), XdsChange.Routes(Reviews));
        Assert.Equal([new XdsResourceChange(XdsResourceType.RouteConfiguration, "9080")], update.Changed);
        var full = Build(changed);
        Assert.Equal(full.ToDiscoveryResponse(XdsResourceType.RouteConfiguration), update.Snapshot!.ToDiscoveryResponse(XdsResourceType.RouteConfiguration));
    }

    [Theory]
    [InlineData(XdsChangeKind.Routes)]
    [InlineData(XdsChangeKind.Model)]
    public void AChangeToAnInvalidModel_IsRefused_WithTheValidatorsDiagnostics(XdsChangeKind kind)
    {
        var config = Bookinfo();
        var changed = config with { Routes = [config.Routes[0] with { Rules = [config.Routes[0].Rules[0] with { Timeout = TimeSpan.Zero }] }, config.Routes[1]] };
        var update = new XdsEncoder().Update(Build(config), changed, SampleEndpoints(), kind == XdsChangeKind.Routes ? XdsChange.Routes(Reviews) : XdsChange.Model);
        Assert.Null(update.Snapshot);
        Assert.Empty(update.Changed);
        var diagnostic = Assert.Single(update.Diagnostics);
        Assert.Equal((Mesh.Diagnostics.DiagnosticCodes.NonPositiveDuration, "$.spec.routes[0].rules[0].timeout"), (diagnostic.Code, diagnostic.Path));
    }

    [Fact]
    public void RouteChange_ThatAddsAFault_ReencodesTheListenerToo()
    {
        var config = Bookinfo() with { Routes = [] };
        var changed = Bookinfo() with { Routes = [Bookinfo().Routes[1]] };
        var update = new XdsEncoder().Update(Build(config), changed, SampleEndpoints(), XdsChange.Routes(Ratings));
        Assert.Contains(new XdsResourceChange(XdsResourceType.Listener, "0.0.0.0_9080"), update.Changed);
        Assert.Contains(new XdsResourceChange(XdsResourceType.RouteConfiguration, "9080"), update.Changed);
    }

    [Fact]
    public void ModelChange_ReportsAddedChangedAndRemovedResources()
    {
        var config = Bookinfo();
        var smaller = config with { Services = [config.Services[0], config.Services[1]] };
        var update = new XdsEncoder().Update(Build(config), smaller, SampleEndpoints(), XdsChange.Model);
        Assert.Contains(new XdsResourceChange(XdsResourceType.Cluster, "outbound|50051||greeter.grpc.svc.cluster.local"), update.Removed);
        Assert.Contains(new XdsResourceChange(XdsResourceType.Listener, "0.0.0.0_50051"), update.Removed);
        Assert.Contains(new XdsResourceChange(XdsResourceType.RouteConfiguration, "50051"), update.Removed);
        Assert.DoesNotContain(update.Changed, c => c.Type == XdsResourceType.Cluster);
    }

    [Fact]
    public void UpdateWithErrors_ReturnsNoSnapshot()
    {
        var endpoints = SampleEndpoints().WithService(Ratings, [new ServiceEndpoints { Service = Ratings, Port = 9080, Addresses = [new EndpointAddress { Address = "bad" }] }]);
        var update = new XdsEncoder().Update(Build(), Bookinfo(), endpoints, XdsChange.Endpoints(Ratings));
        Assert.True(update.HasErrors);
        Assert.Null(update.Snapshot);
    }
}
