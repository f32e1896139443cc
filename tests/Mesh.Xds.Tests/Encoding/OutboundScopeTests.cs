using Envoy.Config.Cluster.V3;
using Envoy.Config.Route.V3;
using Mesh.Model;
using static Mesh.Xds.Tests.Samples;

namespace Mesh.Xds.Tests.Encoding;

/// <summary>The outbound policy on a sidecar: the passthrough or black-hole catch-all, and the hosts that scope what it sees.</summary>
public sealed class OutboundScopeTests
{
    private static ExternalService Stripe => new()
    {
        Name = "stripe",
        Namespace = "payments",
        Hosts = ["api.stripe.com"],
        Ports = [new ServicePort { Port = 80, Protocol = Protocol.Http }],
    };

    private static XdsBuildResult Encode(MeshConfig config, XdsProxy? proxy = null)
    {
        var result = new XdsEncoder().Build(config, SampleEndpoints(), proxy ?? Sidecar);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return result;
    }

    private static MeshConfig With(params OutboundPolicy[] policies) => Bookinfo() with { Outbound = policies, ExternalServices = [Stripe] };

    [Fact]
    public void WithoutAPolicy_CallsToOtherHostsPassThrough_OnEveryOutboundRouteConfiguration()
    {
        var snapshot = Encode(Bookinfo()).Snapshot!;
        var cluster = Single<Cluster>(snapshot, XdsResourceType.Cluster, "PassthroughCluster");
        Assert.Equal(Cluster.Types.DiscoveryType.OriginalDst, cluster.Type);
        Assert.Equal(Cluster.Types.LbPolicy.ClusterProvided, cluster.LbPolicy);
        Assert.Null(cluster.EdsClusterConfig);
        Assert.Null(cluster.LoadAssignment);
        Assert.False(snapshot.Clusters.TryGet("BlackHoleCluster", out _));
        Assert.False(snapshot.LoadAssignments.TryGet("PassthroughCluster", out _));
        var configs = Decode<RouteConfiguration>(snapshot, XdsResourceType.RouteConfiguration);
        Assert.Equal(2, configs.Count);
        foreach (var config in configs)
        {
            var catchAll = config.VirtualHosts[^1];
            Assert.Equal("allow_any", catchAll.Name);
            Assert.Equal(["*"], catchAll.Domains);
            var route = Assert.Single(catchAll.Routes);
            Assert.Equal("allow_any", route.Name);
            Assert.Equal("/", route.Match.Prefix);
            Assert.Equal("PassthroughCluster", route.Route_.Cluster);
            Assert.Single(config.VirtualHosts, v => v.Domains.Contains("*"));
        }
    }

    [Fact]
    public void AllowAnyPolicy_IsTheDefault()
    {
        var snapshot = Encode(With(new OutboundPolicy { Mode = OutboundMode.AllowAny })).Snapshot!;
        Assert.True(snapshot.Clusters.TryGet("PassthroughCluster", out _));
        Assert.Equal("allow_any", Single<RouteConfiguration>(snapshot, XdsResourceType.RouteConfiguration, "9080").VirtualHosts[^1].Name);
    }

    [Fact]
    public void RegistryOnly_AnswersOtherHostsWith502_AndHasABlackHoleClusterInsteadOfPassthrough()
    {
        var result = Encode(With(new OutboundPolicy { Namespace = "bookinfo", Mode = OutboundMode.RegistryOnly }));
        var snapshot = result.Snapshot!;
        Assert.False(snapshot.Clusters.TryGet("PassthroughCluster", out _));
        var blackHole = Single<Cluster>(snapshot, XdsResourceType.Cluster, "BlackHoleCluster");
        Assert.Equal(Cluster.Types.DiscoveryType.Static, blackHole.Type);
        Assert.Equal("BlackHoleCluster", blackHole.LoadAssignment.ClusterName);
        Assert.Empty(blackHole.LoadAssignment.Endpoints);
        foreach (var config in Decode<RouteConfiguration>(snapshot, XdsResourceType.RouteConfiguration))
        {
            var catchAll = config.VirtualHosts[^1];
            Assert.Equal("block_all", catchAll.Name);
            Assert.Equal(["*"], catchAll.Domains);
            var route = Assert.Single(catchAll.Routes);
            Assert.Equal(Route.ActionOneofCase.DirectResponse, route.ActionCase);
            Assert.Equal(502u, route.DirectResponse.Status);
        }
        // Registered hosts still route: the registry is what the sidecar may reach.
        Assert.True(snapshot.Clusters.TryGet("outbound|80||api.stripe.com", out _));
        Assert.DoesNotContain(result.Diagnostics, d => d.Path.StartsWith("$.spec.outbound", StringComparison.Ordinal));
    }

    [Fact]
    public void NamespacePolicy_ReplacesTheMeshWideOne_AndOtherNamespacesKeepTheMeshWideOne()
    {
        var config = With(new OutboundPolicy { Mode = OutboundMode.RegistryOnly }, new OutboundPolicy { Namespace = "bookinfo", Mode = OutboundMode.AllowAny });
        Assert.True(Encode(config).Snapshot!.Clusters.TryGet("PassthroughCluster", out _));
        var elsewhere = Encode(config, XdsProxy.Sidecar("other", "shop")).Snapshot!;
        Assert.True(elsewhere.Clusters.TryGet("BlackHoleCluster", out _));
        Assert.False(elsewhere.Clusters.TryGet("PassthroughCluster", out _));
    }

    [Fact]
    public void Hosts_ScopeClustersVirtualHostsAndListeners_ToWhatTheyCover()
    {
        var result = Encode(With(new OutboundPolicy { Namespace = "bookinfo", Mode = OutboundMode.RegistryOnly, Hosts = ["./*", "*/api.stripe.com"] }));
        var snapshot = result.Snapshot!;
        var names = snapshot.Clusters.Select(c => c.Name).ToList();
        Assert.Contains("outbound|9080||ratings.bookinfo.svc.cluster.local", names);
        Assert.Contains("outbound|80||api.stripe.com", names);
        Assert.DoesNotContain(names, n => n.Contains("greeter", StringComparison.Ordinal));
        Assert.DoesNotContain(snapshot.LoadAssignments, r => r.Name.Contains("greeter", StringComparison.Ordinal));
        Assert.Equal(["0.0.0.0_80", "0.0.0.0_9080"], snapshot.Listeners.Select(l => l.Name));
        Assert.False(snapshot.RouteConfigurations.TryGet("50051", out _));
        // The endpoints of the hidden service are not for this proxy: no warning about them.
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == XdsDiagnosticCodes.UnknownService);
    }

    [Fact]
    public void Hosts_OfAnotherNamespace_HideTheProxysOwnNamespace_AndDotMeansThePolicysNamespace()
    {
        var snapshot = Encode(With(new OutboundPolicy { Namespace = "bookinfo", Hosts = ["grpc/*"] })).Snapshot!;
        Assert.Equal(["PassthroughCluster", "outbound|50051||greeter.grpc.svc.cluster.local"], snapshot.Clusters.Select(c => c.Name));
        var own = Encode(With(new OutboundPolicy { Namespace = "bookinfo", Hosts = ["./reviews.bookinfo.svc.cluster.local"] })).Snapshot!;
        Assert.Equal(
            ["PassthroughCluster", "outbound|9080|v1|reviews.bookinfo.svc.cluster.local", "outbound|9080|v2|reviews.bookinfo.svc.cluster.local", "outbound|9080|v3|reviews.bookinfo.svc.cluster.local", "outbound|9080||reviews.bookinfo.svc.cluster.local"],
            own.Clusters.Select(c => c.Name));
    }

    [Fact]
    public void Hosts_KeepTheClustersThatTheRoutesOfCoveredHostsSendTo()
    {
        var config = With(new OutboundPolicy { Namespace = "bookinfo", Hosts = ["./ratings.bookinfo.svc.cluster.local"] }) with
        {
            Routes = [new HttpRoute { Name = "r", Namespace = "bookinfo", Host = Ratings, Rules = [new HttpRouteRule { Backends = [new WeightedBackend { Service = Greeter }] }] }],
        };
        var snapshot = Encode(config).Snapshot!;
        Assert.True(snapshot.Clusters.TryGet("outbound|50051||greeter.grpc.svc.cluster.local", out _));
        // The greeter is reachable only through the ratings route: it has no virtual host of its own.
        Assert.False(snapshot.RouteConfigurations.TryGet("50051", out _));
        Assert.False(snapshot.Clusters.TryGet("outbound|9080||reviews.bookinfo.svc.cluster.local", out _));
    }

    [Fact]
    public void ProxylessClients_GetNoCatchAll_AndAnApplyingPolicyIsReported()
    {
        var result = Encode(With(new OutboundPolicy { Mode = OutboundMode.RegistryOnly, Hosts = ["./*"] }), Proxyless);
        Assert.False(result.Snapshot!.Clusters.TryGet("BlackHoleCluster", out _));
        Assert.False(result.Snapshot!.Clusters.TryGet("PassthroughCluster", out _));
        Assert.All(Decode<RouteConfiguration>(result.Snapshot!, XdsResourceType.RouteConfiguration), c => Assert.DoesNotContain(c.VirtualHosts, v => v.Domains.Contains("*")));
        // Hosts do not scope what a proxyless client asks for by name.
        Assert.True(result.Snapshot!.Clusters.TryGet("outbound|9080||ratings.bookinfo.svc.cluster.local", out _));
        var warning = Assert.Single(result.Diagnostics, d => d.Path == "$.spec.outbound[0]");
        Assert.Equal(XdsDiagnosticCodes.NotEncoded, warning.Code);
    }
}
