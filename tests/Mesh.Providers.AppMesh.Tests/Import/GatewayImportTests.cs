using Mesh.Collections;
using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.AppMesh.Tests.Export;
using static Mesh.Providers.AppMesh.Tests.Export.Models;
using static Mesh.Providers.AppMesh.Tests.Import.ImportYaml;

namespace Mesh.Providers.AppMesh.Tests.Import;

/// <summary>VirtualGateways are read as gateways and the GatewayRoutes they select as gateway routes; what the model cannot hold is reported.</summary>
public sealed class GatewayImportTests
{
    private const string Color = """
        apiVersion: appmesh.k8s.aws/v1beta2
        kind: VirtualNode
        metadata: { name: color, namespace: shop }
        spec:
          podSelector: { matchLabels: { app: color } }
          listeners: [{ portMapping: { port: 8080, protocol: http } }]
          serviceDiscovery: { dns: { hostname: color.shop.svc.cluster.local } }
        ---
        apiVersion: appmesh.k8s.aws/v1beta2
        kind: VirtualService
        metadata: { name: color, namespace: shop }
        spec:
          awsName: color.shop.svc.cluster.local
          provider: { virtualNode: { virtualNodeRef: { name: color } } }
        ---

        """;

    private static string Gateway(string listeners = "[{ portMapping: { port: 8088, protocol: http } }]", string selector = "namespaceSelector: { matchLabels: { gateway: ingress-gw } }", string name = "ingress-gw") => $$"""
        apiVersion: appmesh.k8s.aws/v1beta2
        kind: VirtualGateway
        metadata: { name: {{name}}, namespace: shop }
        spec:
          {{selector}}
          podSelector: { matchLabels: { app: ingress-gw } }
          listeners: {{listeners}}
        ---

        """;

    private static string Route(string name, string spec) => $$"""
        apiVersion: appmesh.k8s.aws/v1beta2
        kind: GatewayRoute
        metadata: { name: {{name}}, namespace: shop }
        spec: {{spec}}
        ---

        """;

    [Fact]
    public void UpstreamIngress_IsAGateway_AndARoute_WithAppMeshsDefaultRewrites()
    {
        var result = Read(Color + Gateway() + Route("color", "{ httpRoute: { match: { prefix: /paths }, action: { target: { virtualService: { virtualServiceRef: { name: color } } } } } }"));
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var gateway = Assert.Single(result.Config!.Gateways);
        Assert.Equal(("ingress-gw", "shop"), (gateway.Name, gateway.Namespace));
        Assert.Equal(new Dictionary<string, string> { ["app"] = "ingress-gw" }.ToEquatableMap(), gateway.Workloads);
        var listener = Assert.Single(gateway.Listeners);
        Assert.Equal(("http-8088", 8088, ListenerProtocol.Http), (listener.Name, listener.Port, listener.Protocol));
        var route = Assert.Single(result.Config.GatewayRoutes);
        Assert.Equal(("color", "shop"), (route.Name, route.Namespace));
        Assert.Equal(new GatewayRef { Name = "ingress-gw", Namespace = "shop" }, Assert.Single(route.Gateways));
        Assert.True(route.Hostnames.IsEmpty);
        var rule = Assert.Single(route.Rules);
        Assert.Equal(PathMatch.Prefix("/paths"), Assert.Single(rule.Matches).Path);
        Assert.Equal(new ServiceRef("color", "shop"), Assert.Single(rule.Backends).Service);
        // By default App Mesh rewrites the matched prefix to '/' and the host to the target's name.
        Assert.Equal(new Rewrite { PathPrefix = "/", Authority = "color.shop.svc.cluster.local" }, rule.Rewrite);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.OutOfScope);
    }

    [Fact]
    public void RoutesInPriorityOrder_HostnamesAndDisabledRewrites_AreRead()
    {
        var result = Read(Color + Gateway() + Route("b", """
            { priority: 2, httpRoute: { match: { path: { exact: /b }, hostname: { suffix: .example.com } }, action: { target: { virtualService: { virtualServiceRef: { name: color } }, port: 8080 }, rewrite: { hostname: { defaultTargetHostname: DISABLED }, path: { exact: /index } } } } }
            """) + Route("a", """
            { priority: 1, http2Route: { match: { prefix: /a, hostname: { exact: shop.example.com }, method: GET }, action: { target: { virtualService: { virtualServiceRef: { name: color } } }, rewrite: { hostname: { defaultTargetHostname: DISABLED }, prefix: { defaultPrefix: DISABLED } } } } }
            """));
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var routes = result.Config!.GatewayRoutes.OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        Assert.Equal(["a", "b"], routes.Select(r => r.Name));
        Assert.Equal(["shop.example.com"], routes[0].Hostnames);
        Assert.Equal(["*.example.com"], routes[1].Hostnames);
        Assert.Null(routes[0].Rules[0].Rewrite);
        Assert.Equal("GET", routes[0].Rules[0].Matches[0].Method);
        Assert.Equal(new Rewrite { FullPath = "/index" }, routes[1].Rules[0].Rewrite);
        Assert.Equal(8080, routes[1].Rules[0].Backends[0].Port);
    }

    [Fact]
    public void GrpcRoute_IsReadAsAServicePrefix_WithMetadataAsHeaders()
    {
        var result = Read(Color + Gateway() + Route("g", "{ grpcRoute: { match: { serviceName: pkg.Color, metadata: [{ name: x-user, match: { exact: jo } }] }, action: { target: { virtualService: { virtualServiceRef: { name: color } } }, rewrite: { hostname: { defaultTargetHostname: DISABLED } } } } }"));
        var match = Assert.Single(Assert.Single(result.Config!.GatewayRoutes).Rules[0].Matches);
        Assert.Equal(PathMatch.Prefix("/pkg.Color/"), match.Path);
        Assert.Equal([ValueMatch.Exact("x-user", "jo")], match.Headers);
    }

    [Fact]
    public void RouteNoGatewaySelects_IsNotImported()
    {
        var result = Read(Color + Gateway(selector: "gatewayRouteSelector: { matchLabels: { team: a } }") + Route("gr", "{ httpRoute: { match: { prefix: / }, action: { target: { virtualService: { virtualServiceRef: { name: color } } } } } }"));
        Assert.Empty(result.Config!.GatewayRoutes);
        Assert.Contains("selects this gateway route", At(result, "#3 $.spec").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RouteTwoGatewaysSelect_IsNotImported()
    {
        var result = Read(Color + Gateway() + Gateway(name: "other") + Route("gr", "{ httpRoute: { match: { prefix: / }, action: { target: { virtualService: { virtualServiceRef: { name: color } } } } } }"));
        Assert.Empty(result.Config!.GatewayRoutes);
        Assert.Contains("all select this gateway route", At(result, "#4 $.spec").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RouteToAVirtualServiceByArn_IsNotImported()
    {
        var result = Read(Color + Gateway() + Route("gr", "{ httpRoute: { match: { prefix: / }, action: { target: { virtualService: { virtualServiceARN: 'arn:aws:appmesh:x' } } } } }"));
        Assert.Empty(result.Config!.GatewayRoutes);
        At(result, "#3 $.spec.httpRoute.action.target.virtualService");
    }

    [Fact]
    public void AcmCertificate_ListenerIsNotImported_NorTheGatewayWithoutOthers()
    {
        var result = Read(Color + Gateway("[{ portMapping: { port: 443, protocol: http }, tls: { mode: STRICT, certificate: { acm: { certificateARN: 'arn:aws:acm:x' } } } }]"));
        Assert.Empty(result.Config!.Gateways);
        At(result, "#2 $.spec.listeners[0].tls.certificate.acm");
        At(result, "#2 $.spec.listeners");
    }

    [Fact]
    public void MutualTls_WithFiles_AndSds_IsRead()
    {
        var result = Read(Color + Gateway("""
            [{ portMapping: { port: 443, protocol: http }, tls: { mode: STRICT, certificate: { file: { certificateChain: /c.pem, privateKey: /k.pem } }, validation: { trust: { file: { certificateChain: /ca.pem } }, subjectAlternativeNames: { match: { exact: [client.example.com] } } } } },
             { portMapping: { port: 8443, protocol: http2 }, tls: { mode: STRICT, certificate: { sds: { secretName: shop-cert } }, validation: { trust: { sds: { secretName: shop-cert } } } } }]
            """));
        var listeners = Assert.Single(result.Config!.Gateways).Listeners;
        Assert.Equal(new GatewayTls { Mode = GatewayTlsMode.Mutual, Files = new CertificateFiles { CertificateChain = "/c.pem", PrivateKey = "/k.pem", CaCertificates = "/ca.pem" }, SubjectAltNames = ["client.example.com"] }, listeners[0].Tls);
        Assert.Equal(new GatewayTls { Mode = GatewayTlsMode.Mutual, CredentialName = "shop-cert" }, listeners[1].Tls);
        Assert.Equal(("https-8443", ListenerProtocol.Https), (listeners[1].Name, listeners[1].Protocol));
        Assert.Equal(DiagnosticSeverity.Info, At(result, "#2 $.spec.listeners[1].portMapping.protocol").Severity);
    }

    [Fact]
    public void TcpListener_IsInvalid()
    {
        var result = Read(Color + Gateway("[{ portMapping: { port: 5432, protocol: tcp } }]"));
        Assert.True(result.HasErrors);
        Assert.Equal(DiagnosticSeverity.Error, At(result, "#2 $.spec.listeners[0].portMapping.protocol").Severity);
    }

    [Fact]
    public void ExportedGateway_ReadsBackAsTheModel_WithListenersNamedByPort()
    {
        var rule1 = Rule(To(Ratings)) with { Matches = [new HttpMatch { Path = PathMatch.Prefix("/api") }, new HttpMatch { Path = PathMatch.Exact("/login") }] };
        var rule2 = Rule(To(Reviews, port: 9080)) with { Rewrite = new Rewrite { PathPrefix = "/v2", Authority = "reviews.bookinfo.svc.cluster.local" }, Matches = [new HttpMatch { Path = PathMatch.Prefix("/reviews") }] };
        var web = new GatewayListener { Name = "web", Port = 80, Protocol = ListenerProtocol.Http };
        var secure = new GatewayListener { Name = "secure", Port = 443, Protocol = ListenerProtocol.Https, Tls = new GatewayTls { Mode = GatewayTlsMode.Mutual, CredentialName = "shop-cert", SubjectAltNames = ["client.example.com"] } };
        var model = GatewayExportTests.Edge(
            new Model.Gateway { Name = "public", Namespace = "edge", Workloads = new Dictionary<string, string> { ["app"] = "ingress" }.ToEquatableMap(), Listeners = [web, secure] },
            new Model.GatewayRoute { Name = "shop", Namespace = "edge", Gateways = [new GatewayRef { Name = "public", Namespace = "edge" }], Hostnames = ["*.example.com", "shop.example.org"], Rules = [rule1, rule2] },
            new Model.GatewayRoute { Name = "admin", Namespace = "edge", Gateways = [new GatewayRef { Name = "public", Namespace = "edge", Listener = "secure" }], Rules = [Rule(To(Ratings))] });
        var translator = new AppMeshTranslator();
        var back = translator.ImportYaml(translator.WriteYaml(translator.Translate(model).Resources), "back.yaml");
        Assert.False(back.HasErrors, string.Join("\n", back.Diagnostics));
        Assert.DoesNotContain(back.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var expected = model.Normalize();
        var gateway = Assert.Single(back.Config!.Gateways);
        Assert.Equal(expected.Gateways[0] with { Listeners = [web with { Name = "http-80" }, secure with { Name = "https-443" }] }, gateway);
        Assert.Equal(expected.GatewayRoutes.Single(r => r.Name == "shop"), back.Config.GatewayRoutes.Single(r => r.Name == "shop"));
        Assert.Equal(new GatewayRef { Name = "public", Namespace = "edge", Listener = "https-443" }, Assert.Single(back.Config.GatewayRoutes.Single(r => r.Name == "admin").Gateways));
    }

    [Fact]
    public void ARouteBoundToSeveralListenersOfOneGateway_KeepsItsRulesInOrder_AndReadsBackOnce()
    {
        // Written in one pass over both listeners: a pass per binding interleaved the rules' priorities, and they read back
        // repeated (found by the gateway round-trip property, seed c1VtUPQJHEE1).
        var web = new GatewayListener { Name = "web", Port = 80, Protocol = ListenerProtocol.Http };
        var alt = new GatewayListener { Name = "alt", Port = 8080, Protocol = ListenerProtocol.Http };
        var first = Rule(To(Ratings)) with { Matches = [new HttpMatch { Path = PathMatch.Prefix("/api") }] };
        var second = Rule(To(Reviews, port: 9080));
        var model = GatewayExportTests.Edge(
            new Model.Gateway { Name = "public", Namespace = "edge", Workloads = new Dictionary<string, string> { ["app"] = "ingress" }.ToEquatableMap(), Listeners = [web, alt] },
            new Model.GatewayRoute
            {
                Name = "shop", Namespace = "edge",
                Gateways = [new GatewayRef { Name = "public", Namespace = "edge", Listener = "web" }, new GatewayRef { Name = "public", Namespace = "edge", Listener = "alt" }],
                Rules = [first, second],
            });
        var translator = new AppMeshTranslator();
        var written = translator.Translate(model).Resources.OfType<Resources.GatewayRoute>().OrderBy(r => r.Spec.Priority).ToList();
        Assert.Equal([0, 1, 2, 3], written.Select(r => r.Spec.Priority));
        Assert.Equal(["/api", "/api", "/", "/"], written.Select(r => r.Spec.HttpRoute!.Match!.Prefix));
        var back = translator.Import(translator.Translate(model).Resources);
        Assert.False(back.HasErrors, string.Join("\n", back.Diagnostics));
        var route = Assert.Single(back.Config!.GatewayRoutes);
        Assert.Equal(2, route.Rules.Count);
        Assert.Equal(model.Normalize().GatewayRoutes[0].Rules, route.Rules);
    }
}
