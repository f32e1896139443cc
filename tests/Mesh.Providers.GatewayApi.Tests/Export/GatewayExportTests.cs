using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Translation;
using GatewayResource = Mesh.Providers.GatewayApi.Resources.Gateway;
using HttpRouteResource = Mesh.Providers.GatewayApi.Resources.HttpRoute;
using ReferenceGrantResource = Mesh.Providers.GatewayApi.Resources.ReferenceGrant;

namespace Mesh.Providers.GatewayApi.Tests.Export;

/// <summary>Gateways and gateway routes written as Gateway API Gateways, HTTPRoutes bound to them and ReferenceGrants, and read back.</summary>
public sealed class GatewayExportTests
{
    private static readonly GatewayApiTranslator Translator = new(new GatewayApiOptions { ServiceOutput = ServiceOutput.All });

    private static readonly MeshConfig Edge = Generators.Samples.Edge;

    [Fact]
    public void Gateway_IsWrittenWithItsClass_AListenerPerHost_AndSecretCertificates()
    {
        var result = Translator.Translate(Edge);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var gateway = Assert.Single(result.Resources.OfType<GatewayResource>());
        Assert.Equal(("gateway.networking.k8s.io/v1", "edge", "example"), (gateway.ApiVersion, gateway.Metadata.NamespaceProperty, gateway.Spec.GatewayClassName));
        var listeners = gateway.Spec.Listeners!;
        Assert.Equal(["http", "http-2", "https", "db"], listeners.Select(l => l.Name));
        Assert.Equal(["shop.example.com", "www.example.com", "*.example.com", "db.example.com"], listeners.Select(l => l.Hostname));
        Assert.Equal(["HTTP", "HTTP", "HTTPS", "TLS"], listeners.Select(l => l.Protocol));
        Assert.Equal("Terminate", listeners[2].Tls!.Mode);
        Assert.Equal(("Secret", "example-cert"), (listeners[2].Tls!.CertificateRefs![0].Kind, listeners[2].Tls!.CertificateRefs![0].Name));
        Assert.Equal("Passthrough", listeners[3].Tls!.Mode);
        // A route of namespace 'shop' binds to the gateway: its listeners take routes from every namespace.
        Assert.All(listeners, l => Assert.Equal("All", l.AllowedRoutes!.Namespaces!.From));
    }

    [Fact]
    public void GatewayRoutes_BindToTheGatewayOrListener_WithHostnames_AndCrossNamespaceBackendsGetAGrant()
    {
        var result = Translator.Translate(Edge);
        var routes = result.Resources.OfType<HttpRouteResource>().ToDictionary(r => r.Metadata.Name);
        var shop = routes["shop"];
        var parent = Assert.Single(shop.Spec.ParentRefs!);
        Assert.Equal(("gateway.networking.k8s.io", "Gateway", "public", "edge", "https"), (parent.Group, parent.Kind, parent.Name, parent.Namespace, parent.SectionName));
        Assert.Equal(["shop.example.com"], shop.Spec.Hostnames!);
        Assert.Equal(2, shop.Spec.Rules!.Count);
        var www = Assert.Single(routes["www"].Spec.ParentRefs!);
        Assert.Equal(((string?)null, (string?)null), (www.Namespace, www.SectionName));
        var grants = result.Resources.OfType<ReferenceGrantResource>().OrderBy(g => g.Metadata.NamespaceProperty).ToList();
        // shop → bookinfo (reviews), edge → shop (web); the route in shop calling web in shop needs none.
        Assert.Equal([("bookinfo", "shop"), ("shop", "edge")], grants.Select(g => (g.Metadata.NamespaceProperty, g.Spec.From![0].Namespace)));
        Assert.All(grants, g => Assert.Equal(("HTTPRoute", "Service"), (g.Spec.From![0].Kind, g.Spec.To![0].Kind)));
    }

    [Fact]
    public void TheEdgeSample_RoundTrips_ThroughYaml()
    {
        var yaml = Translator.WriteYaml(Translator.Translate(Edge).Resources);
        var back = Translator.ImportYaml(yaml, "edge.yaml");
        Assert.False(back.HasErrors, string.Join("\n", back.Diagnostics));
        Assert.DoesNotContain(back.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Equal(Edge.Normalize().Gateways, back.Config!.Gateways);
        Assert.Equal(Edge.Normalize().GatewayRoutes, back.Config.GatewayRoutes);
        Assert.Contains(back.Diagnostics, d => d.Severity == DiagnosticSeverity.Info && d.Path.EndsWith("$.spec", StringComparison.Ordinal) && d.Message.Contains("ReferenceGrant", StringComparison.Ordinal));
    }

    [Fact]
    public void AGatewayWithoutAClass_IsNotWritten_AndItsRoutesAreReported()
    {
        var model = Edge with { Gateways = [Edge.Gateways[0] with { ClassName = null }] };
        var result = new GatewayApiTranslator().Translate(model);
        Assert.Empty(result.Resources.OfType<GatewayResource>());
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.gateways[0]");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.gatewayRoutes[0]");
        var configured = new GatewayApiTranslator(new GatewayApiOptions { GatewayClassName = "istio" }).Translate(model);
        Assert.Equal("istio", Assert.Single(configured.Resources.OfType<GatewayResource>()).Spec.GatewayClassName);
    }

    [Fact]
    public void MutualTls_CertificateFiles_AndWorkloads_AreReported_NotWrittenLoosely()
    {
        var gateway = new Gateway
        {
            Name = "public", Namespace = "edge", ClassName = "example", Workloads = new Dictionary<string, string> { ["istio"] = "ingressgateway" },
            Listeners =
            [
                new GatewayListener { Name = "http", Port = 80, Protocol = ListenerProtocol.Http, HttpsRedirect = true },
                new GatewayListener { Name = "mtls", Port = 443, Protocol = ListenerProtocol.Https, Tls = new GatewayTls { Mode = GatewayTlsMode.Mutual, CredentialName = "c" } },
                new GatewayListener { Name = "files", Port = 8443, Protocol = ListenerProtocol.Https, Tls = new GatewayTls { Files = new CertificateFiles { CertificateChain = "/c.pem", PrivateKey = "/k.pem" } } },
            ],
        };
        var result = Translator.Translate(new MeshConfig { Name = "m", Gateways = [gateway] });
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Approximated && d.Path == "$.spec.gateways[0].workloads");
        Assert.DoesNotContain(result.Diagnostics, d => d.Path == "$.spec.gateways[0].listeners[0].httpsRedirect");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.gateways[0].listeners[1].tls.mode");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.gateways[0].listeners[2].tls.files");
        // Only the plain HTTP listener is written: a mutual-TLS listener without client verification would be looser than the model.
        Assert.Equal(["http"], Assert.Single(result.Resources.OfType<GatewayResource>()).Spec.Listeners!.Select(l => l.Name));
    }

    [Fact]
    public void AnHttpsRedirect_IsAnHttpRouteOfTheListener_AndReadsBackAsTheRedirect()
    {
        var model = Edge with
        {
            Gateways = [Edge.Gateways[0] with { Listeners = [Edge.Gateways[0].Listeners[0] with { HttpsRedirect = true }, .. Edge.Gateways[0].Listeners.Skip(1)] }],
            GatewayRoutes = [Edge.GatewayRoutes[0]],
        };
        var result = Translator.Translate(model);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var redirect = Assert.Single(result.Resources.OfType<HttpRouteResource>(), r => r.Metadata.Name == "public-http-https-redirect");
        Assert.Equal(["http", "http-2"], redirect.Spec.ParentRefs!.Select(p => p.SectionName));
        var filter = Assert.Single(Assert.Single(redirect.Spec.Rules!).Filters!);
        Assert.Equal(("RequestRedirect", "https", (int?)301), (filter.Type, filter.RequestRedirect!.Scheme, filter.RequestRedirect.StatusCode));
        var back = Translator.ImportYaml(Translator.WriteYaml(result.Resources), "edge.yaml");
        Assert.False(back.HasErrors, string.Join("\n", back.Diagnostics));
        Assert.Equal(model.Normalize().Gateways, back.Config!.Gateways);
        Assert.Equal(model.Normalize().GatewayRoutes, back.Config.GatewayRoutes);
    }

    [Fact]
    public void Import_ARedirectRouteThatIsNotJustAnHttpsRedirect_StaysAGatewayRoute()
    {
        const string yaml = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: { name: public, namespace: edge }
            spec:
              gatewayClassName: istio
              listeners: [{ name: http, port: 80, protocol: HTTP }]
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: { name: moved, namespace: edge }
            spec:
              parentRefs: [{ name: public, sectionName: http }]
              rules: [{ filters: [{ type: RequestRedirect, requestRedirect: { scheme: https, hostname: new.example.com, statusCode: 301 } }] }]
            """;
        var result = new GatewayApiTranslator().ImportYaml(yaml, "in.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.False(Assert.Single(result.Config!.Gateways).Listeners[0].HttpsRedirect);
        var route = Assert.Single(result.Config.GatewayRoutes);
        Assert.Equal("new.example.com", route.Rules[0].Redirect!.Host);
    }

    [Fact]
    public void Import_ReadsAGatewayAndARouteWrittenByHand_BeforeOrAfterEachOther()
    {
        const string yaml = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: { name: store, namespace: shop }
            spec:
              parentRefs: [{ name: public, namespace: edge, sectionName: https }]
              hostnames: [store.example.com]
              rules:
              - matches: [{ path: { type: PathPrefix, value: /cart } }]
                backendRefs: [{ name: cart, port: 8080 }]
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: { name: public, namespace: edge }
            spec:
              gatewayClassName: istio
              listeners:
              - name: https
                port: 443
                protocol: HTTPS
                hostname: "*.example.com"
                tls: { certificateRefs: [{ name: wildcard-cert }] }
                allowedRoutes: { namespaces: { from: All } }
            """;
        var result = new GatewayApiTranslator().ImportYaml(yaml, "in.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var gateway = Assert.Single(result.Config!.Gateways);
        Assert.Equal(("istio", "https", "wildcard-cert"), (gateway.ClassName, gateway.Listeners[0].Name, gateway.Listeners[0].Tls!.CredentialName));
        var route = Assert.Single(result.Config.GatewayRoutes);
        Assert.Equal(new GatewayRef { Name = "public", Namespace = "edge", Listener = "https" }, Assert.Single(route.Gateways));
        Assert.Equal(new ServiceRef("cart", "shop"), route.Rules[0].Backends[0].Service);
        Assert.Contains(result.Config.Services, s => s.Reference == new ServiceRef("cart", "shop"));
        Assert.Contains(result.Diagnostics, d => d.Path == "in.yaml#1 $.spec.listeners[0].allowedRoutes");
    }

    [Fact]
    public void Import_ARouteBoundToAGatewayTheInputLacks_IsReported()
    {
        const string yaml = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: { name: store, namespace: shop }
            spec:
              parentRefs: [{ name: public, namespace: edge }]
              rules: [{ backendRefs: [{ name: cart, port: 8080 }] }]
            """;
        var result = new GatewayApiTranslator().ImportYaml(yaml, "in.yaml");
        Assert.Empty(result.Config!.GatewayRoutes);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "in.yaml#0 $.spec.parentRefs[0]");
        Assert.Contains(result.Diagnostics, d => d.Path == "in.yaml#0 $.spec.rules");
    }
}
