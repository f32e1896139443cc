using Mesh.Translation;
using CsCheck;
using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Testing;
using TcpRouteResource = Mesh.Providers.GatewayApi.Resources.TcpRoute;

namespace Mesh.Providers.GatewayApi.Tests.Export;

/// <summary>Model TCP routes written as <c>gateway.networking.k8s.io/v1</c> TCPRoutes, and what is reported on the way.</summary>
public sealed class TcpRouteExportTests
{
    private static readonly GatewayApiTranslator Translator = new();

    private static readonly ServiceRef Db = new("db", "data");

    private static TcpRouteResource Written(MeshConfig model, string name) =>
        Translator.Translate(model).Resources.OfType<TcpRouteResource>().Single(r => r.Metadata.Name == name);

    [Fact]
    public void TcpRoute_IsAV1TcpRoute_WithTheHostServiceOnItsPort_AndWeightedBackends()
    {
        var result = Translator.Translate(Generators.Samples.Tcp);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var db = Written(Generators.Samples.Tcp, "db");
        Assert.Equal("gateway.networking.k8s.io/v1", db.ApiVersion);
        Assert.Equal("TCPRoute", db.Kind);
        Assert.Equal("data", db.Metadata.NamespaceProperty);
        var parent = Assert.Single(db.Spec.ParentRefs!);
        Assert.Equal(("", "Service", "db", (string?)null, (int?)5432), (parent.Group, parent.Kind, parent.Name, parent.Namespace, parent.Port));
        var rule = Assert.Single(db.Spec.Rules!);
        Assert.Equal(
            [("db", null, 5432, 90), ("db-v2", null, 5432, 10), ("db-dr", "backup", 5432, 0)],
            rule.BackendRefs!.Select(b => (b.Name, b.Namespace, b.Port, b.Weight)).ToList<(string?, string?, int?, int?)>());
    }

    [Fact]
    public void TcpRouteWithoutPort_HasAParentRefWithoutPort_AndItsSingleBackendTakesItsServicesOnlyPort()
    {
        var result = Translator.Translate(Generators.Samples.Tcp);
        var cache = Written(Generators.Samples.Tcp, "cache");
        Assert.Null(Assert.Single(cache.Spec.ParentRefs!).Port);
        var backend = Assert.Single(Assert.Single(cache.Spec.Rules!).BackendRefs!);
        Assert.Equal(6379, backend.Port);
        Assert.Null(backend.Weight);
        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Info && d.Code == DiagnosticCodes.TranslationNote && d.Path == "$.spec.tcpRoutes[1].backends[0].port");
    }

    [Fact]
    public void WriteYaml_WritesTheTcpRouteKubectlTakes()
    {
        var yaml = Translator.WriteYaml(Translator.Translate(Generators.Samples.Tcp).Resources);
        Assert.Contains("""
            apiVersion: gateway.networking.k8s.io/v1
            kind: TCPRoute
            metadata:
              annotations:
                mesh-sdk.io/source: tcpRoutes/data/db
              labels:
                app.kubernetes.io/managed-by: mesh-sdk
              name: db
              namespace: data
            spec:
              parentRefs:
              - group: ""
                kind: Service
                name: db
                port: 5432
              rules:
              - backendRefs:
                - name: db
                  port: 5432
                  weight: 90
            """.ReplaceLineEndings("\n"), yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Subset_RoutesToItsLeafService()
    {
        var model = Model(new TcpRoute { Name = "db", Namespace = "data", Host = Db, Port = 5432, Backends = [new WeightedBackend { Service = Db, Subset = "v2", Port = 5432 }] }) with
        {
            Services = [new MeshService { Name = "db", Namespace = "data", Ports = [new ServicePort { Port = 5432, Protocol = Protocol.Tcp }], Subsets = [new Subset { Name = "v2", Labels = new Dictionary<string, string> { ["version"] = "v2" } }] }],
        };
        var result = Translator.Translate(model);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var backend = Assert.Single(Assert.Single(Written(model, "db").Spec.Rules!).BackendRefs!);
        Assert.Equal(("db-v2", (int?)5432), (backend.Name, backend.Port));
        var leaf = Assert.Single(result.Resources.OfType<Kubernetes.CoreService>());
        Assert.Equal("db-v2", leaf.Metadata.Name);
        Assert.Equal(new Dictionary<string, string> { ["app"] = "db", ["version"] = "v2" }, leaf.Spec!.Selector);
        Assert.Equal(model.Normalize() with { Name = "imported" }, Translator.Import(result.Resources).Config);
    }

    [Fact]
    public void Subset_WithoutLeafServices_IsReported_AndTheWholeServiceWritten()
    {
        var model = Model(new TcpRoute { Name = "db", Namespace = "data", Host = Db, Port = 5432, Backends = [new WeightedBackend { Service = Db, Subset = "v2", Port = 5432 }] }) with
        {
            Services = [new MeshService { Name = "db", Namespace = "data", Ports = [new ServicePort { Port = 5432, Protocol = Protocol.Tcp }], Subsets = [new Subset { Name = "v2", Labels = new Dictionary<string, string> { ["version"] = "v2" } }] }],
        };
        var none = new GatewayApiTranslator(new GatewayApiOptions { ServiceOutput = ServiceOutput.None });
        var result = none.Translate(model);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.tcpRoutes[0].backends[0].subset" && d.Provider == ProviderName.GatewayApi);
        Assert.Equal("db", Assert.Single(Assert.Single(result.Resources.OfType<TcpRouteResource>().Single().Spec.Rules!).BackendRefs!).Name);
        Assert.Empty(result.Resources.OfType<Kubernetes.CoreService>());
    }

    [Fact]
    public void BackendWithoutPort_OfAServiceWithSeveralPorts_TakesTheRoutesPort()
    {
        var model = Model(new TcpRoute { Name = "db", Namespace = "data", Host = Db, Port = 5433, Backends = [new WeightedBackend { Service = Db }] }) with
        {
            Services = [new MeshService { Name = "db", Namespace = "data", Ports = [new ServicePort { Port = 5432, Protocol = Protocol.Tcp }, new ServicePort { Port = 5433, Protocol = Protocol.Tcp }] }],
        };
        var result = Translator.Translate(model);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.TranslationNote && d.Path == "$.spec.tcpRoutes[0].backends[0].port");
        Assert.Equal(5433, Assert.Single(Assert.Single(Written(model, "db").Spec.Rules!).BackendRefs!).Port);
    }

    [Fact]
    public void BackendWithoutPort_OfAServiceWithSeveralPorts_OnEveryPort_IsReported_AndNotWritten()
    {
        var model = Model(new TcpRoute { Name = "db", Namespace = "data", Host = Db, Backends = [new WeightedBackend { Service = Db }] }) with
        {
            Services = [new MeshService { Name = "db", Namespace = "data", Ports = [new ServicePort { Port = 5432, Protocol = Protocol.Tcp }, new ServicePort { Port = 5433, Protocol = Protocol.Tcp }] }],
        };
        var result = Translator.Translate(model);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.tcpRoutes[0].backends[0].port");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.tcpRoutes[0].backends");
        Assert.Empty(result.Resources.OfType<TcpRouteResource>());
    }

    [Fact]
    public void SecondTcpRouteOfTheSameName_IsReported_ButAnHttpRouteOfThatNameIsAnotherKind()
    {
        // Two TCP routes of one name are an invalid model, which Translate refuses; the mapping itself still writes one.
        var route = new TcpRoute { Name = "db", Namespace = "data", Host = Db, Port = 5432, Backends = [new WeightedBackend { Service = Db, Port = 5432 }] };
        var services = new MeshService { Name = "db", Namespace = "data", Ports = [new ServicePort { Port = 5432, Protocol = Protocol.Tcp }, new ServicePort { Port = 5433, Protocol = Protocol.Tcp }, new ServicePort { Port = 8080, Protocol = Protocol.Http }] };
        var twice = Model(route, route with { Port = 5433 }) with { Services = [services] };
        var ctx = new Translation.RouteExportContext(new GatewayApiOptions(), twice);
        var written = GatewayApi.Mapping.TcpRouteMapping.ToGatewayApi(twice, ctx, "gateway.networking.k8s.io/v1");
        Assert.Contains(ctx.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.tcpRoutes[1]");
        Assert.Equal(5432, Assert.Single(written).Route.Spec.ParentRefs![0].Port);

        var model = Model(route) with
        {
            Services = [services],
            Routes = [new HttpRoute { Name = "db", Namespace = "data", Host = Db, Rules = [new HttpRouteRule { Backends = [new WeightedBackend { Service = Db, Port = 8080 }] }] }],
        };
        var result = Translator.Translate(model);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Single(result.Resources.OfType<TcpRouteResource>());
        Assert.Single(result.Resources.OfType<Resources.HttpRoute>());
    }

    [Fact]
    public void TcpRouteWithoutBackends_IsNotWritten()
    {
        // Translate refuses such a model (it is invalid); the mapping, which Linkerd calls too, does not write it either.
        var model = Model(new TcpRoute { Name = "db", Namespace = "data", Host = Db, Port = 5432 });
        Assert.True(Translator.Translate(model).HasErrors);
        var ctx = new Translation.RouteExportContext(new GatewayApiOptions(), model);
        Assert.Empty(GatewayApi.Mapping.TcpRouteMapping.ToGatewayApi(model, ctx, "gateway.networking.k8s.io/v1"));
        Assert.Contains(ctx.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.tcpRoutes[0].backends");
    }

    [Fact]
    public void HostInAnotherNamespace_IsNamedInTheParentRef()
    {
        var model = Model(new TcpRoute { Name = "db", Namespace = "clients", Host = Db, Port = 5432, Backends = [new WeightedBackend { Service = Db, Port = 5432 }] });
        var route = Written(model, "db");
        Assert.Equal("data", route.Spec.ParentRefs![0].Namespace);
        Assert.Equal("data", route.Spec.Rules![0].BackendRefs![0].Namespace);
    }

    /// <summary>
    /// TCP splits beside an HTTP route of the same host read back unchanged, through typed objects and YAML, with no
    /// warning either way: ports named by a TCPRoute come back as <c>tcp</c>, the HTTPRoute's as <c>http</c>, and the backend
    /// services (declared, so that the model validates) come back from the backendRefs (<see cref="Declared"/>). 200 cases.
    /// </summary>
    [Fact]
    public void TcpSplits_RoundTrip() =>
        MeshGenerators.TcpSplits.Select(Declared).Sample(model =>
        {
            var translated = Translator.Translate(model);
            Assert.DoesNotContain(translated.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
            Assert.Equal(model.Normalize(), Translator.Import(translated.Resources).Config);
            var back = Translator.ImportYaml(Translator.WriteYaml(translated.Resources), "tcp.yaml");
            Assert.DoesNotContain(back.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
            Assert.Equal(model.Normalize(), back.Config);
        }, iter: 200);

    /// <summary>The round-trip generator of the conformance suite produces TCP routes, with and without a port.</summary>
    [Fact]
    public void GeneratedModelsWithinCapabilities_IncludeTcpRoutes()
    {
        var models = Generators.GatewayApiModels.WithinCapabilities.Array[200].Single();
        Assert.Contains(models, m => m.TcpRoutes.Any(t => t.Port is null));
        Assert.Contains(models, m => m.TcpRoutes.Any(t => t.Port is not null && m.Services.Any(s => s.Reference == t.Host)));
    }

    /// <summary>
    /// <paramref name="model"/> with its undeclared services declared as an import reads them back from the routes: the host
    /// with no port (a TCPRoute without a port names none), backends with the ports their references name (<c>tcp</c> from a
    /// TCPRoute, <c>http</c> from an HTTPRoute).
    /// </summary>
    private static MeshConfig Declared(MeshConfig model)
    {
        var services = model.Services.ToList();
        void Declare(ServiceRef service, int? port, Protocol protocol)
        {
            var at = services.FindIndex(s => s.Reference == service);
            if (at < 0)
            {
                services.Add(new MeshService { Name = service.Name, Namespace = service.Namespace });
                at = services.Count - 1;
            }
            if (port is { } p && services[at].FindPort(p) is null) services[at] = services[at] with { Ports = [.. services[at].Ports, new ServicePort { Port = p, Protocol = protocol }] };
        }
        foreach (var route in model.Routes)
        {
            Declare(route.Host, null, Protocol.Http);
            foreach (var b in route.Rules.SelectMany(r => r.Backends)) Declare(b.Service, b.Port, Protocol.Http);
        }
        foreach (var tcp in model.TcpRoutes)
        {
            Declare(tcp.Host, null, Protocol.Tcp);
            foreach (var b in tcp.Backends) Declare(b.Service, b.Port, Protocol.Tcp);
        }
        return model with { Services = [.. services] };
    }

    private static MeshConfig Model(params TcpRoute[] routes) => new()
    {
        Name = "tcp",
        Services = [new MeshService { Name = "db", Namespace = "data", Ports = [new ServicePort { Port = 5432, Protocol = Protocol.Tcp }] }],
        TcpRoutes = [.. routes],
    };
}
