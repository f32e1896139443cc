using Envoy.Config.Core.V3;
using Envoy.Config.Endpoint.V3;
using static Mesh.Xds.Tests.Samples;

namespace Mesh.Xds.Tests.Encoding;

public sealed class LoadAssignmentTests
{
    [Fact]
    public void WholeServiceCluster_GroupsEveryEndpointByLocality_WithLocalityWeights()
    {
        var assignment = Single<ClusterLoadAssignment>(Build(), XdsResourceType.ClusterLoadAssignment, "outbound|9080||reviews.bookinfo.svc.cluster.local");
        Assert.Equal("outbound|9080||reviews.bookinfo.svc.cluster.local", assignment.ClusterName);
        Assert.Equal(2, assignment.Endpoints.Count);
        var z1 = assignment.Endpoints[0];
        Assert.Equal(new Locality { Region = "r1", Zone = "z1" }, z1.Locality);
        Assert.Equal(["10.0.0.11", "10.0.0.13", "fd00::14"], z1.LbEndpoints.Select(e => e.Endpoint.Address.SocketAddress.Address));
        Assert.Equal(5u, z1.LoadBalancingWeight);
        var z2 = assignment.Endpoints[1];
        Assert.Equal("z2", z2.Locality.Zone);
        Assert.Equal(2u, z2.LoadBalancingWeight);
    }

    [Fact]
    public void Endpoint_CarriesPortHealthAndWeight_AndItsOwnTargetPort()
    {
        var z1 = Single<ClusterLoadAssignment>(Build(), XdsResourceType.ClusterLoadAssignment, "outbound|9080||reviews.bookinfo.svc.cluster.local").Endpoints[0];
        Assert.Equal(9080u, z1.LbEndpoints[0].Endpoint.Address.SocketAddress.PortValue);
        Assert.Equal(HealthStatus.Healthy, z1.LbEndpoints[0].HealthStatus);
        Assert.Equal(1u, z1.LbEndpoints[0].LoadBalancingWeight);
        Assert.Equal(HealthStatus.Unhealthy, z1.LbEndpoints[1].HealthStatus);
        Assert.Equal(19080u, z1.LbEndpoints[2].Endpoint.Address.SocketAddress.PortValue);
        Assert.Equal(3u, z1.LbEndpoints[2].LoadBalancingWeight);
    }

    [Fact]
    public void SubsetCluster_SelectsEndpointsByLabels_AndDropsEmptyLocalities()
    {
        var v1 = Single<ClusterLoadAssignment>(Build(), XdsResourceType.ClusterLoadAssignment, "outbound|9080|v1|reviews.bookinfo.svc.cluster.local");
        var locality = Assert.Single(v1.Endpoints);
        Assert.Equal(["10.0.0.11", "fd00::14"], locality.LbEndpoints.Select(e => e.Endpoint.Address.SocketAddress.Address));
        Assert.Equal(4u, locality.LoadBalancingWeight);
    }

    [Fact]
    public void ServiceWithoutEndpoints_GetsAnAssignmentWithNoLocalities()
    {
        var snapshot = Build(endpoints: EndpointSnapshot.Empty);
        var assignment = Single<ClusterLoadAssignment>(snapshot, XdsResourceType.ClusterLoadAssignment, "outbound|9080||ratings.bookinfo.svc.cluster.local");
        Assert.Empty(assignment.Endpoints);
    }

    [Fact]
    public void EndpointWithoutLocality_IsInTheEmptyLocality_WhichIsStillSet()
    {
        var assignment = Single<ClusterLoadAssignment>(Build(), XdsResourceType.ClusterLoadAssignment, "outbound|9080||ratings.bookinfo.svc.cluster.local");
        var locality = Assert.Single(assignment.Endpoints);
        Assert.NotNull(locality.Locality);
        Assert.Equal(1u, locality.LoadBalancingWeight);
    }
}
