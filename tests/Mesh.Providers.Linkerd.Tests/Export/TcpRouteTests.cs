using CsCheck;
using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Testing;
using Mesh.Translation;
using TcpRouteResource = Mesh.Providers.GatewayApi.Resources.TcpRoute;

namespace Mesh.Providers.Linkerd.Tests.Export;

/// <summary>
/// TCP routes in Linkerd: written as <c>gateway.networking.k8s.io/v1alpha2</c> TCPRoutes (the version Linkerd bundles),
/// approximated where Linkerd prefers an HTTP or gRPC route of the same port, and read back from either version.
/// </summary>
public sealed class TcpRouteTests
{
    private static readonly LinkerdTranslator Translator = new();

    private static readonly ServiceRef Web = new("web", "shop");

    [Fact]
    public void TcpRoute_IsWrittenAsV1Alpha2()
    {
        var result = Translator.Translate(Generators.Samples.Tcp);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var routes = result.Resources.OfType<TcpRouteResource>().ToList();
        Assert.Equal(["cache", "db"], routes.Select(r => r.Metadata.Name));
        Assert.All(routes, r => Assert.Equal("gateway.networking.k8s.io/v1alpha2", r.ApiVersion));
        var db = routes[1];
        Assert.Equal(5432, Assert.Single(db.Spec.ParentRefs!).Port);
        Assert.Equal([(90, (string?)null), (10, "backup")], Assert.Single(db.Spec.Rules!).BackendRefs!.Select(b => (b.Weight ?? 1, b.Namespace)));
        Assert.Contains("apiVersion: gateway.networking.k8s.io/v1alpha2\nkind: TCPRoute\n", Translator.WriteYaml(result.Resources), StringComparison.Ordinal);
    }

    [Fact]
    public void TcpRoute_OnAPortAnHttpRouteAlsoNames_IsApproximated()
    {
        var model = WebModel(new TcpRoute { Name = "web-l4", Namespace = "shop", Host = Web, Port = 8080, Backends = [new WeightedBackend { Service = new ServiceRef("web-v2", "shop"), Port = 8080 }] });
        var result = Translator.Translate(model);
        var approximated = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.Approximated && d.Severity == DiagnosticSeverity.Warning);
        Assert.Equal(("$.spec.tcpRoutes[0]", "linkerd"), (approximated.Path, approximated.Provider?.Value));
        Assert.Contains("HTTPRoute 'shop/web' on port 8080", approximated.Message, StringComparison.Ordinal);
        Assert.Single(result.Resources.OfType<TcpRouteResource>());
        Assert.True(Translator.Translate(model, new TranslationOptions { Strict = true }).HasErrors);
    }

    [Fact]
    public void TcpRoute_ForEveryPort_IsApproximatedOnTheHttpRoutesPortOnly()
    {
        var model = WebModel(new TcpRoute { Name = "web-l4", Namespace = "shop", Host = Web, Backends = [new WeightedBackend { Service = new ServiceRef("web-v2", "shop"), Port = 9000 }] }) with
        {
            Services = [new MeshService { Name = "web", Namespace = "shop", Ports = [new ServicePort { Port = 8080, Protocol = Protocol.Http }, new ServicePort { Port = 9000, Protocol = Protocol.Tcp }] }, WebV2],
        };
        var result = Translator.Translate(model);
        var approximated = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.Approximated && d.Severity == DiagnosticSeverity.Warning);
        Assert.Contains("HTTPRoute 'shop/web' on port 8080 of", approximated.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Info && d.Path == "$.spec.tcpRoutes[0]");
    }

    [Fact]
    public void TcpRoute_ForEveryPortOfAGrpcService_IsApproximatedAgainstTheGrpcRoute()
    {
        var model = WebModel(new TcpRoute { Name = "web-l4", Namespace = "shop", Host = Web, Backends = [new WeightedBackend { Service = new ServiceRef("web-v2", "shop"), Port = 8080 }] }) with
        {
            Services = [new MeshService { Name = "web", Namespace = "shop", Ports = [new ServicePort { Port = 8080, Protocol = Protocol.Grpc }] }, WebV2],
        };
        var approximated = Assert.Single(Translator.Translate(model).Diagnostics, d => d.Code == DiagnosticCodes.Approximated && d.Severity == DiagnosticSeverity.Warning);
        Assert.Contains("GRPCRoute 'shop/web' on port 8080 of", approximated.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TcpRoute_OnAnotherPortThanTheHttpRoute_IsNotApproximated()
    {
        var model = WebModel(new TcpRoute { Name = "web-l4", Namespace = "shop", Host = Web, Port = 9000, Backends = [new WeightedBackend { Service = new ServiceRef("web-v2", "shop"), Port = 9000 }] }) with
        {
            Services = [new MeshService { Name = "web", Namespace = "shop", Ports = [new ServicePort { Port = 8080, Protocol = Protocol.Http }, new ServicePort { Port = 9000, Protocol = Protocol.Tcp }] }, WebV2],
        };
        Assert.DoesNotContain(Translator.Translate(model).Diagnostics, d => d.Path.StartsWith("$.spec.tcpRoutes", StringComparison.Ordinal));
    }

    [Fact]
    public void TcpRoute_OnAnHttpPortWithoutHttpRoute_NotesThatLinkerdProxiesItOpaquely()
    {
        var model = WebModel(new TcpRoute { Name = "web-l4", Namespace = "shop", Host = Web, Backends = [new WeightedBackend { Service = new ServiceRef("web-v2", "shop"), Port = 8080 }] }) with { Routes = [] };
        var result = Translator.Translate(model);
        var note = Assert.Single(result.Diagnostics, d => d.Path == "$.spec.tcpRoutes[0]");
        Assert.Equal((DiagnosticSeverity.Info, DiagnosticCodes.TranslationNote), (note.Severity, note.Code));
        Assert.Contains("port 8080", note.Message, StringComparison.Ordinal);
        Assert.False(Translator.Translate(model, new TranslationOptions { Strict = true }).HasErrors);
    }

    [Fact]
    public void V1TcpRoute_IsReadWithANote_AndV1Alpha2WithNone()
    {
        const string yaml = """
            apiVersion: gateway.networking.k8s.io/v1alpha2
            kind: TCPRoute
            metadata:
              name: db
              namespace: data
              annotations: { retry.linkerd.io/limit: "2" }
            spec:
              parentRefs: [{ group: core, kind: Service, name: db, port: 5432 }]
              rules:
              - backendRefs: [{ name: db-v1, port: 5432, weight: 3 }, { name: db-v2, port: 5432, weight: 1 }]
            """;
        var alpha = Translator.ImportYaml(yaml, "in.yaml");
        Assert.DoesNotContain(alpha.Diagnostics, d => d.Code == DiagnosticCodes.LegacyForm);
        Assert.Contains(alpha.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "in.yaml#0 $.metadata.annotations['retry.linkerd.io/limit']");
        var route = Assert.Single(alpha.Config!.TcpRoutes);
        Assert.Equal([75, 25], route.Backends.Select(b => b.Weight));
        Assert.Equal(5432, route.Port);

        var v1 = Translator.ImportYaml(yaml.Replace("/v1alpha2", "/v1", StringComparison.Ordinal), "in.yaml");
        Assert.Equal(alpha.Config, v1.Config);
        var note = Assert.Single(v1.Diagnostics, d => d.Code == DiagnosticCodes.LegacyForm);
        Assert.Equal("in.yaml#0 $.apiVersion", note.Path);
        Assert.Contains("v1alpha2", note.Message, StringComparison.Ordinal);
        Assert.Equal("gateway.networking.k8s.io/v1alpha2", Assert.Single(Translator.Translate(v1.Config!).Resources.OfType<TcpRouteResource>()).ApiVersion);
    }

    [Fact]
    public void TcpRouteWithSeveralRules_KeepsTheFirst_AndReportsTheRest()
    {
        var result = Translator.ImportYaml("""
            apiVersion: gateway.networking.k8s.io/v1alpha2
            kind: TCPRoute
            metadata: { name: db, namespace: data }
            spec:
              parentRefs: [{ group: core, kind: Service, name: db }]
              rules:
              - backendRefs: [{ name: db-v1, port: 5432 }]
              - backendRefs: [{ name: db-v2, port: 5432 }]
            """, "in.yaml");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Severity == DiagnosticSeverity.Warning && d.Path == "in.yaml#0 $.spec.rules[1]");
        Assert.Equal(new ServiceRef("db-v1", "data"), Assert.Single(Assert.Single(result.Config!.TcpRoutes).Backends).Service);
    }

    /// <summary>
    /// TCP splits beside an HTTP route of the same host read back unchanged through YAML; an approximation is reported
    /// exactly when a TCP route without a port shares the HTTP route's port. 200 cases.
    /// </summary>
    [Fact]
    public void TcpSplits_RoundTrip_AndAreApproximatedExactlyWhereAnHttpRouteSharesTheirPort() =>
        MeshGenerators.TcpSplits.Select(Declared).Sample(model =>
        {
            var translated = Translator.Translate(model);
            var shared = model.Routes.Count > 0 && model.TcpRoutes.Any(t => t.Port is null);
            Assert.Equal(shared, translated.Diagnostics.Any(d => d.Code == DiagnosticCodes.Approximated && d.Severity == DiagnosticSeverity.Warning && d.Path.StartsWith("$.spec.tcpRoutes", StringComparison.Ordinal)));
            var back = Translator.ImportYaml(Translator.WriteYaml(translated.Resources), "tcp.yaml");
            Assert.DoesNotContain(back.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
            Assert.Equal(model.Normalize(), back.Config);
        }, iter: 200);

    /// <summary>The round-trip generator of the conformance suite produces TCP routes, with and without a port.</summary>
    [Fact]
    public void GeneratedModelsWithinCapabilities_IncludeTcpRoutes()
    {
        var models = Generators.LinkerdModels.WithinCapabilities.Array[200].Single();
        Assert.Contains(models, m => m.TcpRoutes.Any(t => t.Port is null));
        Assert.Contains(models, m => m.TcpRoutes.Any(t => t.Port is not null && m.Services.Any(s => s.Reference == t.Host)));
    }

    /// <summary>
    /// The shared TCP split models, which leave the backend Services and a host without ports undeclared, made valid the way the
    /// import declares what its input names but lacks: each such service with the ports its backends name (<c>http</c> from a
    /// route, <c>tcp</c> from a TCP route).
    /// </summary>
    private static MeshConfig Declared(MeshConfig model)
    {
        var services = model.Services.ToList();
        void Declare(ServiceRef service, int? port, Protocol protocol)
        {
            var index = services.FindIndex(s => s.Reference == service);
            if (index < 0)
            {
                services.Add(new MeshService { Name = service.Name, Namespace = service.Namespace });
                index = services.Count - 1;
            }
            if (port is { } p && services[index].FindPort(p) is null) services[index] = services[index] with { Ports = [.. services[index].Ports, new ServicePort { Port = p, Protocol = protocol }] };
        }
        foreach (var route in model.Routes)
        {
            Declare(route.Host, null, Protocol.Http);
            foreach (var backend in route.Rules.SelectMany(r => r.Backends)) Declare(backend.Service, backend.Port, Protocol.Http);
        }
        foreach (var tcp in model.TcpRoutes)
        {
            Declare(tcp.Host, null, Protocol.Tcp);
            foreach (var backend in tcp.Backends) Declare(backend.Service, backend.Port, Protocol.Tcp);
        }
        return model with { Services = [.. services] };
    }

    private static readonly MeshService WebV2 = new() { Name = "web-v2", Namespace = "shop", Ports = [new ServicePort { Port = 8080, Protocol = Protocol.Http }, new ServicePort { Port = 9000, Protocol = Protocol.Tcp }] };

    private static MeshConfig WebModel(TcpRoute tcp) => new()
    {
        Name = "web",
        Services = [new MeshService { Name = "web", Namespace = "shop", Ports = [new ServicePort { Port = 8080, Protocol = Protocol.Http }] }, WebV2],
        Routes = [new HttpRoute { Name = "web", Namespace = "shop", Host = Web, Rules = [new HttpRouteRule { Backends = [new WeightedBackend { Service = Web, Port = 8080 }] }] }],
        TcpRoutes = [tcp],
    };
}
