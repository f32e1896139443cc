using Mesh.Model;
using Mesh.Serialization;

namespace Mesh.Compliance.Tests;

/// <summary>A model every built-in rule accepts, and variants of it that break one rule each.</summary>
internal static class Models
{
    public const string CompliantYaml = """
        kind: Mesh
        metadata: { name: shop }
        spec:
          services:
            - { name: web, namespace: shop, selector: { app: web, tier: front }, ports: [{ name: http, port: 80, protocol: http }] }
            - { name: api, namespace: shop, ports: [{ name: http, port: 8080, protocol: http }], subsets: { v1: { version: v1 }, v2: { version: v2 } } }
          routes:
            - name: api
              namespace: shop
              host: api.shop
              rules:
                - matches: [{ path: { prefix: /v2 } }]
                  backends: [{ service: api.shop, subset: v2 }]
                  timeout: 5s
                  retry: { attempts: 2, perTryTimeout: 2s, on: [5xx] }
                - backends: [{ service: api.shop, subset: v1 }]
                  timeout: 10s
          destinationPolicies:
            - target: { service: api.shop }
              outlierDetection: { consecutive5xx: 5, interval: 10s, baseEjectionTime: 30s }
          mtls: [{ scope: { namespace: shop }, mode: strict }]
          accessPolicies:
            - name: api
              namespace: shop
              target: { service: api.shop }
              action: allow
              rules: [{ from: { serviceAccounts: [shop/web] }, to: { methods: [GET] } }]
          requestAuthentications:
            - { name: web-users, namespace: shop, target: { service: web.shop }, jwtRules: [{ issuer: "https://accounts.example.com", jwksUri: "https://accounts.example.com/keys" }] }
          externalServices:
            - { name: payments, namespace: shop, hosts: [api.payments.example.com], ports: [{ name: https, port: 443, protocol: tls }] }
        """;

    public static MeshConfig Compliant { get; } = Read(CompliantYaml);

    public static MeshConfig Read(string yaml)
    {
        var result = MeshYaml.Read(yaml);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return result.Config!;
    }

    public static MeshRules Rules(string yaml)
    {
        var result = MeshRulesYaml.Read(yaml, "rules.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return result.Rules!;
    }

    /// <summary>The first rule of the first route, changed.</summary>
    public static MeshConfig WithRule(Func<HttpRouteRule, HttpRouteRule> change)
    {
        var route = Compliant.Routes[0];
        return Compliant with { Routes = [route with { Rules = [change(route.Rules[0]), .. route.Rules.Skip(1)] }] };
    }
}
