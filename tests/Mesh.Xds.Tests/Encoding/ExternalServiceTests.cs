using Envoy.Config.Cluster.V3;
using Envoy.Config.Route.V3;
using Envoy.Extensions.TransportSockets.Tls.V3;
using Mesh.Model;
using static Mesh.Xds.Tests.Samples;

namespace Mesh.Xds.Tests.Encoding;

/// <summary>External services on a sidecar: clusters by resolution, endpoints and subsets, policies, virtual hosts and what is reported.</summary>
public sealed class ExternalServiceTests
{
    private static readonly ServiceRef Stripe = new("stripe", "bookinfo");

    private static ExternalService StripeService(Resolution resolution = Resolution.Dns) => new()
    {
        Name = "stripe",
        Namespace = "bookinfo",
        Hosts = ["api.stripe.com"],
        Ports = [new ServicePort { Port = 80, Name = "http", Protocol = Protocol.Http }, new ServicePort { Port = 443, Name = "tls", Protocol = Protocol.Tls }],
        Resolution = resolution,
    };

    private static XdsBuildResult Encode(MeshConfig config, XdsProxy? proxy = null)
    {
        var result = new XdsEncoder().Build(config, SampleEndpoints(), proxy ?? Sidecar);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return result;
    }

    private static MeshConfig With(params ExternalService[] externals) => Bookinfo() with { ExternalServices = externals };

    private static (string Address, uint Port)[] Inline(Cluster cluster) =>
        [.. cluster.LoadAssignment.Endpoints.SelectMany(l => l.LbEndpoints).Select(e => (e.Endpoint.Address.SocketAddress.Address, e.Endpoint.Address.SocketAddress.PortValue))];

    [Fact]
    public void DnsResolution_GetsAStrictDnsClusterPerPort_NamedAfterTheHost_WithTheHostInline_AndNoEds()
    {
        var snapshot = Encode(With(StripeService())).Snapshot!;
        foreach (var port in new uint[] { 80, 443 })
        {
            var name = $"outbound|{port}||api.stripe.com";
            var cluster = Single<Cluster>(snapshot, XdsResourceType.Cluster, name);
            Assert.Equal(Cluster.Types.DiscoveryType.StrictDns, cluster.Type);
            Assert.Null(cluster.EdsClusterConfig);
            Assert.Equal(Cluster.Types.LbPolicy.RoundRobin, cluster.LbPolicy);
            Assert.Equal(name, cluster.LoadAssignment.ClusterName);
            Assert.Equal([("api.stripe.com", port)], Inline(cluster));
            Assert.Null(cluster.TransportSocket);
            Assert.False(snapshot.LoadAssignments.TryGet(name, out _));
        }
    }

    [Fact]
    public void DnsResolution_WithEndpoints_ResolvesTheEndpoints_OnTheirOwnPortForThePortName()
    {
        var external = StripeService() with
        {
            Endpoints = [new ExternalEndpoint { Address = "eu.stripe.internal", Ports = new Dictionary<string, int> { ["http"] = 8080 } }, new ExternalEndpoint { Address = "10.9.0.1" }],
        };
        var cluster = Single<Cluster>(Encode(With(external)).Snapshot!, XdsResourceType.Cluster, "outbound|80||api.stripe.com");
        Assert.Equal(Cluster.Types.DiscoveryType.StrictDns, cluster.Type);
        Assert.Equal([("eu.stripe.internal", 8080u), ("10.9.0.1", 80u)], Inline(cluster));
        var tls = Single<Cluster>(Encode(With(external)).Snapshot!, XdsResourceType.Cluster, "outbound|443||api.stripe.com");
        Assert.Equal([("eu.stripe.internal", 443u), ("10.9.0.1", 443u)], Inline(tls));
    }

    [Fact]
    public void StaticResolution_GetsAStaticCluster_WithTheAddressesAndEndpoints_AndSubsetClustersWithTheirEndpointsOnly()
    {
        var external = StripeService(Resolution.Static) with
        {
            Addresses = ["192.0.2.10", "198.51.100.0/24"],
            Endpoints =
            [
                new ExternalEndpoint { Address = "192.0.2.21", Labels = new Dictionary<string, string> { ["version"] = "v1" } },
                new ExternalEndpoint { Address = "192.0.2.22", Ports = new Dictionary<string, int> { ["http"] = 8081 }, Labels = new Dictionary<string, string> { ["version"] = "v2" } },
            ],
            Subsets = [new Subset { Name = "v2", Labels = new Dictionary<string, string> { ["version"] = "v2" } }],
        };
        var result = Encode(With(external));
        var snapshot = result.Snapshot!;
        var whole = Single<Cluster>(snapshot, XdsResourceType.Cluster, "outbound|80||api.stripe.com");
        Assert.Equal(Cluster.Types.DiscoveryType.Static, whole.Type);
        Assert.Equal([("192.0.2.10", 80u), ("192.0.2.21", 80u), ("192.0.2.22", 8081u)], Inline(whole));
        var v2 = Single<Cluster>(snapshot, XdsResourceType.Cluster, "outbound|80|v2|api.stripe.com");
        Assert.Equal(Cluster.Types.DiscoveryType.Static, v2.Type);
        Assert.Equal([("192.0.2.22", 8081u)], Inline(v2));
        Assert.Equal([("192.0.2.22", 443u)], Inline(Single<Cluster>(snapshot, XdsResourceType.Cluster, "outbound|443|v2|api.stripe.com")));
        // The CIDR block is not an endpoint, and that is said.
        Assert.Contains(result.Diagnostics, d => d.Code == XdsDiagnosticCodes.NotEncoded && d.Path == "$.spec.externalServices[0].addresses[1]");
    }

    [Fact]
    public void NoResolution_GetsAnOriginalDstCluster_WithClusterProvidedBalancing_AndNoEndpoints()
    {
        var cluster = Single<Cluster>(Encode(With(StripeService(Resolution.None))).Snapshot!, XdsResourceType.Cluster, "outbound|443||api.stripe.com");
        Assert.Equal(Cluster.Types.DiscoveryType.OriginalDst, cluster.Type);
        Assert.Equal(Cluster.Types.LbPolicy.ClusterProvided, cluster.LbPolicy);
        Assert.Null(cluster.LoadAssignment);
        Assert.Null(cluster.EdsClusterConfig);
    }

    [Fact]
    public void NoResolution_ReportsTheLoadBalancerOfAPolicy_WhichOriginalDstCannotUse()
    {
        var config = With(StripeService(Resolution.None)) with
        {
            DestinationPolicies = [new DestinationPolicy { Target = new PolicyTarget { Service = Stripe }, LoadBalancer = LoadBalancer.LeastRequest, OutlierDetection = new Mesh.Model.OutlierDetection { Consecutive5xx = 2 } }],
        };
        var result = Encode(config);
        var cluster = Single<Cluster>(result.Snapshot!, XdsResourceType.Cluster, "outbound|80||api.stripe.com");
        Assert.Equal(Cluster.Types.LbPolicy.ClusterProvided, cluster.LbPolicy);
        Assert.Equal(2u, cluster.OutlierDetection.Consecutive5Xx);
        Assert.Contains(result.Diagnostics, d => d.Code == XdsDiagnosticCodes.NotEncoded && d.Path == "$.spec.destinationPolicies[0].loadBalancer");
    }

    [Fact]
    public void WildcardHost_WithDnsResolution_HasNoCluster_AndIsReported_WhileItsOtherHostsKeepTheirs()
    {
        var external = StripeService() with { Hosts = ["*.stripe.com", "api.stripe.com"] };
        var result = Encode(With(external));
        Assert.DoesNotContain(result.Snapshot!.Clusters, c => c.Name.Contains("*.stripe.com", StringComparison.Ordinal));
        Assert.True(result.Snapshot!.Clusters.TryGet("outbound|443||api.stripe.com", out _));
        var warning = Assert.Single(result.Diagnostics, d => d.Path == "$.spec.externalServices[0].hosts[0]");
        Assert.Equal(XdsDiagnosticCodes.NotEncoded, warning.Code);
        Assert.Contains("wildcard", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WildcardHost_WithNoResolution_GetsAnOriginalDstCluster()
    {
        var external = StripeService(Resolution.None) with { Hosts = ["*.stripe.com"] };
        var cluster = Single<Cluster>(Encode(With(external)).Snapshot!, XdsResourceType.Cluster, "outbound|443||*.stripe.com");
        Assert.Equal(Cluster.Types.DiscoveryType.OriginalDst, cluster.Type);
    }

    [Fact]
    public void DestinationPolicy_OnTheExternalService_SetsBalancingPoolOutlierAndClientTlsOverSds()
    {
        var config = With(StripeService()) with
        {
            DestinationPolicies =
            [
                new DestinationPolicy
                {
                    Target = new PolicyTarget { Service = Stripe, Port = 80 },
                    LoadBalancer = LoadBalancer.LeastRequest,
                    ConnectionPool = new ConnectionPool { MaxConnections = 7, ConnectTimeout = TimeSpan.FromSeconds(3) },
                    OutlierDetection = new Mesh.Model.OutlierDetection { Consecutive5xx = 4 },
                    Tls = new ClientTls { Mode = ClientTlsMode.Mutual, CredentialName = "stripe-client", Sni = "api.stripe.com" },
                },
            ],
        };
        var snapshot = Encode(config).Snapshot!;
        // TLS origination: the app calls port 80 in plaintext (on its TLS port the app speaks TLS itself; see OutboundTcpTests).
        var cluster = Single<Cluster>(snapshot, XdsResourceType.Cluster, "outbound|80||api.stripe.com");
        Assert.Equal(Cluster.Types.LbPolicy.LeastRequest, cluster.LbPolicy);
        Assert.Equal(7u, cluster.CircuitBreakers.Thresholds[0].MaxConnections);
        Assert.Equal(3, cluster.ConnectTimeout.Seconds);
        Assert.Equal(4u, cluster.OutlierDetection.Consecutive5Xx);
        var tls = cluster.TransportSocket.TypedConfig.Unpack<UpstreamTlsContext>();
        Assert.Equal("api.stripe.com", tls.Sni);
        Assert.Equal("stripe-client", Assert.Single(tls.CommonTlsContext.TlsCertificateSdsSecretConfigs).Name);
        Assert.Equal("stripe-client-cacert", tls.CommonTlsContext.CombinedValidationContext.ValidationContextSdsSecretConfig.Name);
        // The policy names port 80: port 443 keeps the defaults.
        var plain = Single<Cluster>(snapshot, XdsResourceType.Cluster, "outbound|443||api.stripe.com");
        Assert.Null(plain.TransportSocket);
        Assert.Equal(Cluster.Types.LbPolicy.RoundRobin, plain.LbPolicy);
    }

    [Fact]
    public void StrictMeshMtls_DoesNotApplyToExternalServices()
    {
        var config = With(StripeService()) with { Mtls = [new MtlsPolicy { Scope = MtlsScope.Mesh, Mode = MtlsMode.Strict }] };
        Assert.Null(Single<Cluster>(Encode(config).Snapshot!, XdsResourceType.Cluster, "outbound|80||api.stripe.com").TransportSocket);
    }

    [Fact]
    public void HttpPort_WithoutARoute_GetsAVirtualHostForTheHost_ToItsCluster()
    {
        var snapshot = Encode(With(StripeService())).Snapshot!;
        var config = Single<RouteConfiguration>(snapshot, XdsResourceType.RouteConfiguration, "80");
        var host = config.VirtualHosts.Single(v => v.Name == "api.stripe.com:80");
        Assert.Equal(["api.stripe.com", "api.stripe.com:80"], host.Domains);
        var route = Assert.Single(host.Routes);
        Assert.Equal("outbound|80||api.stripe.com", route.Route_.Cluster);
        Assert.Equal("/", route.Match.Prefix);
        Assert.Equal("allow_any", config.VirtualHosts[^1].Name);
        // And an outbound listener on the port takes it over RDS.
        Assert.True(snapshot.Listeners.TryGet("0.0.0.0_80", out _));
    }

    [Fact]
    public void HttpRoute_ForTheExternalService_BecomesTheRoutesOfItsVirtualHost()
    {
        var external = StripeService(Resolution.Static) with
        {
            Endpoints = [new ExternalEndpoint { Address = "192.0.2.22", Labels = new Dictionary<string, string> { ["version"] = "v2" } }],
            Subsets = [new Subset { Name = "v2", Labels = new Dictionary<string, string> { ["version"] = "v2" } }],
        };
        var config = With(external) with
        {
            Routes =
            [
                .. Bookinfo().Routes,
                new HttpRoute
                {
                    Name = "stripe", Namespace = "bookinfo", Host = Stripe,
                    Rules =
                    [
                        new HttpRouteRule { Matches = [new HttpMatch { Path = PathMatch.Prefix("/v2") }], Backends = [new WeightedBackend { Service = Stripe, Subset = "v2" }], Timeout = TimeSpan.FromSeconds(4) },
                    ],
                },
            ],
        };
        var host = Single<RouteConfiguration>(Encode(config).Snapshot!, XdsResourceType.RouteConfiguration, "80").VirtualHosts.Single(v => v.Name == "api.stripe.com:80");
        Assert.Equal(["bookinfo.stripe.0.0", "default"], host.Routes.Select(r => r.Name));
        Assert.Equal("/v2", host.Routes[0].Match.Prefix);
        Assert.Equal("outbound|80|v2|api.stripe.com", host.Routes[0].Route_.Cluster);
        Assert.Equal(4, host.Routes[0].Route_.Timeout.Seconds);
        Assert.Equal("outbound|80||api.stripe.com", host.Routes[1].Route_.Cluster);
    }

    [Fact]
    public void MeshRoute_SendingToAnExternalService_UsesTheClusterOfItsFirstHost()
    {
        var config = With(StripeService()) with
        {
            Routes = [new HttpRoute { Name = "r", Namespace = "bookinfo", Host = Ratings, Rules = [new HttpRouteRule { Backends = [new WeightedBackend { Service = Stripe, Port = 80 }] }] }],
        };
        var host = Single<RouteConfiguration>(Encode(config).Snapshot!, XdsResourceType.RouteConfiguration, "9080").VirtualHosts.Single(v => v.Name == "ratings.bookinfo.svc.cluster.local:9080");
        Assert.Equal("outbound|80||api.stripe.com", host.Routes[0].Route_.Cluster);
    }

    [Fact]
    public void TlsPort_GetsAListenerMatchingItsHostBySni_AndNoRouteConfiguration_AndNothingIsReported()
    {
        var result = Encode(With(StripeService()));
        var listener = Single<Envoy.Config.Listener.V3.Listener>(result.Snapshot!, XdsResourceType.Listener, "0.0.0.0_443");
        Assert.Equal(["api.stripe.com"], listener.FilterChains[0].FilterChainMatch.ServerNames);
        Assert.False(result.Snapshot!.RouteConfigurations.TryGet("443", out _));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == XdsDiagnosticCodes.NotEncoded);
    }

    [Fact]
    public void HostDeclaredTwice_KeepsOneClusterAndVirtualHost_TheFirstExternalServiceByName_AndReportsTheOther()
    {
        // The twin comes first in the model but after "stripe" by name; the outcome does not depend on the model's order.
        var twin = StripeService() with { Name = "stripe-two", Resolution = Resolution.None };
        var result = Encode(With(twin, StripeService()));
        var snapshot = result.Snapshot!;
        Assert.Single(snapshot.Clusters, c => c.Name == "outbound|80||api.stripe.com");
        Assert.Equal(Cluster.Types.DiscoveryType.StrictDns, Single<Cluster>(snapshot, XdsResourceType.Cluster, "outbound|80||api.stripe.com").Type);
        var config = Single<RouteConfiguration>(snapshot, XdsResourceType.RouteConfiguration, "80");
        Assert.Single(config.VirtualHosts, v => v.Domains.Contains("api.stripe.com"));
        // Its clusters on both ports and its virtual host on port 80.
        Assert.Equal(3, result.Diagnostics.Count(d => d.Code == XdsDiagnosticCodes.NotEncoded && d.Path == "$.spec.externalServices[0].hosts[0]"));
        Assert.DoesNotContain(result.Diagnostics, d => d.Path == "$.spec.externalServices[1].hosts[0]");
    }

    [Fact]
    public void ExternalServiceWithoutPorts_IsReported()
    {
        var result = Encode(With(StripeService() with { Ports = [] }));
        Assert.DoesNotContain(result.Snapshot!.Clusters, c => c.Name.EndsWith("api.stripe.com", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Code == XdsDiagnosticCodes.NotEncoded && d.Path == "$.spec.externalServices[0].ports" && d.Message.Contains("no ports", StringComparison.Ordinal));
    }

    [Fact]
    public void RouteChange_OfAnExternalService_ReencodesItsRouteConfiguration_LikeAFullBuild()
    {
        var before = With(StripeService());
        var after = before with { Routes = [.. before.Routes, new HttpRoute { Name = "stripe", Namespace = "bookinfo", Host = Stripe, Rules = [new HttpRouteRule { Backends = [new WeightedBackend { Service = Stripe }], Timeout = TimeSpan.FromSeconds(2) }] }] };
        var update = new XdsEncoder().Update(Encode(before).Snapshot!, after, SampleEndpoints(), XdsChange.Routes(Stripe));
        Assert.Equal([new XdsResourceChange(XdsResourceType.RouteConfiguration, "80")], update.Changed);
        Assert.Equal(Encode(after).Snapshot!.ToDiscoveryResponse(XdsResourceType.RouteConfiguration), update.Snapshot!.ToDiscoveryResponse(XdsResourceType.RouteConfiguration));
    }

    [Fact]
    public void ProxylessClients_GetNoExternalClusters_AndEachExternalServiceIsReported()
    {
        var result = Encode(With(StripeService()), Proxyless);
        Assert.DoesNotContain(result.Snapshot!.Clusters, c => c.Name.EndsWith("api.stripe.com", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Code == XdsDiagnosticCodes.NotEncoded && d.Path == "$.spec.externalServices[0]" && d.Message.Contains("proxyless", StringComparison.Ordinal));
    }
}
