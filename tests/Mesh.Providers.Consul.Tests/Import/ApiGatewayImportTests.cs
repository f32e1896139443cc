using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Translation;
using Mesh.Validation;

namespace Mesh.Providers.Consul.Tests.Import;

/// <summary>Consul's API gateway read back: Gateways with the HTTPRoutes and TCPRoutes bound to them; what Consul does not route is reported.</summary>
public sealed class ApiGatewayImportTests
{
    private static ImportResult Read(string yaml, ConsulOptions? options = null)
    {
        var result = new ConsulTranslator(options ?? new ConsulOptions()).ImportYaml(yaml, "x.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.DoesNotContain(MeshValidator.Validate(result.Config!), d => d.IsError);
        return result;
    }

    private const string Gateway = """
        apiVersion: gateway.networking.k8s.io/v1beta1
        kind: Gateway
        metadata: { name: api-gateway, namespace: consul }
        spec:
          gatewayClassName: consul
          listeners:
          - { name: http, port: 80, protocol: HTTP, hostname: shop.example.com }
          - name: https
            port: 443
            protocol: HTTPS
            tls: { certificateRefs: [{ name: shop-cert }] }
          - { name: tcp, port: 5432, protocol: TCP }
        ---

        """;

    [Fact]
    public void AGatewayOfClassConsul_WithItsRoutes_IsReadIntoGatewaysAndGatewayRoutes()
    {
        var result = Read(Gateway + """
            apiVersion: gateway.networking.k8s.io/v1beta1
            kind: HTTPRoute
            metadata: { name: shop, namespace: consul }
            spec:
              parentRefs: [{ name: api-gateway, sectionName: https }]
              hostnames: [shop.example.com]
              rules:
              - matches: [{ path: { type: PathPrefix, value: /api }, method: GET }]
                filters:
                - type: RequestHeaderModifier
                  requestHeaderModifier: { set: [{ name: x-gateway, value: consul }] }
                - type: URLRewrite
                  urlRewrite: { path: { type: ReplacePrefixMatch, replacePrefixMatch: /v2 } }
                backendRefs: [{ name: web, port: 8080, weight: 3 }, { name: api, port: 9090 }]
            ---
            apiVersion: gateway.networking.k8s.io/v1alpha2
            kind: TCPRoute
            metadata: { name: db, namespace: consul }
            spec:
              parentRefs: [{ name: api-gateway, sectionName: tcp }]
              rules: [{ backendRefs: [{ name: db, port: 5432 }] }]
            """);
        var gateway = Assert.Single(result.Config!.Gateways);
        Assert.Equal(("api-gateway", "consul", "consul"), (gateway.Name, gateway.Namespace, gateway.ClassName));
        Assert.Equal([ListenerProtocol.Http, ListenerProtocol.Https, ListenerProtocol.Tcp], gateway.Listeners.Select(l => l.Protocol));
        Assert.Equal("shop-cert", gateway.Listeners.Single(l => l.Name == "https").Tls!.CredentialName);
        var route = Assert.Single(result.Config.GatewayRoutes);
        Assert.Equal("https", Assert.Single(route.Gateways).Listener);
        var rule = Assert.Single(route.Rules);
        Assert.Equal(new Rewrite { PathPrefix = "/v2" }, rule.Rewrite);
        Assert.Equal([("api", 25), ("web", 75)], rule.Backends.Select(b => (b.Service.Name, b.Weight)).Order());
        Assert.Equal("db", Assert.Single(Assert.Single(result.Config.GatewayTcpRoutes).Backends).Service.Name);
    }

    [Fact]
    public void WhatConsulsControllerDoesNotTranslate_IsReported_NotImported()
    {
        var result = Read(Gateway + """
            apiVersion: gateway.networking.k8s.io/v1beta1
            kind: HTTPRoute
            metadata: { name: shop, namespace: consul }
            spec:
              parentRefs: [{ name: api-gateway }]
              rules:
              - matches: [{ path: { type: Exact, value: /login } }]
                timeouts: { request: 5s }
                filters:
                - type: RequestMirror
                  requestMirror: { backendRef: { name: api, port: 9090 } }
                - type: URLRewrite
                  urlRewrite: { hostname: login.internal, path: { type: ReplaceFullPath, replaceFullPath: /signin } }
                backendRefs: [{ name: web, port: 8080 }]
              - matches: [{ path: { type: Exact, value: /old } }]
                filters: [{ type: RequestRedirect, requestRedirect: { path: { type: ReplaceFullPath, replaceFullPath: /new } } }]
            """);
        foreach (var path in new[] { "$.spec.rules[0].timeouts", "$.spec.rules[0].filters[0]", "$.spec.rules[0].filters[1].urlRewrite.hostname", "$.spec.rules[0].filters[1].urlRewrite.path", "$.spec.rules[1].filters[0]" })
        {
            Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "x.yaml#1 " + path);
        }
        var rule = Assert.Single(Assert.Single(result.Config!.GatewayRoutes).Rules);
        Assert.Equal((null, null, null), (rule.Timeout, rule.Mirror, rule.Rewrite));
        Assert.Equal("web", Assert.Single(rule.Backends).Service.Name);
    }

    [Fact]
    public void TlsAndGrpcRoutes_AndMeshRoutes_AreOutOfScope()
    {
        var result = Read(Gateway + """
            apiVersion: gateway.networking.k8s.io/v1alpha2
            kind: TLSRoute
            metadata: { name: sni, namespace: consul }
            spec: { parentRefs: [{ name: api-gateway }], hostnames: [db.example.com], rules: [{ backendRefs: [{ name: db, port: 5432 }] }] }
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: GRPCRoute
            metadata: { name: grpc, namespace: consul }
            spec: { parentRefs: [{ name: api-gateway }] }
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: { name: mesh, namespace: shop }
            spec:
              parentRefs: [{ group: "", kind: Service, name: web, port: 8080 }]
              rules: [{ backendRefs: [{ name: web, port: 8080 }] }]
            """);
        Assert.Equal(3, result.Diagnostics.Count(d => d.Code == DiagnosticCodes.OutOfScope));
        Assert.Empty(result.Config!.GatewayRoutes);
        Assert.Empty(result.Config.Routes);
        Assert.Empty(result.Config.GatewayTlsRoutes);
    }

    [Fact]
    public void AGatewayOfAnotherClass_IsReadWithItsClass_AndNoted()
    {
        var result = Read(Gateway.Replace("gatewayClassName: consul", "gatewayClassName: istio", StringComparison.Ordinal));
        Assert.Equal("istio", Assert.Single(result.Config!.Gateways).ClassName);
        Assert.Contains(result.Diagnostics, d => d.Path == "x.yaml#0 $.spec.gatewayClassName" && d.Message.Contains("ConsulOptions.GatewayClassName", StringComparison.Ordinal));
        // The configured class is Consul's: no note.
        var configured = Read(Gateway.Replace("gatewayClassName: consul", "gatewayClassName: istio", StringComparison.Ordinal), new ConsulOptions { GatewayClassName = "istio" });
        Assert.DoesNotContain(configured.Diagnostics, d => d.Path.EndsWith("$.spec.gatewayClassName", StringComparison.Ordinal));
    }

    [Fact]
    public void V1Gateways_AreReadAsTheV1Beta1ThatConsulWatches_WithANote()
    {
        var result = Read(Gateway.Replace("gateway.networking.k8s.io/v1beta1", "gateway.networking.k8s.io/v1", StringComparison.Ordinal));
        Assert.Single(result.Config!.Gateways);
        Assert.Contains(result.Diagnostics, d => d.Path == "x.yaml#0 $.apiVersion" && d.Message.Contains("v1beta1", StringComparison.Ordinal));
    }
}
