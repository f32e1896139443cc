using Mesh.Collections;
using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.AppMesh.Resources;
using RetryPolicy = Mesh.Model.RetryPolicy;
using static Mesh.Providers.AppMesh.Tests.Export.Models;

namespace Mesh.Providers.AppMesh.Tests.Export;

/// <summary>Gateways become VirtualGateways and gateway routes GatewayRoutes; what App Mesh's ingress cannot hold is reported at its path.</summary>
public sealed class GatewayExportTests
{
    private static readonly GatewayListener HttpListener = new() { Name = "http", Port = 80, Protocol = ListenerProtocol.Http };

    private static Model.Gateway Gateway(params GatewayListener[] listeners) => new()
    {
        Name = "public",
        Namespace = "edge",
        Workloads = new Dictionary<string, string> { ["app"] = "ingress" }.ToEquatableMap(),
        Listeners = [.. listeners],
    };

    private static Model.GatewayRoute Route(params HttpRouteRule[] rules) => new()
    {
        Name = "shop",
        Namespace = "edge",
        Gateways = [new GatewayRef { Name = "public", Namespace = "edge" }],
        Hostnames = ["shop.example.com"],
        Rules = [.. rules],
    };

    /// <summary>reviews (v1, v2) and ratings in bookinfo, a gateway in edge and the given routes.</summary>
    public static MeshConfig Edge(Model.Gateway gateway, params Model.GatewayRoute[] routes) => new()
    {
        Name = "bookinfo",
        Services = [ReviewsService(Version("v1"), Version("v2")), RatingsService()],
        Gateways = [gateway],
        GatewayRoutes = [.. routes],
    };

    private static HttpRouteRule Prefix(string prefix, params WeightedBackend[] backends) =>
        Rule(backends) with { Matches = [new HttpMatch { Path = PathMatch.Prefix(prefix) }] };

    [Fact]
    public void Gateway_IsAVirtualGateway_OnItsWorkloads_SelectingItsRoutes_ByNamespaceAndLabels()
    {
        var export = new Exported(Edge(Gateway(HttpListener), Route(Prefix("/api", To(Ratings)))));
        var gateway = export.Gateway("public");
        Assert.Equal("edge", gateway.Metadata.NamespaceProperty);
        Assert.Equal(new Dictionary<string, string> { ["app"] = "ingress" }, gateway.Spec.PodSelector!.MatchLabels);
        var ns = Assert.Single(gateway.Spec.NamespaceSelector!.MatchExpressions!);
        Assert.Equal(("kubernetes.io/metadata.name", "In"), (ns.Key, ns.Operator));
        Assert.Equal(["edge"], ns.Values!);
        Assert.Equal(new Dictionary<string, string> { ["mesh-sdk.io/gateway"] = "public", ["mesh-sdk.io/gateway-namespace"] = "edge" }, gateway.Spec.GatewayRouteSelector!.MatchLabels);
        var listener = Assert.Single(gateway.Spec.Listeners!);
        Assert.Equal((80, "http"), (listener.PortMapping!.Port, listener.PortMapping.Protocol));
        Assert.Null(listener.Tls);
        var route = Assert.Single(export.GatewayRoutes);
        Assert.Equal(gateway.Spec.GatewayRouteSelector.MatchLabels, route.Metadata.Labels!.Where(l => l.Key.StartsWith("mesh-sdk.io/", StringComparison.Ordinal)).ToDictionary());
        Assert.False(export.Diagnostics.Any(d => d.Severity >= DiagnosticSeverity.Warning && d.Path.StartsWith("$.spec.gateway", StringComparison.Ordinal)), string.Join("\n", export.Diagnostics));
    }

    [Fact]
    public void Route_IsOneGatewayRoutePerMatchAndHost_InOrder_ToTheBackendsVirtualService()
    {
        var rule1 = Rule(To(Ratings)) with { Matches = [new HttpMatch { Path = PathMatch.Exact("/a"), Method = "GET" }, new HttpMatch { Path = PathMatch.Regex("/r/[0-9]+"), Headers = [ValueMatch.Exact("x-user", "jo")], QueryParams = [ValueMatch.Exact("q", "1")] }] };
        var rule2 = Rule(To(Reviews, port: 9080));
        var export = new Exported(Edge(Gateway(HttpListener), Route(rule1, rule2) with { Hostnames = ["shop.example.com", "*.example.org"] }));
        var routes = export.GatewayRoutes.OrderBy(r => r.Spec.Priority).ToList();
        Assert.Equal(6, routes.Count);
        Assert.Equal([0, 1, 2, 3, 4, 5], routes.Select(r => r.Spec.Priority!.Value));
        Assert.Equal(["shop-0", "shop-1", "shop-2", "shop-3", "shop-4", "shop-5"], routes.Select(r => r.Metadata.Name));
        Assert.Equal(["shop.example.com", null, "shop.example.com", null, "shop.example.com", null], routes.Select(r => r.Spec.HttpRoute!.Match!.Hostname!.Exact));
        Assert.Equal([null, ".example.org", null, ".example.org", null, ".example.org"], routes.Select(r => r.Spec.HttpRoute!.Match!.Hostname!.Suffix));
        var first = routes[0].Spec.HttpRoute!;
        Assert.Equal(("/a", "GET"), (first.Match!.Path!.Exact, first.Match.Method));
        Assert.Null(first.Match.Port);
        var target = first.Action!.Target!;
        Assert.Equal(("ratings", "bookinfo"), (target.VirtualService!.VirtualServiceRef!.Name, target.VirtualService.VirtualServiceRef.Namespace));
        Assert.Equal("DISABLED", first.Action.Rewrite!.Hostname!.DefaultTargetHostname);
        Assert.Null(first.Action.Rewrite.Prefix);
        var regex = routes[2].Spec.HttpRoute!.Match!;
        Assert.Equal(("/r/[0-9]+", "x-user", "jo", "q"), (regex.Path!.Regex, regex.Headers![0].Name, regex.Headers[0].Match!.Exact, regex.QueryParameters![0].Name));
        var catchAll = routes[4].Spec.HttpRoute!;
        Assert.Equal("/", catchAll.Match!.Prefix);
        Assert.Equal(9080, catchAll.Action!.Target!.Port);
        // App Mesh would rewrite the matched prefix to '/' and the host to the target's name: both are kept as they are.
        Assert.Equal("DISABLED", catchAll.Action.Rewrite!.Prefix!.DefaultPrefix);
        Assert.Equal("DISABLED", catchAll.Action.Rewrite.Hostname!.DefaultTargetHostname);
    }

    [Fact]
    public void Split_GoesToTheHeaviestBackend_AndSubsetsToTheWholeService_BothReported()
    {
        var export = new Exported(Edge(Gateway(HttpListener), Route(Rule(To(Reviews, "v1", 20), To(Reviews, "v2", 80)))));
        var target = Assert.Single(export.GatewayRoutes).Spec.HttpRoute!.Action!.Target!;
        Assert.Equal("reviews", target.VirtualService!.VirtualServiceRef!.Name);
        Assert.Contains("every request goes to reviews.bookinfo (weight 80 of 100)", export.At(DiagnosticCodes.Unsupported, "$.spec.gatewayRoutes[0].rules[0].backends").Message, StringComparison.Ordinal);
        export.At(DiagnosticCodes.Unsupported, "$.spec.gatewayRoutes[0].rules[0].backends[1].subset");
    }

    public static TheoryData<string, HttpRouteRule> Losses => new()
    {
        { "timeout", Rule(To(Ratings)) with { Timeout = TimeSpan.FromSeconds(2) } },
        { "retry", Rule(To(Ratings)) with { Retry = new RetryPolicy { Attempts = 2 } } },
        { "fault", Rule(To(Ratings)) with { Fault = new FaultInjection { Abort = new FaultAbort { HttpStatus = 503 } } } },
        { "mirror", Rule(To(Ratings)) with { Mirror = new Mirror { Service = Reviews } } },
        { "requestHeaders", Rule(To(Ratings)) with { RequestHeaders = new HeaderModifier { Remove = ["x-a"] } } },
        { "responseHeaders", Rule(To(Ratings)) with { ResponseHeaders = new HeaderModifier { Remove = ["x-a"] } } },
        { "cors", Rule(To(Ratings)) with { Cors = new CorsPolicy { AllowOrigins = ["*"] } } },
        { "rewrite.authority", Rule(To(Ratings)) with { Rewrite = new Rewrite { Authority = "api.internal" } } },
        { "rewrite.fullPath", Rule(To(Ratings)) with { Rewrite = new Rewrite { FullPath = "/index.html" } } },
    };

    [Theory]
    [MemberData(nameof(Losses))]
    public void RuleFeature_AGatewayRouteCannotHold_IsReported_AndTheRouteStillWritten(string field, HttpRouteRule rule)
    {
        var export = new Exported(Edge(Gateway(HttpListener), Route(rule)));
        Assert.Equal(DiagnosticSeverity.Warning, export.At(DiagnosticCodes.Unsupported, $"$.spec.gatewayRoutes[0].rules[0].{field}").Severity);
        Assert.Equal("ratings", Assert.Single(export.GatewayRoutes).Spec.HttpRoute!.Action!.Target!.VirtualService!.VirtualServiceRef!.Name);
    }

    [Fact]
    public void RedirectRule_IsNotWritten_AndReported()
    {
        var redirect = new HttpRouteRule { Matches = [new HttpMatch { Path = PathMatch.Exact("/old") }], Redirect = new Redirect { Path = "/new" } };
        var export = new Exported(Edge(Gateway(HttpListener), Route(redirect, Rule(To(Ratings)))));
        var route = Assert.Single(export.GatewayRoutes);
        Assert.Equal("/", route.Spec.HttpRoute!.Match!.Prefix);
        export.At(DiagnosticCodes.Unsupported, "$.spec.gatewayRoutes[0].rules[0].redirect");
    }

    [Fact]
    public void Rewrites_AreWritten_ByTheMatchKind()
    {
        var fqdn = "ratings.bookinfo.svc.cluster.local";
        var rule = Rule(To(Ratings)) with
        {
            Matches = [new HttpMatch { Path = PathMatch.Prefix("/api") }, new HttpMatch { Path = PathMatch.Exact("/login") }],
            Rewrite = new Rewrite { PathPrefix = "/v2", Authority = fqdn },
        };
        var export = new Exported(Edge(Gateway(HttpListener), Route(rule)));
        var routes = export.GatewayRoutes.OrderBy(r => r.Spec.Priority).Select(r => r.Spec.HttpRoute!.Action!.Rewrite!).ToList();
        Assert.Equal(("/v2", "ENABLED"), (routes[0].Prefix!.Value, routes[0].Hostname!.DefaultTargetHostname));
        Assert.Null(routes[0].Path);
        // The whole of an exact path is its prefix: it becomes the new path.
        Assert.Equal(("/v2", "ENABLED"), (routes[1].Path!.Exact, routes[1].Hostname!.DefaultTargetHostname));
        Assert.False(export.Diagnostics.Any(d => d.Severity >= DiagnosticSeverity.Warning && d.Path.StartsWith("$.spec.gateway", StringComparison.Ordinal)), string.Join("\n", export.Diagnostics));
    }

    [Fact]
    public void RegexMatch_PrefixRewrite_IsReported()
    {
        var rule = Rule(To(Ratings)) with { Matches = [new HttpMatch { Path = PathMatch.Regex("/r/.*") }], Rewrite = new Rewrite { PathPrefix = "/v2" } };
        var export = new Exported(Edge(Gateway(HttpListener), Route(rule)));
        export.At(DiagnosticCodes.Unsupported, "$.spec.gatewayRoutes[0].rules[0].rewrite.pathPrefix");
        Assert.Null(Assert.Single(export.GatewayRoutes).Spec.HttpRoute!.Action!.Rewrite!.Path);
    }

    [Fact]
    public void HttpsListener_WithACredential_IsStrictTls_FromAnSdsSecret_Reported()
    {
        var https = new GatewayListener { Name = "https", Port = 443, Protocol = ListenerProtocol.Https, Tls = new GatewayTls { CredentialName = "shop-cert" } };
        var export = new Exported(Edge(Gateway(https)));
        var tls = Assert.Single(export.Gateway("public").Spec.Listeners!).Tls!;
        Assert.Equal(("STRICT", "shop-cert"), (tls.Mode, tls.Certificate!.Sds!.SecretName));
        Assert.Null(tls.Validation);
        Assert.Contains("SDS", export.At(DiagnosticCodes.Approximated, "$.spec.gateways[0].listeners[0].tls.credentialName").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MutualTls_WithFiles_ValidatesClientsAgainstTheCaFile_AndTheSubjectAltNames()
    {
        var https = new GatewayListener
        {
            Name = "https",
            Port = 443,
            Protocol = ListenerProtocol.Https,
            Tls = new GatewayTls { Mode = GatewayTlsMode.Mutual, Files = new CertificateFiles { CertificateChain = "/certs/c.pem", PrivateKey = "/certs/k.pem", CaCertificates = "/certs/ca.pem" }, SubjectAltNames = ["client.example.com"] },
        };
        var export = new Exported(Edge(Gateway(https)));
        var tls = Assert.Single(export.Gateway("public").Spec.Listeners!).Tls!;
        Assert.Equal(("/certs/c.pem", "/certs/k.pem"), (tls.Certificate!.File!.CertificateChain, tls.Certificate.File.PrivateKey));
        Assert.Equal("/certs/ca.pem", tls.Validation!.Trust!.File!.CertificateChain);
        Assert.Equal(["client.example.com"], tls.Validation.SubjectAlternativeNames!.Match!.Exact!);
        Assert.False(export.Diagnostics.Any(d => d.Severity >= DiagnosticSeverity.Warning && d.Path.StartsWith("$.spec.gateway", StringComparison.Ordinal)), string.Join("\n", export.Diagnostics));
    }

    [Fact]
    public void MutualTls_WithACredential_TrustsTheCredentialsSecret()
    {
        var https = new GatewayListener { Name = "https", Port = 443, Protocol = ListenerProtocol.Https, Tls = new GatewayTls { Mode = GatewayTlsMode.Mutual, CredentialName = "shop-cert" } };
        var tls = Assert.Single(new Exported(Edge(Gateway(https))).Gateway("public").Spec.Listeners!).Tls!;
        Assert.Equal(("shop-cert", "shop-cert"), (tls.Certificate!.Sds!.SecretName, tls.Validation!.Trust!.Sds!.SecretName));
    }

    [Fact]
    public void PassthroughAndTcpListeners_RedirectsAndTheirStreamRoutes_AreReported_AndNotWritten()
    {
        var tls = new GatewayListener { Name = "tls", Port = 443, Protocol = ListenerProtocol.Tls, Hosts = ["db.example.com"], Tls = new GatewayTls { Mode = GatewayTlsMode.Passthrough } };
        var tcp = new GatewayListener { Name = "tcp", Port = 5432, Protocol = ListenerProtocol.Tcp };
        var redirect = HttpListener with { HttpsRedirect = true };
        var model = Edge(Gateway(HttpListener with { Port = 8080, Name = "plain" }, tls, tcp, redirect)) with
        {
            GatewayTlsRoutes = [new GatewayTlsRoute { Name = "db", Namespace = "edge", Gateways = [new GatewayRef { Name = "public", Namespace = "edge" }], Hostnames = ["db.example.com"], Backends = [To(Ratings)] }],
            GatewayTcpRoutes = [new GatewayTcpRoute { Name = "pg", Namespace = "edge", Gateways = [new GatewayRef { Name = "public", Namespace = "edge" }], Backends = [To(Ratings)] }],
        };
        var export = new Exported(model);
        Assert.Equal([8080], export.Gateway("public").Spec.Listeners!.Select(l => l.PortMapping!.Port!.Value));
        export.At(DiagnosticCodes.Unsupported, "$.spec.gateways[0].listeners[1]");
        export.At(DiagnosticCodes.Unsupported, "$.spec.gateways[0].listeners[2]");
        export.At(DiagnosticCodes.Unsupported, "$.spec.gateways[0].listeners[3].httpsRedirect");
        export.At(DiagnosticCodes.Unsupported, "$.spec.gatewayTlsRoutes[0]");
        export.At(DiagnosticCodes.Unsupported, "$.spec.gatewayTcpRoutes[0]");
    }

    [Fact]
    public void GatewayWithoutAnyWritableListener_IsNotWritten_NorItsRoutes()
    {
        var redirect = HttpListener with { HttpsRedirect = true };
        var export = new Exported(Edge(Gateway(redirect), Route(Rule(To(Ratings)))));
        Assert.Empty(export.Gateways);
        Assert.Empty(export.GatewayRoutes);
        export.At(DiagnosticCodes.Unsupported, "$.spec.gateways[0]");
        export.At(DiagnosticCodes.Unsupported, "$.spec.gatewayRoutes[0].gateways[0]");
    }

    [Fact]
    public void ListenersOnOnePort_ShareItsListener_WhenTheSame_ElseTheLaterIsReported()
    {
        var a = new GatewayListener { Name = "a", Port = 443, Protocol = ListenerProtocol.Https, Hosts = ["a.example.com"], Tls = new GatewayTls { CredentialName = "cert" } };
        var b = a with { Name = "b", Hosts = ["b.example.com"] };
        var c = a with { Name = "c", Hosts = ["c.example.com"], Tls = new GatewayTls { CredentialName = "other" } };
        var route = Route(Rule(To(Ratings))) with { Hostnames = [], Gateways = [new GatewayRef { Name = "public", Namespace = "edge", Listener = "b" }] };
        var export = new Exported(Edge(Gateway(a, b, c), route));
        Assert.Single(export.Gateway("public").Spec.Listeners!);
        export.At(DiagnosticCodes.TranslationNote, "$.spec.gateways[0].listeners[1]");
        export.At(DiagnosticCodes.Unsupported, "$.spec.gateways[0].listeners[2]");
        // Bound to listener b: its host, on its port.
        var match = Assert.Single(export.GatewayRoutes).Spec.HttpRoute!.Match!;
        Assert.Equal(("b.example.com", 443), (match.Hostname!.Exact, match.Port));
    }

    [Fact]
    public void RouteOnAGatewayOfSeveralPorts_NamesThePort_AndKeepsTheHostsBothServe()
    {
        var web = HttpListener with { Hosts = ["*.example.com"] };
        var admin = new GatewayListener { Name = "admin", Port = 8080, Protocol = ListenerProtocol.Http, Hosts = ["admin.example.org"] };
        var export = new Exported(Edge(Gateway(web, admin), Route(Rule(To(Ratings)))));
        // shop.example.com is on port 80 only; port 8080 serves none of the route's hosts.
        var match = Assert.Single(export.GatewayRoutes).Spec.HttpRoute!.Match!;
        Assert.Equal(("shop.example.com", 80), (match.Hostname!.Exact, match.Port));
    }

    [Fact]
    public void RouteOfAnotherNamespace_IsSelected_AndNamesItsTargetsNamespace()
    {
        var route = Route(Rule(To(Ratings))) with { Namespace = "bookinfo" };
        var export = new Exported(Edge(Gateway(HttpListener), route));
        Assert.Equal(["bookinfo"], Assert.Single(export.Gateway("public").Spec.NamespaceSelector!.MatchExpressions!).Values!);
        var written = Assert.Single(export.GatewayRoutes);
        Assert.Equal("bookinfo", written.Metadata.NamespaceProperty);
        Assert.Null(written.Spec.HttpRoute!.Action!.Target!.VirtualService!.VirtualServiceRef!.Namespace);
    }

    [Fact]
    public void GatewayWithoutWorkloads_OrWithAClass_IsReported()
    {
        var export = new Exported(Edge(Gateway(HttpListener) with { Workloads = default, ClassName = "istio" }));
        Assert.Null(export.Gateway("public").Spec.PodSelector);
        export.At(DiagnosticCodes.Unsupported, "$.spec.gateways[0].workloads");
        export.At(DiagnosticCodes.Unsupported, "$.spec.gateways[0].className");
    }

    [Fact]
    public void ListenerHosts_AreCarriedByTheRoutes_WithANote()
    {
        var export = new Exported(Edge(Gateway(HttpListener with { Hosts = ["shop.example.com"] }), Route(Rule(To(Ratings))) with { Hostnames = [] }));
        Assert.Equal("shop.example.com", Assert.Single(export.GatewayRoutes).Spec.HttpRoute!.Match!.Hostname!.Exact);
        export.At(DiagnosticCodes.TranslationNote, "$.spec.gateways[0].listeners[0].hosts");
    }

    [Fact]
    public void MoreRoutesThanPriorities_ShareTheLastPriority_Reported()
    {
        var route = Route(Rule(To(Ratings))) with { Hostnames = [.. Enumerable.Range(0, 1003).Select(i => $"h{i}.example.com")] };
        var export = new Exported(Edge(Gateway(HttpListener), route));
        Assert.Equal(1003, export.GatewayRoutes.Count);
        Assert.Equal(1000, export.GatewayRoutes.Max(r => r.Spec.Priority));
        Assert.Equal(3, export.GatewayRoutes.Count(r => r.Spec.Priority == 1000));
        export.At(DiagnosticCodes.Approximated, "$.spec.gatewayRoutes[0].rules[0]");
    }
}
