using Mesh.Diagnostics;
using Mesh.Model;
using IstioGateway = Mesh.Providers.Istio.Resources.Gateway;
using VirtualService = Mesh.Providers.Istio.Resources.VirtualService;

namespace Mesh.Providers.Istio.Tests.Import;

/// <summary>Gateways and gateway routes ↔ Istio Gateways and VirtualServices with <c>gateways</c>.</summary>
public sealed class GatewayTests
{
    private static readonly IstioTranslator Translator = new();

    private static readonly ServiceRef Reviews = new("reviews", "bookinfo");

    private static readonly MeshConfig Model = new()
    {
        Name = "imported",
        Services = [new MeshService { Name = "reviews", Namespace = "bookinfo", Selector = new Dictionary<string, string> { ["app"] = "reviews" }, Ports = [new ServicePort { Name = "http", Port = 9080, Protocol = Protocol.Http }] }],
        Routes = [new HttpRoute { Name = "reviews", Namespace = "bookinfo", Host = Reviews, Rules = [new HttpRouteRule { Backends = [new WeightedBackend { Service = Reviews, Weight = 100 }] }] }],
        Gateways =
        [
            new Gateway
            {
                Name = "public", Namespace = "bookinfo", Workloads = new Dictionary<string, string> { ["istio"] = "ingressgateway" },
                Listeners =
                [
                    new GatewayListener { Name = "http", Port = 80, Protocol = ListenerProtocol.Http, HttpsRedirect = true },
                    new GatewayListener { Name = "https", Port = 443, Protocol = ListenerProtocol.Https, Hosts = ["reviews.bookinfo.svc.cluster.local", "reviews.example.com"], Tls = new GatewayTls { Mode = GatewayTlsMode.Mutual, CredentialName = "reviews-cert", SubjectAltNames = ["client.example.com"] } },
                ],
            },
        ],
        GatewayRoutes =
        [
            new GatewayRoute
            {
                Name = "reviews", Namespace = "bookinfo", Gateways = [new GatewayRef { Name = "public", Namespace = "bookinfo" }],
                Hostnames = ["reviews.bookinfo.svc.cluster.local", "reviews.example.com"],
                Rules = [new HttpRouteRule { Backends = [new WeightedBackend { Service = Reviews, Weight = 100 }] }],
            },
        ],
    };

    [Fact]
    public void AGatewayRouteWithAMeshRoutesNameAndRules_SharesItsVirtualService_AndBothReadBack()
    {
        var result = Translator.Translate(Model);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var vs = Assert.Single(result.Resources.OfType<VirtualService>());
        Assert.Equal(["public", "mesh"], vs.Spec.Gateways!);
        Assert.Equal(["reviews.bookinfo.svc.cluster.local", "reviews.example.com"], vs.Spec.Hosts!);
        var gateway = Assert.Single(result.Resources.OfType<IstioGateway>());
        Assert.Equal(true, gateway.Spec.Servers![0].Tls!.HttpsRedirect);
        Assert.Equal(("MUTUAL", "reviews-cert"), (gateway.Spec.Servers[1].Tls!.Mode, gateway.Spec.Servers[1].Tls!.CredentialName));
        var back = Translator.ImportYaml(Translator.WriteYaml(result.Resources), "istio.yaml");
        Assert.False(back.HasErrors, string.Join("\n", back.Diagnostics));
        Assert.Equal(Model.Normalize().Gateways, back.Config!.Gateways);
        Assert.Equal(Model.Normalize().GatewayRoutes, back.Config.GatewayRoutes);
        Assert.Equal(Model.Normalize().Routes, back.Config.Routes);
    }

    [Fact]
    public void AGatewayRouteWithOtherRules_IsAVirtualServiceOfItsOwn()
    {
        var model = Model with { GatewayRoutes = [Model.GatewayRoutes[0] with { Rules = [new HttpRouteRule { Backends = [new WeightedBackend { Service = Reviews, Weight = 100 }], Timeout = TimeSpan.FromSeconds(2) }] }] };
        var result = Translator.Translate(model);
        var names = result.Resources.OfType<VirtualService>().Select(v => v.Metadata.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["reviews", "reviews-gateway"], names);
        Assert.Contains(result.Diagnostics, d => d.Path == "$.spec.gatewayRoutes[0].name" && d.Severity == DiagnosticSeverity.Info);
        var taken = model with { Routes = [.. model.Routes, new HttpRoute { Name = "reviews-gateway", Namespace = "bookinfo", Host = new ServiceRef("ratings", "bookinfo"), Rules = [new HttpRouteRule { Backends = [new WeightedBackend { Service = Reviews, Weight = 100 }] }] }], Services = [.. model.Services, new MeshService { Name = "ratings", Namespace = "bookinfo", Ports = [new ServicePort { Port = 9080, Protocol = Protocol.Http }] }] };
        var clash = Translator.Translate(taken);
        Assert.Contains(clash.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.gatewayRoutes[0]");
        Assert.Equal(2, clash.Resources.OfType<VirtualService>().Count());
    }

    [Fact]
    public void Import_IstioOnlyTlsModes_NamespacedHosts_AndMissingGateways_AreReportedWithPaths()
    {
        var result = Translator.ImportYaml("""
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: { name: edge, namespace: shop }
            spec:
              selector: { istio: ingressgateway }
              servers:
              - port: { number: 443, name: tls, protocol: TLS }
                hosts: ["*"]
                tls: { mode: AUTO_PASSTHROUGH }
              - port: { number: 80, name: http, protocol: HTTP }
                hosts: ["team/shop.example.com"]
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: { name: shop, namespace: shop }
            spec:
              hosts: [shop.example.com]
              gateways: [edge, istio-system/other]
              http: [{ route: [{ destination: { host: web } }] }]
            """, "in.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var gateway = Assert.Single(result.Config!.Gateways);
        Assert.Equal(["http"], gateway.Listeners.Select(l => l.Name));
        Assert.Equal(["shop.example.com"], gateway.Listeners[0].Hosts);
        Assert.Contains(result.Diagnostics, d => d.Path == "in.yaml#0 $.spec.servers[0].tls.mode");
        Assert.Contains(result.Diagnostics, d => d.Path == "in.yaml#0 $.spec.servers[1].hosts[0]");
        Assert.Contains(result.Diagnostics, d => d.Path == "in.yaml#1 $.spec.gateways[1]" && d.Severity == DiagnosticSeverity.Warning);
        var route = Assert.Single(result.Config.GatewayRoutes);
        Assert.Equal([new GatewayRef { Name = "edge", Namespace = "shop" }], route.Gateways);
        Assert.Empty(result.Config.Routes);
    }
}
