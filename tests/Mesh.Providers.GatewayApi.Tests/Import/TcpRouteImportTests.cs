using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Translation;

namespace Mesh.Providers.GatewayApi.Tests.Import;

/// <summary>What import makes of TCPRoutes (<c>v1</c>, and <c>v1alpha2</c> with a version note).</summary>
public sealed class TcpRouteImportTests
{
    private static readonly GatewayApiTranslator Translator = new();

    private static ImportResult Read(string yaml) => Translator.ImportYaml(yaml, "in.yaml");

    private const string V1 = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: TCPRoute
        metadata: { name: db, namespace: data }
        spec:
          parentRefs: [{ group: "", kind: Service, name: db, port: 5432 }]
          rules:
          - backendRefs:
            - { name: db-v1, port: 5432, weight: 9 }
            - { name: db-v2, namespace: canary, port: 5432, weight: 1 }
        """;

    [Fact]
    public void V1TcpRoute_BecomesATcpRouteOfItsParentServiceAndPort()
    {
        var result = Read(V1);
        // The only diagnostics: the services are not in the input, so each is declared from where the route names it.
        Assert.All(result.Diagnostics, d => Assert.Equal((DiagnosticCodes.ServiceInferred, DiagnosticSeverity.Info), (d.Code, d.Severity)));
        Assert.Equal(["in.yaml#0 $.spec.parentRefs[0]", "in.yaml#0 $.spec.rules[0].backendRefs[0]", "in.yaml#0 $.spec.rules[0].backendRefs[1]"], result.Diagnostics.Select(d => d.Path));
        var route = Assert.Single(result.Config!.TcpRoutes);
        Assert.Equal(("db", "data", new ServiceRef("db", "data"), (int?)5432), (route.Name, route.Namespace, route.Host, route.Port));
        Assert.Equal(
            [(new ServiceRef("db-v1", "data"), (int?)5432, 90), (new ServiceRef("db-v2", "canary"), (int?)5432, 10)],
            route.Backends.Select(b => (b.Service, b.Port, b.Weight)));
        Assert.Equal(["db-v1.data", "db-v2.canary", "db.data"], result.Config.Services.Select(s => s.Reference.ToString()).Order(StringComparer.Ordinal));
        Assert.All(result.Config.Services, s => Assert.Equal((5432, Protocol.Tcp), (Assert.Single(s.Ports).Port, s.Ports[0].Protocol)));
    }

    [Fact]
    public void V1Alpha2TcpRoute_IsReadAsV1_WithAVersionNote()
    {
        var result = Read(V1.Replace("gateway.networking.k8s.io/v1", "gateway.networking.k8s.io/v1alpha2", StringComparison.Ordinal));
        Assert.False(result.HasErrors);
        Assert.Equal(Read(V1).Config, result.Config);
        var note = Assert.Single(result.Diagnostics, d => d.Code != DiagnosticCodes.ServiceInferred);
        Assert.Equal((DiagnosticCodes.LegacyForm, DiagnosticSeverity.Info, "in.yaml#0 $.apiVersion"), (note.Code, note.Severity, note.Path));
        Assert.Contains("v1alpha2", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnservedVersion_IsAnError()
    {
        var result = Read(V1.Replace("gateway.networking.k8s.io/v1", "gateway.networking.k8s.io/v1beta1", StringComparison.Ordinal));
        Assert.True(result.HasErrors);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.InvalidResource && d.Path == "in.yaml#0 $.apiVersion");
    }

    [Fact]
    public void ParentRefWithoutPort_IsARouteForEveryPort_AndNamesNoServicePort()
    {
        var result = Read("""
            apiVersion: gateway.networking.k8s.io/v1
            kind: TCPRoute
            metadata: { name: cache, namespace: data }
            spec:
              parentRefs: [{ group: "", kind: Service, name: cache }]
              rules:
              - backendRefs: [{ name: cache-blue, port: 6379, weight: 3 }]
            """);
        var route = Assert.Single(result.Config!.TcpRoutes);
        Assert.Null(route.Port);
        Assert.Equal(100, Assert.Single(route.Backends).Weight);
        Assert.Empty(result.Config.Services.Single(s => s.Name == "cache").Ports);
        Assert.Equal(6379, Assert.Single(result.Config.Services.Single(s => s.Name == "cache-blue").Ports).Port);
        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Info && d.Path == "in.yaml#0 $.spec.rules[0].backendRefs[0].weight");
    }

    [Fact]
    public void FieldsAndPartsTheModelCannotCarry_AreReportedWithTheirPaths()
    {
        var result = Read("""
            apiVersion: gateway.networking.k8s.io/v1alpha2
            kind: TCPRoute
            metadata: { name: db, namespace: data, labels: { team: a } }
            spec:
              parentRefs:
              - { group: "", kind: Service, name: db, port: 5432, sectionName: postgres }
              - { group: "", kind: Service, name: db, port: 5433 }
              - { group: "", kind: Service, name: other, port: 5432 }
              - { name: mesh-gateway }
              rules:
              - name: primary
                backendRefs:
                - { name: db-v1, port: 5432 }
                - { group: example.com, kind: Bucket, name: b }
              - backendRefs: [{ name: db-v2, port: 5432 }]
            """);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        string[] paths =
        [
            "$.metadata.labels",
            "$.spec.parentRefs[1]",
            "$.spec.parentRefs[2]",
            "$.spec.parentRefs[3]",
            "$.spec.rules[0].name",
            "$.spec.rules[0].backendRefs[1]",
            "$.spec.rules[1]",
        ];
        Assert.All(paths, p => Assert.Contains(result.Diagnostics, d => d.Path == "in.yaml#0 " + p));
        // A Gateway parent makes a gateway TCP route, which the Gateway (not in the input) would bind.
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "in.yaml#0 $.spec.parentRefs[3]" && d.Message.Contains("Include its Gateway", StringComparison.Ordinal));
        var route = Assert.Single(result.Config!.TcpRoutes);
        Assert.Equal(5432, route.Port);
        Assert.Equal(new ServiceRef("db-v1", "data"), Assert.Single(route.Backends).Service);
        // The sectionName of the parentRef names its port.
        Assert.DoesNotContain(result.Diagnostics, d => d.Path == "in.yaml#0 $.spec.parentRefs[0].sectionName");
        Assert.Equal("postgres", result.Config.Services.Single(s => s.Name == "db").FindPort(5432)!.Name);
    }

    [Fact]
    public void RouteWithoutServiceBackend_OrWithoutParent_IsNotImported()
    {
        var result = Read("""
            apiVersion: gateway.networking.k8s.io/v1
            kind: TCPRoute
            metadata: { name: a, namespace: data }
            spec:
              parentRefs: [{ group: "", kind: Service, name: db, port: 5432 }]
              rules:
              - backendRefs: [{ name: db-v1, port: 5432, weight: 0 }]
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: TCPRoute
            metadata: { name: b, namespace: data }
            spec:
              parentRefs: [{ name: gateway, sectionName: tcp }]
              rules:
              - backendRefs: [{ name: db-v1, port: 5432 }]
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: TCPRoute
            metadata: { name: c, namespace: data }
            spec:
              parentRefs: [{ group: "", kind: Service, name: db, port: 5432 }]
            """);
        Assert.False(result.HasErrors);
        Assert.Empty(result.Config!.TcpRoutes);
        Assert.Empty(result.Config.Services);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "in.yaml#0 $.spec.rules[0]");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "in.yaml#1 $.spec.rules");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "in.yaml#2 $.spec");
    }

    [Fact]
    public void PortOfAnHttpRouteAndATcpRoute_IsHttp_InEitherOrder()
    {
        const string http = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: { name: web, namespace: data }
            spec:
              parentRefs: [{ group: "", kind: Service, name: db, port: 5432 }]
              rules:
              - backendRefs: [{ name: db-v1, port: 5432 }]
            """;
        foreach (var yaml in new[] { V1 + "\n---\n" + http, http + "\n---\n" + V1 })
        {
            var result = Read(yaml);
            Assert.Equal(Protocol.Http, Assert.Single(result.Config!.Services.Single(s => s.Name == "db").Ports).Protocol);
            Assert.Single(result.Config.TcpRoutes);
            Assert.Single(result.Config.Routes);
        }
    }

    [Fact]
    public void TypedTcpRoute_OfEitherVersion_IsImported()
    {
        var written = (Resources.TcpRoute)Translator.Translate(Generators.Samples.Tcp).Resources.OfType<Resources.TcpRoute>().First();
        written.ApiVersion = "gateway.networking.k8s.io/v1alpha2";
        var result = Translator.Import([written]);
        Assert.False(result.HasErrors);
        Assert.Single(result.Config!.TcpRoutes);
    }
}
