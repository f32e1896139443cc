using Mesh.Collections;
using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.Consul.Tests.Generators;
using GatewayResources = Mesh.Providers.GatewayApi.Resources;

namespace Mesh.Providers.Consul.Tests.Export;

/// <summary>Gateways as Consul's API gateway (Gateway API resources of class consul), and every loss reported with its path.</summary>
public sealed class ApiGatewayExportTests
{
    private static readonly GatewayRef Public = new() { Name = "public", Namespace = "edge" };

    private static readonly GatewayListener Http = new() { Name = "http", Port = 80, Protocol = ListenerProtocol.Http, Hosts = ["shop.example.com"] };

    private static readonly GatewayListener Https = new() { Name = "https", Port = 443, Protocol = ListenerProtocol.Https, Hosts = ["shop.example.com"], Tls = new GatewayTls { CredentialName = "shop-cert" } };

    private static readonly GatewayListener Tcp = new() { Name = "postgres", Port = 5432, Protocol = ListenerProtocol.Tcp };

    private static WeightedBackend To(MeshService service, int weight = 1) => new() { Service = service.Reference, Port = service.Ports[0].Port, Weight = weight };

    private static MeshConfig Edge(GatewayListener[] listeners, HttpRouteRule[]? rules = null, GatewayTcpRoute[]? tcp = null, GatewayTlsRoute[]? tls = null, string? className = null) => new()
    {
        Name = "imported",
        Services = [EdgeModels.Web, EdgeModels.Api, EdgeModels.Db],
        Gateways = [new Gateway { Name = "public", Namespace = "edge", ClassName = className, Workloads = new Dictionary<string, string> { ["app"] = "ingress" }.ToEquatableMap(), Listeners = [.. listeners] }],
        GatewayRoutes = rules is null ? default : [new GatewayRoute { Name = "shop", Namespace = "edge", Gateways = [Public], Hostnames = ["shop.example.com"], Rules = [.. rules] }],
        GatewayTcpRoutes = tcp is null ? default : [.. tcp],
        GatewayTlsRoutes = tls is null ? default : [.. tls],
    };

    private static readonly HttpRouteRule Split = new()
    {
        Matches = [new HttpMatch { Path = PathMatch.Prefix("/api"), Headers = [new ValueMatch("x-env", ValueMatchKind.Exact, "canary")], Method = "GET" }],
        Backends = [To(EdgeModels.Web, 3), To(EdgeModels.Api, 1)],
        RequestHeaders = new HeaderModifier { Set = new Dictionary<string, string> { ["x-gateway"] = "consul" }.ToEquatableMap() },
        Rewrite = new Rewrite { PathPrefix = "/v2" },
    };

    [Fact]
    public void AGateway_IsAGatewayOfClassConsul_WithItsRoutesInTheVersionsConsulWatches()
    {
        var export = new Exported(Edge([Http, Https, Tcp], [Split], [new GatewayTcpRoute { Name = "db", Namespace = "edge", Gateways = [Public], Backends = [To(EdgeModels.Db)] }]));
        var gateway = Assert.Single(export.All<GatewayResources.Gateway>());
        Assert.Equal(("gateway.networking.k8s.io/v1beta1", "consul"), (gateway.ApiVersion, gateway.Spec.GatewayClassName));
        Assert.Equal(["HTTP", "HTTPS", "TCP"], gateway.Spec.Listeners!.Select(l => l.Protocol));
        var https = gateway.Spec.Listeners![1];
        Assert.Equal(("Terminate", "shop-cert"), (https.Tls!.Mode, https.Tls.CertificateRefs![0].Name));
        var route = Assert.Single(export.All<GatewayResources.HttpRoute>());
        Assert.Equal("gateway.networking.k8s.io/v1beta1", route.ApiVersion);
        Assert.Equal(("Gateway", "public"), (route.Spec.ParentRefs![0].Kind, route.Spec.ParentRefs[0].Name));
        var rule = Assert.Single(route.Spec.Rules!);
        Assert.Equal([("web", 3), ("api", 1)], rule.BackendRefs!.Select(b => (b.Name, b.Weight ?? 1)));
        Assert.Equal(["RequestHeaderModifier", "URLRewrite"], rule.Filters!.Select(f => f.Type!).Order(StringComparer.Ordinal));
        var tcp = Assert.Single(export.All<GatewayResources.TcpRoute>());
        Assert.Equal("gateway.networking.k8s.io/v1alpha2", tcp.ApiVersion);
        // The backends are in other namespaces: ReferenceGrants let the routes name them.
        Assert.All(export.All<GatewayResources.ReferenceGrant>(), g => Assert.Equal("gateway.networking.k8s.io/v1beta1", g.ApiVersion));
        Assert.Equal(["data", "shop"], export.All<GatewayResources.ReferenceGrant>().Select(g => g.Metadata.NamespaceProperty).Order(StringComparer.Ordinal));
        // The workload labels are the only loss; the note says what Consul's ingress is.
        Assert.Equal(["$.spec.gateways[0].workloads"], export.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.Path));
        Assert.Contains(export.Diagnostics, d => d.Severity == DiagnosticSeverity.Info && d.Path == "$.spec.gateways" && d.Message.Contains("API gateway", StringComparison.Ordinal));
        Assert.All(export.Diagnostics, d => Assert.Equal(Mesh.Translation.ProviderName.Consul, d.Provider));
    }

    [Fact]
    public void TheClass_IsTheGatewaysOwn_ElseTheOption()
    {
        Assert.Equal("consul-internal", Assert.Single(new Exported(Edge([Http], className: "consul-internal")).All<GatewayResources.Gateway>()).Spec.GatewayClassName);
        Assert.Equal("edge-consul", Assert.Single(new Exported(Edge([Http]), new ConsulOptions { GatewayClassName = "edge-consul" }).All<GatewayResources.Gateway>()).Spec.GatewayClassName);
    }

    [Fact]
    public void TlsListeners_MutualTls_CertificateFiles_AndHttpsRedirects_AreReported()
    {
        var listeners = new[]
        {
            new GatewayListener { Name = "sni", Port = 8443, Protocol = ListenerProtocol.Tls, Hosts = ["db.example.com"], Tls = new GatewayTls { Mode = GatewayTlsMode.Passthrough } },
            new GatewayListener { Name = "tls", Port = 9443, Protocol = ListenerProtocol.Tls, Hosts = ["db.example.com"], Tls = new GatewayTls { CredentialName = "db-cert" } },
            new GatewayListener { Name = "mtls", Port = 10443, Protocol = ListenerProtocol.Https, Tls = new GatewayTls { Mode = GatewayTlsMode.Mutual, CredentialName = "shop-cert" } },
            new GatewayListener { Name = "files", Port = 11443, Protocol = ListenerProtocol.Https, Tls = new GatewayTls { Files = new CertificateFiles { CertificateChain = "/c.pem", PrivateKey = "/k.pem" } } },
            Http with { HttpsRedirect = true },
        };
        var tls = new GatewayTlsRoute { Name = "db", Namespace = "edge", Gateways = [Public], Hostnames = ["db.example.com"], Backends = [To(EdgeModels.Db)] };
        var export = new Exported(Edge(listeners, [new HttpRouteRule { Backends = [To(EdgeModels.Web)] }], tls: [tls]));
        Assert.True(export.Has(DiagnosticCodes.Unsupported, "$.spec.gateways[0].listeners[0].tls.mode"));
        Assert.True(export.Has(DiagnosticCodes.Unsupported, "$.spec.gateways[0].listeners[1].protocol"));
        Assert.True(export.Has(DiagnosticCodes.Unsupported, "$.spec.gateways[0].listeners[2].tls.mode"));
        Assert.True(export.Has(DiagnosticCodes.Unsupported, "$.spec.gateways[0].listeners[3].tls.files"));
        Assert.True(export.Has(DiagnosticCodes.Unsupported, "$.spec.gateways[0].listeners[4].httpsRedirect"));
        Assert.True(export.Has(DiagnosticCodes.Unsupported, "$.spec.gatewayTlsRoutes[0]"));
        // The HTTP listener is kept, without the redirect route, and the HTTP route binds to it.
        Assert.Equal(["http"], Assert.Single(export.All<GatewayResources.Gateway>()).Spec.Listeners!.Select(l => l.Name));
        Assert.Equal(["shop"], export.All<GatewayResources.HttpRoute>().Select(r => r.Metadata.Name));
        Assert.Empty(export.All<GatewayResources.TlsRoute>());
    }

    [Fact]
    public void RuleFeaturesConsulDoesNotRun_AreReportedAtTheirPaths_AndTheRestIsWritten()
    {
        var rules = new[]
        {
            new HttpRouteRule { Matches = [new HttpMatch { Path = PathMatch.Exact("/old") }], Redirect = new Redirect { Path = "/new" } },
            new HttpRouteRule
            {
                Matches = [new HttpMatch { Path = PathMatch.Exact("/login") }],
                Backends = [To(EdgeModels.Web)],
                Timeout = TimeSpan.FromSeconds(5),
                Retry = new RetryPolicy { Attempts = 3 },
                Rewrite = new Rewrite { FullPath = "/signin", Authority = "login.internal" },
                Mirror = new Mirror { Service = EdgeModels.Api.Reference, Port = 9090 },
                Cors = new CorsPolicy { AllowOrigins = ["https://a.example"] },
                Fault = new FaultInjection { Abort = new FaultAbort { HttpStatus = 503 } },
            },
            new HttpRouteRule { Backends = [new WeightedBackend { Service = EdgeModels.Web.Reference, Subset = "v1", Port = 8080 }] },
        };
        var model = Edge([Http], rules) with { Services = [EdgeModels.Web with { Subsets = [new Subset { Name = "v1", Labels = new Dictionary<string, string> { ["version"] = "v1" }.ToEquatableMap() }] }, EdgeModels.Api, EdgeModels.Db] };
        var export = new Exported(model);
        foreach (var path in new[] { "rules[0].redirect", "rules[1].timeout", "rules[1].retry", "rules[1].rewrite.fullPath", "rules[1].rewrite.authority", "rules[1].mirror", "rules[1].cors", "rules[1].fault", "rules[2].backends[0].subset" })
        {
            Assert.True(export.Has(DiagnosticCodes.Unsupported, "$.spec.gatewayRoutes[0]." + path), path + ": " + string.Join("\n", export.Diagnostics));
        }
        // The redirecting rule is left out; the paths of the edge mapping's reports still name the model's rules.
        var route = Assert.Single(export.All<GatewayResources.HttpRoute>());
        Assert.Equal(2, route.Spec.Rules!.Count);
        var login = route.Spec.Rules[0];
        Assert.Null(login.Filters);
        Assert.Null(login.Timeouts);
        Assert.Equal("web", Assert.Single(route.Spec.Rules[1].BackendRefs!).Name);
    }

    [Fact]
    public void ARouteLeftWithoutARuleOrAListener_IsReported_NotWritten()
    {
        var redirectOnly = Edge([Http], [new HttpRouteRule { Redirect = new Redirect { Path = "/new" } }]);
        var export = new Exported(redirectOnly);
        Assert.True(export.Has(DiagnosticCodes.Unsupported, "$.spec.gatewayRoutes[0]"));
        Assert.Empty(export.All<GatewayResources.HttpRoute>());

        // Bound to a gateway whose only HTTP listener is mutual TLS: not bound (the TCP listener cannot take it), not written.
        var mutual = Edge([Https with { Tls = new GatewayTls { Mode = GatewayTlsMode.Mutual, CredentialName = "shop-cert" } }, Tcp], [new HttpRouteRule { Backends = [To(EdgeModels.Web)] }]);
        var unbound = new Exported(mutual);
        Assert.True(unbound.Has(DiagnosticCodes.Unsupported, "$.spec.gatewayRoutes[0].gateways[0]"));
        Assert.Empty(unbound.All<GatewayResources.HttpRoute>());
        Assert.Equal(["TCP"], Assert.Single(unbound.All<GatewayResources.Gateway>()).Spec.Listeners!.Select(l => l.Protocol));
    }

    [Fact]
    public void ATcpSplit_IsWrittenToItsHeaviestBackend_AndReported()
    {
        var other = new MeshService { Name = "replica", Namespace = "data", Ports = [new ServicePort { Port = 5432, Protocol = Protocol.Tcp }] };
        var split = new GatewayTcpRoute { Name = "db", Namespace = "edge", Gateways = [Public], Backends = [To(EdgeModels.Db, 1), To(other, 3)] };
        var export = new Exported(Edge([Tcp], tcp: [split]) with { Services = [EdgeModels.Web, EdgeModels.Api, EdgeModels.Db, other] });
        Assert.True(export.Has(DiagnosticCodes.Unsupported, "$.spec.gatewayTcpRoutes[0].backends"));
        var written = Assert.Single(Assert.Single(export.All<GatewayResources.TcpRoute>()).Spec.Rules!);
        Assert.Equal("replica", Assert.Single(written.BackendRefs!).Name);

        // A backend of weight 0 gets no connections: left out with a note (Consul's tcp-route takes one service).
        var idle = split with { Backends = [To(EdgeModels.Db, 0), To(other, 1)] };
        var noted = new Exported(Edge([Tcp], tcp: [idle]) with { Services = [EdgeModels.Web, EdgeModels.Api, EdgeModels.Db, other] });
        Assert.Contains(noted.Diagnostics, d => d.Severity == DiagnosticSeverity.Info && d.Path == "$.spec.gatewayTcpRoutes[0].backends");
        Assert.False(noted.Has(DiagnosticCodes.Unsupported, "$.spec.gatewayTcpRoutes"));
        Assert.Equal("replica", Assert.Single(Assert.Single(Assert.Single(noted.All<GatewayResources.TcpRoute>()).Spec.Rules!).BackendRefs!).Name);
    }

    [Fact]
    public void WithoutGateways_NothingOfTheApiGatewayIsWritten()
    {
        var export = new Exported(new MeshConfig { Name = "m", Services = [EdgeModels.Web] });
        Assert.Empty(export.All<GatewayResources.Gateway>());
        Assert.DoesNotContain(export.Diagnostics, d => d.Path.StartsWith("$.spec.gateway", StringComparison.Ordinal));
    }
}
