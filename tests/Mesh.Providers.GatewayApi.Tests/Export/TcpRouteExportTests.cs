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
    public void Subset_IsReported_AndTheWholeServiceWritten()
    {
        var model = Model(new TcpRoute { Name = "db", Namespace = "data", Host = Db, Port = 5432, Backends = [new WeightedBackend { Service = Db, Subset = "v2", Port = 5432 }] });
        var result = Translator.Translate(model);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.tcpRoutes[0].backends[0].subset" && d.Provider == ProviderName.GatewayApi);
        Assert.Equal("db", Assert.Single(Assert.Single(Written(model, "db").Spec.Rules!).BackendRefs!).Name);
    }

    [Fact]
    public void BackendWithoutPort_OfAServiceWithSeveralPorts_IsReported()
    {
        var model = Model(new TcpRoute { Name = "db", Namespace = "data", Host = Db, Backends = [new WeightedBackend { Service = Db }] }) with
        {
            Services = [new MeshService { Name = "db", Namespace = "data", Ports = [new ServicePort { Port = 5432, Protocol = Protocol.Tcp }, new ServicePort { Port = 5433, Protocol = Protocol.Tcp }] }],
        };
        var result = Translator.Translate(model);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.tcpRoutes[0].backends[0].port");
        Assert.Null(Assert.Single(Assert.Single(Written(model, "db").Spec.Rules!).BackendRefs!).Port);
    }

    [Fact]
    public void SecondTcpRouteOfTheSameName_IsReported_ButAnHttpRouteOfThatNameIsAnotherKind()
    {
        var route = new TcpRoute { Name = "db", Namespace = "data", Host = Db, Port = 5432, Backends = [new WeightedBackend { Service = Db, Port = 5432 }] };
        var model = Model(route, route with { Port = 5433 }) with
        {
            Routes = [new HttpRoute { Name = "db", Namespace = "data", Host = Db, Rules = [new HttpRouteRule { Backends = [new WeightedBackend { Service = Db, Port = 8080 }] }] }],
        };
        var result = Translator.Translate(model);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.tcpRoutes[1]");
        Assert.Equal(5432, Assert.Single(result.Resources.OfType<TcpRouteResource>()).Spec.ParentRefs![0].Port);
        Assert.Single(result.Resources.OfType<Resources.HttpRoute>());
    }

    [Fact]
    public void TcpRouteWithoutBackends_IsNotWritten()
    {
        var result = Translator.Translate(Model(new TcpRoute { Name = "db", Namespace = "data", Host = Db, Port = 5432 }));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.tcpRoutes[0].backends");
        Assert.Empty(result.Resources);
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
    /// warning either way: ports named by a TCPRoute come back as <c>tcp</c>, the HTTPRoute's as <c>http</c>. 200 cases.
    /// </summary>
    [Fact]
    public void TcpSplits_RoundTrip() =>
        MeshGenerators.TcpSplits.Sample(model =>
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

    private static MeshConfig Model(params TcpRoute[] routes) => new()
    {
        Name = "tcp",
        Services = [new MeshService { Name = "db", Namespace = "data", Ports = [new ServicePort { Port = 5432, Protocol = Protocol.Tcp }] }],
        TcpRoutes = [.. routes],
    };
}
