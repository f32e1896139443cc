using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Providers.GatewayApi.Tests.Import;

/// <summary>
/// A mesh route rule without backendRefs sends traffic to its parent Service (GEP-1426): read as the route's host, and a
/// rule whose one backend is the host without a port or subset is written back that way.
/// </summary>
public sealed class ParentBackendTests
{
    private static readonly GatewayApiTranslator Translator = new();

    [Theory]
    [InlineData("HTTPRoute", "matches: [{ path: { type: Exact, value: /health } }]")]
    [InlineData("GRPCRoute", "matches: [{ method: { service: shop.Cart } }]")]
    public void RuleWithoutBackendRefs_RoutesToTheParent(string kind, string rule)
    {
        var yaml = $$"""
            apiVersion: gateway.networking.k8s.io/v1
            kind: {{kind}}
            metadata: { name: cart, namespace: shop }
            spec:
              parentRefs: [{ group: "", kind: Service, name: cart, port: 8080 }]
              rules:
              - {{rule}}
            """;
        var result = Translator.ImportYaml(yaml, "in.yaml");
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var imported = Assert.Single(Assert.Single(result.Config!.Routes).Rules);
        Assert.Equal(new ServiceRef("cart", "shop"), Assert.Single(imported.Backends).Service);
        Assert.Null(imported.Backends[0].Port);

        var written = Translator.WriteYaml(Translator.Translate(result.Config).Resources);
        Assert.Contains($"kind: {kind}", written, StringComparison.Ordinal);
        Assert.DoesNotContain("backendRefs", written, StringComparison.Ordinal);
        Assert.Equal(result.Config, Translator.ImportYaml(written, "again.yaml").Config);
    }

    [Fact]
    public void RuleWhoseBackendRefsAreAllInvalid_IsNotReadAsAParentRoute()
    {
        var result = Translator.ImportYaml("""
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: { name: cart, namespace: shop }
            spec:
              parentRefs: [{ group: "", kind: Service, name: cart, port: 8080 }]
              rules:
              - backendRefs: [{ kind: ConfigMap, name: cart }]
            """, "in.yaml");
        Assert.Empty(Assert.Single(result.Config!.Routes).Rules);
        Assert.Contains(result.Diagnostics, d => d.Path == "in.yaml#0 $.spec.rules[0]" && d.Code == DiagnosticCodes.FieldNotImported);
    }

    [Fact]
    public void HostBackendWithAPortOrSubset_KeepsItsBackendRef()
    {
        var host = new ServiceRef("cart", "shop");
        var model = new MeshConfig
        {
            Name = "m",
            Services = [new MeshService { Name = "cart", Namespace = "shop", Ports = [new ServicePort { Port = 8080, Protocol = Protocol.Http }] }],
            Routes = [new HttpRoute { Name = "cart", Namespace = "shop", Host = host, Rules = [new HttpRouteRule { Backends = [new WeightedBackend { Service = host, Port = 8080 }] }] }],
        };
        var route = Assert.IsType<Resources.HttpRoute>(Assert.Single(Translator.Translate(model).Resources));
        Assert.Equal(8080, Assert.Single(route.Spec.Rules![0].BackendRefs!).Port);
    }
}
