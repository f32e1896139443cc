using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.Conformance.Schema;
using Mesh.Providers.Conformance.Support;
using Mesh.Translation;
using GatewayResource = Mesh.Providers.GatewayApi.Resources.Gateway;
using HttpRouteResource = Mesh.Providers.GatewayApi.Resources.HttpRoute;

namespace Mesh.Providers.Linkerd.Tests.Export;

/// <summary>Gateways in Linkerd's translation: Gateway API Gateways and HTTPRoutes for the cluster's ingress, and back.</summary>
public sealed class GatewayEdgeTests
{
    private static readonly ServiceRef Web = new("web", "shop");

    private static readonly MeshConfig Model = new()
    {
        Name = "imported",
        Services = [new MeshService { Name = "web", Namespace = "shop", Selector = new Dictionary<string, string> { ["app"] = "web" }, Ports = [new ServicePort { Name = "http", Port = 8080, Protocol = Protocol.Http }] }],
        Routes = [new HttpRoute { Name = "web", Namespace = "shop", Host = Web, Rules = [new HttpRouteRule { Backends = [new WeightedBackend { Service = Web, Weight = 1 }], Retry = new RetryPolicy { Attempts = 2 } }] }],
        Gateways = [new Gateway { Name = "public", Namespace = "shop", ClassName = "envoy-gateway", Listeners = [new GatewayListener { Name = "https", Port = 443, Protocol = ListenerProtocol.Https, Hosts = ["shop.example.com"], Tls = new GatewayTls { CredentialName = "shop-cert" } }] }],
        GatewayRoutes =
        [
            new GatewayRoute
            {
                Name = "web", Namespace = "shop", Gateways = [new GatewayRef { Name = "public", Namespace = "shop" }], Hostnames = ["shop.example.com"],
                Rules = [new HttpRouteRule { Matches = [new HttpMatch { Path = new PathMatch(PathMatchKind.Prefix, "/") }], Backends = [new WeightedBackend { Service = Web, Port = 8080, Weight = 1 }] }],
            },
        ],
    };

    [Fact]
    public void Gateways_AreWrittenInGatewayApiForm_WithANote_AndRoundTrip()
    {
        var translator = new LinkerdTranslator(new LinkerdOptions { ServiceOutput = ServiceOutput.All });
        var result = translator.Translate(Model);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Equal("envoy-gateway", Assert.Single(result.Resources.OfType<GatewayResource>()).Spec.GatewayClassName);
        // The mesh route keeps its name; the gateway route of the same name is written beside it.
        var gatewayRoute = Assert.Single(result.Resources.OfType<HttpRouteResource>(), r => r.Spec.ParentRefs!.Any(p => p.Kind == "Gateway"));
        Assert.Equal("web-gateway", gatewayRoute.Metadata.Name);
        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Info && d.Path == "$.spec.gateways" && d.Message.Contains("no ingress of its own", StringComparison.Ordinal));
        var back = translator.ImportYaml(translator.WriteYaml(result.Resources), "linkerd.yaml");
        Assert.False(back.HasErrors, string.Join("\n", back.Diagnostics));
        Assert.Equal(Model.Normalize().Gateways, back.Config!.Gateways);
        Assert.Equal([Model.Normalize().GatewayRoutes[0] with { Name = "web-gateway" }], back.Config.GatewayRoutes);
        Assert.Equal(Model.Normalize().Routes, back.Config.Routes);
    }

    [Fact]
    public void AGatewayRoutesRetries_AreReported_NotWrittenAsLinkerdAnnotations()
    {
        var model = Model with { GatewayRoutes = [Model.GatewayRoutes[0] with { Rules = [Model.GatewayRoutes[0].Rules[0] with { Retry = new RetryPolicy { Attempts = 3 } }] }] };
        var result = new LinkerdTranslator().Translate(model);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.gatewayRoutes[0].rules[0].retry");
        var gatewayRoute = Assert.Single(result.Resources.OfType<HttpRouteResource>(), r => r.Spec.ParentRefs!.Any(p => p.Kind == "Gateway"));
        Assert.True(gatewayRoute.Metadata.Annotations is null || !gatewayRoute.Metadata.Annotations.Keys.Any(k => k.StartsWith("retry.linkerd.io", StringComparison.Ordinal)));
    }

    [Fact]
    public void AGatewayWithoutAClass_IsReported_UnlessTheOptionsNameOne()
    {
        var model = Model with { Gateways = [Model.Gateways[0] with { ClassName = null }] };
        Assert.Contains(new LinkerdTranslator().Translate(model).Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.gateways[0]");
        var configured = new LinkerdTranslator(new LinkerdOptions { GatewayClassName = "contour" }).Translate(model);
        Assert.Equal("contour", Assert.Single(configured.Resources.OfType<GatewayResource>()).Spec.GatewayClassName);
    }

    /// <summary>A gateway with TLS passthrough and TCP listeners, a TLS route bound to one listener and a TCP route named as a mesh TCP route.</summary>
    private static readonly MeshConfig Streams = new()
    {
        Name = "imported",
        Services =
        [
            new MeshService { Name = "db", Namespace = "data", Selector = new Dictionary<string, string> { ["app"] = "db" }, Ports = [new ServicePort { Name = "tls", Port = 5432, Protocol = Protocol.Tls }] },
            new MeshService { Name = "cache", Namespace = "edge", Selector = new Dictionary<string, string> { ["app"] = "cache" }, Ports = [new ServicePort { Name = "tcp", Port = 6379, Protocol = Protocol.Tcp }] },
        ],
        TcpRoutes = [new TcpRoute { Name = "cache", Namespace = "edge", Host = new ServiceRef("cache", "edge"), Port = 6379, Backends = [new WeightedBackend { Service = new ServiceRef("cache", "edge") }] }],
        Gateways =
        [
            new Gateway
            {
                Name = "public", Namespace = "edge", ClassName = "envoy-gateway",
                Listeners =
                [
                    new GatewayListener { Name = "sni", Port = 443, Protocol = ListenerProtocol.Tls, Hosts = ["db.example.com"], Tls = new GatewayTls { Mode = GatewayTlsMode.Passthrough } },
                    new GatewayListener { Name = "raw", Port = 6379, Protocol = ListenerProtocol.Tcp },
                ],
            },
        ],
        GatewayTlsRoutes = [new GatewayTlsRoute { Name = "db", Namespace = "data", Gateways = [new GatewayRef { Name = "public", Namespace = "edge", Listener = "sni" }], Hostnames = ["db.example.com"], Backends = [new WeightedBackend { Service = new ServiceRef("db", "data"), Port = 5432 }] }],
        GatewayTcpRoutes = [new GatewayTcpRoute { Name = "cache-edge", Namespace = "edge", Gateways = [new GatewayRef { Name = "public", Namespace = "edge" }], Backends = [new WeightedBackend { Service = new ServiceRef("cache", "edge"), Port = 6379 }] }],
    };

    [Fact]
    public void GatewayTlsAndTcpRoutes_AreV1Alpha2RoutesBoundToTheGateway_AndRoundTrip()
    {
        var translator = new LinkerdTranslator(new LinkerdOptions { ServiceOutput = ServiceOutput.All });
        var result = translator.Translate(Streams);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning && d.Path.StartsWith("$.spec.gatewayT", StringComparison.Ordinal));
        var tls = Assert.Single(result.Resources.OfType<GatewayApi.Resources.TlsRoute>());
        Assert.Equal(("gateway.networking.k8s.io/v1alpha2", "sni", "edge"), (tls.ApiVersion, tls.Spec.ParentRefs![0].SectionName, tls.Spec.ParentRefs[0].Namespace));
        var tcp = result.Resources.OfType<GatewayApi.Resources.TcpRoute>().ToList();
        Assert.All(tcp, t => Assert.Equal("gateway.networking.k8s.io/v1alpha2", t.ApiVersion));
        Assert.Contains(tcp, t => t.Spec.ParentRefs![0].Kind == "Gateway" && t.Metadata.Name == "cache-edge");
        // The TLS route of namespace 'data' opens the Gateway's listeners to every namespace; its backend is in its own, so no grant.
        Assert.All(Assert.Single(result.Resources.OfType<GatewayResource>()).Spec.Listeners!, l => Assert.Equal("All", l.AllowedRoutes!.Namespaces!.From));
        Assert.Empty(result.Resources.OfType<GatewayApi.Resources.ReferenceGrant>());
        var back = translator.ImportYaml(translator.WriteYaml(result.Resources), "linkerd.yaml");
        Assert.False(back.HasErrors, string.Join("\n", back.Diagnostics));
        Assert.Equal(Streams.Normalize().GatewayTlsRoutes, back.Config!.GatewayTlsRoutes);
        Assert.Equal(Streams.Normalize().GatewayTcpRoutes, back.Config.GatewayTcpRoutes);
        Assert.Equal("cache", Assert.Single(back.Config.TcpRoutes).Name);
    }

    /// <summary>The TLSRoute and TCPRoutes Linkerd writes (v1alpha2) validate strictly against the CRDs Linkerd installs.</summary>
    [Fact]
    public void GatewayTlsAndTcpRoutes_ValidateAgainstLinkerdsBundledCrds()
    {
        var schemas = new CrdSchemaSet([ConformancePaths.Require("crds/linkerd/install_crds_with_gateway_api.golden.yaml")]);
        foreach (var translator in new[] { new LinkerdTranslator(new LinkerdOptions { ServiceOutput = ServiceOutput.All }), new LinkerdTranslator(new LinkerdOptions { RouteApi = LinkerdRouteApi.GatewayApi }) })
        {
            var routes = YamlJson.Documents(translator.WriteYaml(translator.Translate(Streams).Resources))
                .Where(r => (string?)r["kind"] is "TLSRoute" or "TCPRoute").ToList();
            // The gateway TLS route, the gateway TCP route and the mesh TCP route.
            Assert.Equal(3, routes.Count);
            foreach (var route in routes)
            {
                Assert.True(schemas.Knows(route), $"{route["apiVersion"]} {route["kind"]} is not served by Linkerd's CRDs.");
                var problems = schemas.Validate(route);
                Assert.True(problems.Count == 0, $"{route["kind"]}/{route["metadata"]?["name"]}: {string.Join("\n", problems)}");
            }
        }
    }
}
