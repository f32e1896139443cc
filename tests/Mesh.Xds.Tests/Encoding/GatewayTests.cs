using System.Text.Json;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Listener.V3;
using Envoy.Extensions.Filters.Listener.TlsInspector.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Envoy.Extensions.Filters.Network.TcpProxy.V3;
using Envoy.Extensions.TransportSockets.Tls.V3;
using Mesh.Collections;
using Mesh.Model;
using static Mesh.Xds.Tests.Samples;
using RouteConfiguration = Envoy.Config.Route.V3.RouteConfiguration;
using VirtualHost = Envoy.Config.Route.V3.VirtualHost;

namespace Mesh.Xds.Tests.Encoding;

/// <summary>A gateway proxy's listeners, TLS, routes and clusters, decoded with the oracle.</summary>
public sealed class GatewayTests
{
    private static readonly XdsProxy Ingress = XdsProxy.Gateway("ingress-1", "edge", "public", new EquatableMap<string>(new Dictionary<string, string> { ["istio"] = "ingressgateway" }));

    /// <summary>Bookinfo with gateway edge/public: every kind of listener, and three routes bound to it.</summary>
    internal static MeshConfig WithGateway() => Bookinfo() with
    {
        Gateways =
        [
            new Gateway
            {
                Name = "public", Namespace = "edge",
                Workloads = new Dictionary<string, string> { ["istio"] = "ingressgateway" },
                Listeners =
                [
                    new GatewayListener { Name = "redirect", Port = 80, Protocol = ListenerProtocol.Http, Hosts = ["*.example.com"], HttpsRedirect = true },
                    new GatewayListener { Name = "plain", Port = 8080, Protocol = ListenerProtocol.Http },
                    new GatewayListener { Name = "shop", Port = 443, Protocol = ListenerProtocol.Https, Hosts = ["shop.example.com"], Tls = new GatewayTls { CredentialName = "shop-cert" } },
                    new GatewayListener { Name = "admin", Port = 443, Protocol = ListenerProtocol.Https, Hosts = ["admin.example.com"], Tls = new GatewayTls { Mode = GatewayTlsMode.Mutual, CredentialName = "admin-cert", SubjectAltNames = ["spiffe://cluster.local/ns/ops/sa/admin"] } },
                    new GatewayListener { Name = "db", Port = 443, Protocol = ListenerProtocol.Tls, Hosts = ["db.example.com"], Tls = new GatewayTls { Mode = GatewayTlsMode.Passthrough } },
                    new GatewayListener
                    {
                        Name = "files", Port = 8443, Protocol = ListenerProtocol.Https, Hosts = ["files.example.com"],
                        Tls = new GatewayTls { Mode = GatewayTlsMode.Mutual, Files = new CertificateFiles { CertificateChain = "/etc/certs/cert.pem", PrivateKey = "/etc/certs/key.pem", CaCertificates = "/etc/certs/ca.pem" } },
                    },
                    new GatewayListener { Name = "raw", Port = 9000, Protocol = ListenerProtocol.Tcp },
                ],
            },
        ],
        GatewayRoutes =
        [
            new GatewayRoute
            {
                Name = "shop", Namespace = "edge",
                Gateways = [new GatewayRef { Name = "public", Namespace = "edge" }],
                Hostnames = ["shop.example.com"],
                Rules =
                [
                    new HttpRouteRule
                    {
                        Matches = [new HttpMatch { Path = PathMatch.Prefix("/api") }],
                        Backends = [new WeightedBackend { Service = Ratings, Port = 9080 }],
                        Timeout = TimeSpan.FromSeconds(5),
                        Retry = new RetryPolicy { Attempts = 2, On = [RetryCondition.ConnectFailure] },
                        Rewrite = new Rewrite { PathPrefix = "/" },
                    },
                    new HttpRouteRule
                    {
                        Backends = [new WeightedBackend { Service = Reviews, Subset = "v1", Weight = 75 }, new WeightedBackend { Service = Reviews, Subset = "v2", Weight = 25 }],
                    },
                ],
            },
            new GatewayRoute
            {
                Name = "admin", Namespace = "edge",
                Gateways = [new GatewayRef { Name = "public", Namespace = "edge", Listener = "admin" }],
                Rules = [new HttpRouteRule { Backends = [new WeightedBackend { Service = Ratings }] }],
            },
            new GatewayRoute
            {
                Name = "www", Namespace = "edge",
                Gateways = [new GatewayRef { Name = "public", Namespace = "edge", Listener = "plain" }],
                Hostnames = ["www.example.com"],
                Rules = [new HttpRouteRule { Matches = [new HttpMatch { Path = PathMatch.Exact("/old") }], Redirect = new Redirect { Path = "/new" } }],
            },
        ],
    };

    private static XdsBuildResult BuildResult(MeshConfig? config = null, XdsProxy? proxy = null) =>
        new XdsEncoder().Build(config ?? WithGateway(), SampleEndpoints(), proxy ?? Ingress);

    private static FilterChain Chain(XdsSnapshot snapshot, string listener, string chain) =>
        Single<Listener>(snapshot, XdsResourceType.Listener, listener).FilterChains.Single(c => c.Name == chain);

    private static DownstreamTlsContext Tls(FilterChain chain)
    {
        Assert.Equal("envoy.transport_sockets.tls", chain.TransportSocket.Name);
        Assert.Equal("type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext", chain.TransportSocket.TypedConfig.TypeUrl);
        return chain.TransportSocket.TypedConfig.Unpack<DownstreamTlsContext>();
    }

    [Fact]
    public void GatewayProxy_GetsOneListenerPerPort_AndNoSidecarResources()
    {
        var snapshot = Build(WithGateway(), proxy: Ingress);
        Assert.Equal(["0.0.0.0_443", "0.0.0.0_80", "0.0.0.0_8080", "0.0.0.0_8443", "0.0.0.0_9000"], snapshot.Listeners.Select(l => l.Name));
        foreach (var listener in Decode<Listener>(snapshot, XdsResourceType.Listener))
        {
            Assert.Equal("0.0.0.0", listener.Address.SocketAddress.Address);
            Assert.Equal(Envoy.Config.Core.V3.TrafficDirection.Outbound, listener.TrafficDirection);
        }
        Assert.Equal(["http.80", "http.8080", "https.443.admin", "https.443.shop", "https.8443.files"], snapshot.RouteConfigurations.Select(r => r.Name));
        Assert.DoesNotContain(snapshot.Clusters, c => c.Name is "PassthroughCluster" || c.Name.StartsWith("inbound|", StringComparison.Ordinal));
    }

    [Fact]
    public void HttpsListener_TerminatesTlsWithItsCredentialBySdsName_MatchedBySni()
    {
        var snapshot = Build(WithGateway(), proxy: Ingress);
        var listener = Single<Listener>(snapshot, XdsResourceType.Listener, "0.0.0.0_443");
        Assert.Equal(["https.443.shop", "https.443.admin", "tls.443.db"], listener.FilterChains.Select(c => c.Name));
        var inspector = Assert.Single(listener.ListenerFilters);
        Assert.Equal("envoy.filters.listener.tls_inspector", inspector.Name);
        Assert.NotNull(inspector.TypedConfig.Unpack<TlsInspector>());
        var chain = Chain(snapshot, "0.0.0.0_443", "https.443.shop");
        Assert.Equal(["shop.example.com"], chain.FilterChainMatch.ServerNames);
        var tls = Tls(chain);
        Assert.Null(tls.RequireClientCertificate);
        var secret = Assert.Single(tls.CommonTlsContext.TlsCertificateSdsSecretConfigs);
        Assert.Equal("shop-cert", secret.Name);
        Assert.NotNull(secret.SdsConfig.Ads);
        Assert.Equal(["h2", "http/1.1"], tls.CommonTlsContext.AlpnProtocols);
        Assert.Null(tls.CommonTlsContext.CombinedValidationContext);
        Assert.Empty(tls.CommonTlsContext.TlsCertificates);
        var hcm = Assert.Single(chain.Filters).TypedConfig.Unpack<HttpConnectionManager>();
        Assert.Equal("https.443.shop", hcm.Rds.RouteConfigName);
        Assert.NotNull(hcm.Rds.ConfigSource.Ads);
        Assert.Equal("outbound_0.0.0.0_443", hcm.StatPrefix);
        Assert.Equal(["envoy.filters.http.router"], hcm.HttpFilters.Select(f => f.Name));
    }

    [Fact]
    public void MutualTls_RequiresAClientCertificate_VerifiedByTheCredentialsCaSecret()
    {
        var tls = Tls(Chain(Build(WithGateway(), proxy: Ingress), "0.0.0.0_443", "https.443.admin"));
        Assert.True(tls.RequireClientCertificate);
        Assert.Equal("admin-cert", Assert.Single(tls.CommonTlsContext.TlsCertificateSdsSecretConfigs).Name);
        var validation = tls.CommonTlsContext.CombinedValidationContext;
        Assert.Equal("admin-cert-cacert", validation.ValidationContextSdsSecretConfig.Name);
        Assert.NotNull(validation.ValidationContextSdsSecretConfig.SdsConfig.Ads);
        var san = Assert.Single(validation.DefaultValidationContext.MatchTypedSubjectAltNames);
        Assert.Equal(SubjectAltNameMatcher.Types.SanType.Uri, san.SanType);
        Assert.Equal("spiffe://cluster.local/ns/ops/sa/admin", san.Matcher.Exact);
    }

    [Fact]
    public void MutualTls_WithCertificateFiles_ReadsTheFiles()
    {
        var chain = Chain(Build(WithGateway(), proxy: Ingress), "0.0.0.0_8443", "https.8443.files");
        var tls = Tls(chain);
        Assert.True(tls.RequireClientCertificate);
        var certificate = Assert.Single(tls.CommonTlsContext.TlsCertificates);
        Assert.Equal("/etc/certs/cert.pem", certificate.CertificateChain.Filename);
        Assert.Equal("/etc/certs/key.pem", certificate.PrivateKey.Filename);
        Assert.Equal("/etc/certs/ca.pem", tls.CommonTlsContext.ValidationContext.TrustedCa.Filename);
        Assert.Empty(tls.CommonTlsContext.TlsCertificateSdsSecretConfigs);
        Assert.Null(tls.CommonTlsContext.CombinedValidationContext);
    }

    [Fact]
    public void TlsPassthrough_WithoutARoute_IsATcpProxyChainBySni_ToTheBlackHole()
    {
        var result = BuildResult();
        var chain = Chain(result.Snapshot!, "0.0.0.0_443", "tls.443.db");
        Assert.Equal(["db.example.com"], chain.FilterChainMatch.ServerNames);
        Assert.Null(chain.TransportSocket);
        var filter = Assert.Single(chain.Filters);
        Assert.Equal("envoy.filters.network.tcp_proxy", filter.Name);
        var proxy = filter.TypedConfig.Unpack<TcpProxy>();
        Assert.Equal("BlackHoleCluster", proxy.Cluster);
        Assert.Equal("BlackHoleCluster", proxy.StatPrefix);
        var blackHole = Single<Cluster>(result.Snapshot!, XdsResourceType.Cluster, "BlackHoleCluster");
        Assert.Equal(Cluster.Types.DiscoveryType.Static, blackHole.Type);
        Assert.Empty(blackHole.LoadAssignment.Endpoints);
        // A listener no route is bound to refuses connections, as Istio's and Gateway API's gateways do: nothing is lost.
        Assert.DoesNotContain(result.Diagnostics, d => d.Path.StartsWith("$.spec.gateways[0].listeners", StringComparison.Ordinal));
    }

    [Fact]
    public void GatewayTlsAndTcpRoutes_AreEncodedOnlyForTheirGateway_AndNotReported()
    {
        var reviews = new ServiceRef("reviews", "bookinfo");
        var config = WithGateway() with
        {
            GatewayTlsRoutes = [new GatewayTlsRoute { Name = "db", Namespace = "edge", Gateways = [new GatewayRef { Name = "public", Namespace = "edge", Listener = "db" }], Hostnames = ["db.example.com"], Backends = [new WeightedBackend { Service = reviews }] }],
            GatewayTcpRoutes = [new GatewayTcpRoute { Name = "raw", Namespace = "edge", Gateways = [new GatewayRef { Name = "public", Namespace = "edge" }], Backends = [new WeightedBackend { Service = reviews }] }],
        };
        var result = BuildResult(config);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.DoesNotContain(result.Diagnostics, d => d.Path.StartsWith("$.spec.gatewayT", StringComparison.Ordinal) || d.Path.StartsWith("$.spec.gateways[0].listeners", StringComparison.Ordinal));
        var sidecar = XdsProxy.Sidecar("reviews-1", "bookinfo", reviews);
        var other = BuildResult(config, sidecar);
        Assert.DoesNotContain(other.Diagnostics, d => d.Path.StartsWith("$.spec.gatewayT", StringComparison.Ordinal));
        Assert.DoesNotContain(other.Snapshot!.Listeners, l => l.Name == "0.0.0.0_9000");
    }

    [Fact]
    public void TcpListener_WithoutARoute_IsATcpProxyChain_WithoutTheTlsInspector_ToTheBlackHole()
    {
        var result = BuildResult();
        var listener = Single<Listener>(result.Snapshot!, XdsResourceType.Listener, "0.0.0.0_9000");
        Assert.Empty(listener.ListenerFilters);
        var chain = Assert.Single(listener.FilterChains);
        Assert.Equal("tcp.9000", chain.Name);
        Assert.Null(chain.FilterChainMatch);
        Assert.Equal("BlackHoleCluster", Assert.Single(chain.Filters).TypedConfig.Unpack<TcpProxy>().Cluster);
        Assert.DoesNotContain(result.Diagnostics, d => d.Path == "$.spec.gateways[0].listeners[6]");
    }

    [Fact]
    public void Routes_AreVirtualHostsPerHostName_WithTheRulesOfTheBoundRoutes()
    {
        var snapshot = Build(WithGateway(), proxy: Ingress);
        var shop = Assert.Single(Single<RouteConfiguration>(snapshot, XdsResourceType.RouteConfiguration, "https.443.shop").VirtualHosts);
        Assert.Equal("shop.example.com:443", shop.Name);
        Assert.Equal(["shop.example.com", "shop.example.com:443"], shop.Domains);
        Assert.Equal(["edge.shop.0.0", "edge.shop.1"], shop.Routes.Select(r => r.Name));
        var api = shop.Routes[0];
        Assert.Equal("/api", api.Match.Prefix);
        Assert.Equal("outbound|9080||ratings.bookinfo.svc.cluster.local", api.Route_.Cluster);
        Assert.Equal(TimeSpan.FromSeconds(5), api.Route_.Timeout.ToTimeSpan());
        Assert.Equal("connect-failure", api.Route_.RetryPolicy.RetryOn);
        Assert.Equal("/", api.Route_.PrefixRewrite);
        var split = shop.Routes[1].Route_.WeightedClusters.Clusters;
        Assert.Equal(["outbound|9080|v1|reviews.bookinfo.svc.cluster.local", "outbound|9080|v2|reviews.bookinfo.svc.cluster.local"], split.Select(c => c.Name));
        Assert.Equal([75u, 25u], split.Select(c => c.Weight.GetValueOrDefault()));
        // A route bound to one listener is in that listener's route configuration only; no default route is added (404).
        var admin = Assert.Single(Single<RouteConfiguration>(snapshot, XdsResourceType.RouteConfiguration, "https.443.admin").VirtualHosts);
        Assert.Equal("admin.example.com:443", admin.Name);
        Assert.Equal(["edge.admin.0"], admin.Routes.Select(r => r.Name));
        // The plaintext port serves every host: the routes' own host names become its virtual hosts.
        var plain = Single<RouteConfiguration>(snapshot, XdsResourceType.RouteConfiguration, "http.8080");
        Assert.Equal(["shop.example.com:8080", "www.example.com:8080"], plain.VirtualHosts.Select(v => v.Name));
        var redirect = plain.VirtualHosts[1].Routes.Single();
        Assert.Equal("/old", redirect.Match.Path);
        Assert.Equal("/new", redirect.Redirect.PathRedirect);
    }

    [Fact]
    public void ConsistentHashPolicies_OfTheBackends_GiveTheRoutesTheirHashPolicy_PortScopedOnesToo()
    {
        var config = WithGateway();
        config = config with
        {
            DestinationPolicies = [.. config.DestinationPolicies, new DestinationPolicy { Target = new PolicyTarget { Service = Ratings, Port = 9080 }, LoadBalancer = LoadBalancer.HashOn(ConsistentHash.Header("x-session")) }],
        };
        var shop = Assert.Single(Single<RouteConfiguration>(Build(config, proxy: Ingress), XdsResourceType.RouteConfiguration, "https.443.shop").VirtualHosts);
        Assert.Equal("x-session", Assert.Single(shop.Routes[0].Route_.HashPolicy).Header.HeaderName);
        Assert.Equal("x-user", Assert.Single(shop.Routes[1].Route_.HashPolicy).Header.HeaderName);
    }

    [Fact]
    public void RouteChange_OnAGatewayProxy_ReencodesItsRouteConfigurations()
    {
        var encoder = new XdsEncoder();
        var config = WithGateway();
        var before = encoder.Build(config, SampleEndpoints(), Ingress).Snapshot!;
        var changed = config with { GatewayRoutes = [config.GatewayRoutes[0] with { Rules = [config.GatewayRoutes[0].Rules[1]] }, .. config.GatewayRoutes.Skip(1)] };
        var update = encoder.Update(before, changed, SampleEndpoints(), XdsChange.Routes(Reviews));
        Assert.Contains(update.Changed, c => c.Type == XdsResourceType.RouteConfiguration && c.Name == "https.443.shop");
        Assert.Equal(encoder.Build(changed, SampleEndpoints(), Ingress).Snapshot!.RouteConfigurations.Version, update.Snapshot!.RouteConfigurations.Version);
    }

    [Fact]
    public void HttpsRedirectListener_RequiresTlsOnEveryHost()
    {
        var snapshot = Build(WithGateway(), proxy: Ingress);
        var host = Assert.Single(Single<RouteConfiguration>(snapshot, XdsResourceType.RouteConfiguration, "http.80").VirtualHosts);
        Assert.Equal(["*.example.com", "*.example.com:80"], host.Domains);
        Assert.Equal(VirtualHost.Types.TlsRequirementType.All, host.RequireTls);
        Assert.Empty(host.Routes);
        var chain = Chain(snapshot, "0.0.0.0_80", "http.80");
        Assert.Null(chain.FilterChainMatch);
        Assert.Null(chain.TransportSocket);
    }

    [Fact]
    public void Clusters_AreThoseOfTheBackendsTheGatewayRoutesReach()
    {
        var result = BuildResult();
        var snapshot = result.Snapshot!;
        Assert.Equal(
            new[] { "BlackHoleCluster", "outbound|9080||ratings.bookinfo.svc.cluster.local", "outbound|9080||reviews.bookinfo.svc.cluster.local", "outbound|9080|v1|reviews.bookinfo.svc.cluster.local", "outbound|9080|v2|reviews.bookinfo.svc.cluster.local", "outbound|9080|v3|reviews.bookinfo.svc.cluster.local" }.Order(StringComparer.Ordinal),
            snapshot.Clusters.Select(c => c.Name));
        Assert.Equal(snapshot.Clusters.Select(c => c.Name).Where(n => n.StartsWith("outbound|", StringComparison.Ordinal)), snapshot.LoadAssignments.Select(l => l.Name));
        // The greeter's endpoints are not for this proxy: ignored without a warning.
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == XdsDiagnosticCodes.UnknownService);
    }

    [Fact]
    public void FaultInjectingGatewayRoute_AddsTheFaultFilterBeforeTheRouter()
    {
        var config = WithGateway();
        var fault = new FaultInjection { Abort = new FaultAbort { HttpStatus = 503, Percentage = 10m } };
        config = config with { GatewayRoutes = [config.GatewayRoutes[0] with { Rules = [config.GatewayRoutes[0].Rules[1] with { Fault = fault }] }, .. config.GatewayRoutes.Skip(1)] };
        var hcm = Assert.Single(Chain(Build(config, proxy: Ingress), "0.0.0.0_443", "https.443.shop").Filters).TypedConfig.Unpack<HttpConnectionManager>();
        Assert.Equal(["envoy.filters.http.fault", "envoy.filters.http.router"], hcm.HttpFilters.Select(f => f.Name));
    }

    [Fact]
    public void UnknownGateway_IsAnError()
    {
        var result = BuildResult(proxy: XdsProxy.Gateway("ingress-1", "edge", "private"));
        Assert.Null(result.Snapshot);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(XdsDiagnosticCodes.InvalidProxy, error.Code);
        Assert.Equal("$.proxy.gatewayName", error.Path);
        Assert.Contains("edge/private", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GatewayProxyWithoutAGatewayName_IsAnError()
    {
        var result = BuildResult(proxy: new XdsProxy { NodeId = "n", Kind = XdsProxyKind.Gateway, Namespace = "edge" });
        Assert.Contains(result.Diagnostics, d => d.IsError && d.Code == XdsDiagnosticCodes.InvalidProxy && d.Path == "$.proxy.gatewayName");
        var sidecar = BuildResult(proxy: Sidecar with { GatewayName = "public" });
        Assert.Contains(sidecar.Diagnostics, d => d.IsError && d.Code == XdsDiagnosticCodes.InvalidProxy && d.Path == "$.proxy.gatewayName");
    }

    [Fact]
    public void SidecarsAndProxylessClients_DoNotReportGateways_WhichAreNotTheirs()
    {
        foreach (var proxy in new[] { Sidecar, Proxyless })
        {
            var result = BuildResult(proxy: proxy);
            Assert.False(result.HasErrors);
            Assert.DoesNotContain(result.Diagnostics, d => d.Path.StartsWith("$.spec.gateway", StringComparison.Ordinal));
            Assert.DoesNotContain(result.Snapshot!.Listeners, l => l.Name == "0.0.0.0_443");
        }
    }

    [Fact]
    public void AccessPolicyOfTheGatewaysNamespace_IsReportedAsNotEncoded()
    {
        var config = WithGateway() with
        {
            AccessPolicies = [new AccessPolicy { Name = "deny-all", Namespace = "edge", Action = AccessAction.Deny, Rules = [new AccessRule()] }],
        };
        var result = BuildResult(config);
        Assert.Contains(result.Diagnostics, d => d.Path == "$.spec.accessPolicies[0]" && d.Code == XdsDiagnosticCodes.NotEncoded && d.Message.Contains("gateway", StringComparison.Ordinal));
    }

    [Fact]
    public void CorsOnAGatewayRoute_IsReportedAtItsRule()
    {
        var config = WithGateway();
        config = config with { GatewayRoutes = [config.GatewayRoutes[0] with { Rules = [config.GatewayRoutes[0].Rules[1] with { Cors = new CorsPolicy { AllowOrigins = ["https://a.example.com"] } }] }, .. config.GatewayRoutes.Skip(1)] };
        var result = BuildResult(config);
        Assert.Contains(result.Diagnostics, d => d.Path == "$.spec.gatewayRoutes[0].rules[0].cors" && d.Code == XdsDiagnosticCodes.NotEncoded);
    }

    [Fact]
    public void BackendWithoutAPort_OfAServiceWithSeveralPorts_IsAnError()
    {
        var config = WithGateway();
        config = config with
        {
            Services = [.. config.Services.Select(s => s.Reference == Ratings ? s with { Ports = [.. s.Ports, new ServicePort { Port = 9090, Protocol = Protocol.Http }] } : s)],
            GatewayRoutes = [config.GatewayRoutes[0], config.GatewayRoutes[1], config.GatewayRoutes[2]],
        };
        var result = BuildResult(config);
        Assert.Contains(result.Diagnostics, d => d.IsError && d.Path == "$.spec.gatewayRoutes[1].rules[0].backends[0].port" && d.Code == XdsDiagnosticCodes.UnknownReference);
    }

    [Fact]
    public void Json_RendersTheGatewaysTlsSniTcpProxyAndRequireTls()
    {
        var snapshot = Build(WithGateway(), proxy: Ingress);
        var text = snapshot.ToJson();
        Assert.DoesNotContain("\"#", text, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(text);
        var listeners = json.RootElement.GetProperty("lds").GetProperty("resources").EnumerateArray().ToList();
        var https = listeners.Single(l => l.GetProperty("name").GetString() == "0.0.0.0_443");
        Assert.Equal("type.googleapis.com/envoy.extensions.filters.listener.tls_inspector.v3.TlsInspector", https.GetProperty("listener_filters")[0].GetProperty("typed_config").GetProperty("@type").GetString());
        var shop = https.GetProperty("filter_chains")[0];
        Assert.Equal("shop.example.com", shop.GetProperty("filter_chain_match").GetProperty("server_names")[0].GetString());
        var common = shop.GetProperty("transport_socket").GetProperty("typed_config").GetProperty("common_tls_context");
        Assert.Equal("shop-cert", common.GetProperty("tls_certificate_sds_secret_configs")[0].GetProperty("name").GetString());
        Assert.Equal(["h2", "http/1.1"], common.GetProperty("alpn_protocols").EnumerateArray().Select(e => e.GetString()));
        var db = https.GetProperty("filter_chains")[2];
        Assert.Equal("BlackHoleCluster", db.GetProperty("filters")[0].GetProperty("typed_config").GetProperty("cluster").GetString());
        var files = listeners.Single(l => l.GetProperty("name").GetString() == "0.0.0.0_8443").GetProperty("filter_chains")[0].GetProperty("transport_socket").GetProperty("typed_config");
        Assert.True(files.GetProperty("require_client_certificate").GetBoolean());
        Assert.Equal("/etc/certs/key.pem", files.GetProperty("common_tls_context").GetProperty("tls_certificates")[0].GetProperty("private_key").GetProperty("filename").GetString());
        var redirect = json.RootElement.GetProperty("rds").GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "http.80");
        Assert.Equal("ALL", redirect.GetProperty("virtual_hosts")[0].GetProperty("require_tls").GetString());
    }

    [Fact]
    public void Intersect_TakesTheNarrowerOfANameAndAWildcard()
    {
        Assert.Equal(["shop.example.com"], Planning.GatewayPlanner.Intersect(["*.example.com"], ["shop.example.com"]));
        Assert.Equal(["shop.example.com"], Planning.GatewayPlanner.Intersect(["shop.example.com"], ["*.example.com"]));
        Assert.Equal(["a.example.com", "b.example.com"], Planning.GatewayPlanner.Intersect(["*"], ["a.example.com", "b.example.com"]));
        Assert.Equal(["*.example.com"], Planning.GatewayPlanner.Intersect(["*.example.com"], ["*"]));
        Assert.Empty(Planning.GatewayPlanner.Intersect(["shop.example.com"], ["*.other.com"]));
        Assert.Empty(Planning.GatewayPlanner.Intersect(["*.example.com"], ["example.com"]));
    }
}
