using CsCheck;
using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Testing;
using Mesh.Translation;
using GatewayResource = Mesh.Providers.GatewayApi.Resources.Gateway;
using ReferenceGrantResource = Mesh.Providers.GatewayApi.Resources.ReferenceGrant;
using TcpRouteResource = Mesh.Providers.GatewayApi.Resources.TcpRoute;
using TlsRouteResource = Mesh.Providers.GatewayApi.Resources.TlsRoute;

namespace Mesh.Providers.GatewayApi.Tests.Export;

/// <summary>Gateway TLS and TCP routes written as TLSRoutes and TCPRoutes bound to Gateways, every loss reported, and read back.</summary>
public sealed class GatewayStreamRouteTests
{
    private static readonly GatewayApiTranslator Translator = new(new GatewayApiOptions { ServiceOutput = ServiceOutput.All, GatewayClassName = "example" });

    private static readonly MeshConfig Sample = Generators.Samples.EdgeStreams;

    [Fact]
    public void TlsRoute_IsV1_BoundPerWrittenListener_WithHostnamesAndWeightedBackends()
    {
        var result = Translator.Translate(Sample);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var route = Assert.Single(result.Resources.OfType<TlsRouteResource>());
        Assert.Equal(("gateway.networking.k8s.io/v1", "TLSRoute", "data", "db"), (route.ApiVersion, route.Kind, route.Metadata.NamespaceProperty, route.Metadata.Name));
        // The listener with two hosts is written as two Gateway API listeners: one parentRef each.
        Assert.Equal([("edge", "public", "sni"), ("edge", "public", "sni-2")], route.Spec.ParentRefs!.Select(p => (p.Namespace, p.Name, p.SectionName)));
        Assert.All(route.Spec.ParentRefs!, p => Assert.Equal(("gateway.networking.k8s.io", "Gateway"), (p.Group, p.Kind)));
        Assert.Equal(["db.example.com", "eu.db.example.org"], route.Spec.Hostnames!);
        var backends = Assert.Single(route.Spec.Rules!).BackendRefs!;
        Assert.Equal([("db", (string?)null, (int?)5432, (int?)90), ("db-next", "bookinfo", 5432, 10)], backends.Select(b => (b.Name, b.Namespace, b.Port, b.Weight)));
    }

    [Fact]
    public void TcpRoute_IsV1_BoundToTheWholeGateway_AndCrossNamespaceBackendsGetAGrantPerKind()
    {
        var result = Translator.Translate(Sample);
        var route = Assert.Single(result.Resources.OfType<TcpRouteResource>());
        Assert.Equal(("gateway.networking.k8s.io/v1", "edge", "admin"), (route.ApiVersion, route.Metadata.NamespaceProperty, route.Metadata.Name));
        var parent = Assert.Single(route.Spec.ParentRefs!);
        Assert.Equal(("Gateway", (string?)null, "public", (string?)null), (parent.Kind, parent.Namespace, parent.Name, parent.SectionName));
        var backend = Assert.Single(Assert.Single(route.Spec.Rules!).BackendRefs!);
        Assert.Equal(("db", "data", (int?)8080, (int?)null), (backend.Name, backend.Namespace, backend.Port, backend.Weight));
        var grants = result.Resources.OfType<ReferenceGrantResource>().ToList();
        Assert.Equal([("bookinfo", "tlsroutes-from-data", "TLSRoute", "data"), ("data", "tcproutes-from-edge", "TCPRoute", "edge")],
            grants.Select(g => (g.Metadata.NamespaceProperty, g.Metadata.Name, g.Spec.From![0].Kind, g.Spec.From[0].Namespace)));
        // A TLS route of namespace 'data' binds to the gateway: its listeners take routes from every namespace (of their protocol's default kinds).
        var listeners = Assert.Single(result.Resources.OfType<GatewayResource>()).Spec.Listeners!;
        Assert.All(listeners, l => Assert.Equal("All", l.AllowedRoutes!.Namespaces!.From));
    }

    [Fact]
    public void TheSample_RoundTrips_ThroughYaml()
    {
        var yaml = Translator.WriteYaml(Translator.Translate(Sample).Resources);
        var back = Translator.ImportYaml(yaml, "edge.yaml");
        Assert.False(back.HasErrors, string.Join("\n", back.Diagnostics));
        Assert.DoesNotContain(back.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Equal(Sample.Normalize().Gateways, back.Config!.Gateways);
        Assert.Equal(Sample.Normalize().GatewayTlsRoutes, back.Config.GatewayTlsRoutes);
        Assert.Equal(Sample.Normalize().GatewayTcpRoutes, back.Config.GatewayTcpRoutes);
        Assert.Empty(back.Config.TcpRoutes);
    }

    [Fact]
    public void ATlsRouteOnATerminatingListener_IsWritten_WithANote()
    {
        var model = Sample with { GatewayTlsRoutes = [Sample.GatewayTlsRoutes[0] with { Gateways = [new GatewayRef { Name = "public", Namespace = "edge", Listener = "terminate" }], Hostnames = ["admin.example.com"] }] };
        var result = Translator.Translate(model);
        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Info && d.Path == "$.spec.gatewayTlsRoutes[0].gateways" && d.Message.Contains("extended support", StringComparison.Ordinal));
        Assert.Equal("terminate", Assert.Single(Assert.Single(result.Resources.OfType<TlsRouteResource>()).Spec.ParentRefs!).SectionName);
    }

    [Fact]
    public void RoutesToAGatewayNotWritten_AreReported_AndNotWritten()
    {
        var result = new GatewayApiTranslator().Translate(Sample with { Gateways = [Sample.Gateways[0] with { ClassName = null }] });
        Assert.Empty(result.Resources.OfType<GatewayResource>());
        Assert.Empty(result.Resources.OfType<TlsRouteResource>());
        Assert.Empty(result.Resources.OfType<TcpRouteResource>());
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.gatewayTlsRoutes[0].gateways[0]");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.gatewayTlsRoutes[0]");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.gatewayTcpRoutes[0]");
    }

    [Fact]
    public void ABackendWithoutAPort_OnAServiceOfSeveralPorts_IsLeftOut_AndReported()
    {
        var route = Sample.GatewayTcpRoutes[0] with { Backends = [new WeightedBackend { Service = new ServiceRef("db", "data") }, new WeightedBackend { Service = new ServiceRef("db-next", "bookinfo") }] };
        var result = Translator.Translate(Sample with { GatewayTcpRoutes = [route] });
        Assert.Contains(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning && d.Path == "$.spec.gatewayTcpRoutes[0].backends[0].port");
        // The single-port service keeps its only port.
        var backend = Assert.Single(Assert.Single(Assert.Single(result.Resources.OfType<TcpRouteResource>()).Spec.Rules!).BackendRefs!);
        Assert.Equal(("db-next", (int?)5432), (backend.Name, backend.Port));
    }

    [Fact]
    public void MoreThanSixteenBackends_AreCut_AndReported()
    {
        var services = Enumerable.Range(0, 18).Select(i => new MeshService { Name = $"b{i}", Namespace = "edge", Ports = [new ServicePort { Port = 9000, Protocol = Protocol.Tcp }] }).ToList();
        var route = Sample.GatewayTcpRoutes[0] with { Backends = [.. services.Select(s => new WeightedBackend { Service = s.Reference })] };
        var result = Translator.Translate(Sample with { Services = [.. Sample.Services, .. services], GatewayTcpRoutes = [route] });
        Assert.Equal(16, Assert.Single(Assert.Single(result.Resources.OfType<TcpRouteResource>()).Spec.Rules!).BackendRefs!.Count);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.gatewayTcpRoutes[0].backends[16]");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.gatewayTcpRoutes[0].backends[17]");
    }

    [Fact]
    public void AGatewayTcpRoute_NamedAsAMeshTcpRoute_IsWrittenAsNameGateway()
    {
        var mesh = new TcpRoute { Name = "admin", Namespace = "edge", Host = new ServiceRef("b", "edge"), Port = 9000, Backends = [new WeightedBackend { Service = new ServiceRef("b", "edge") }] };
        var model = Sample with { Services = [.. Sample.Services, new MeshService { Name = "b", Namespace = "edge", Ports = [new ServicePort { Port = 9000, Protocol = Protocol.Tcp }] }], TcpRoutes = [mesh] };
        var result = Translator.Translate(model);
        Assert.Equal(["admin", "admin-gateway"], result.Resources.OfType<TcpRouteResource>().Select(r => r.Metadata.Name));
        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Info && d.Path == "$.spec.gatewayTcpRoutes[0].name");
    }

    [Fact]
    public void Import_TcpRoutesWithServiceParents_StayMeshTcpRoutes_AndGatewayParentsMakeGatewayRoutes()
    {
        var yaml = Translator.WriteYaml(Translator.Translate(Sample).Resources) + """
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: TCPRoute
            metadata: { name: mesh, namespace: data }
            spec:
              parentRefs: [{ group: "", kind: Service, name: db, port: 8080 }]
              rules: [{ backendRefs: [{ name: db, port: 8080 }] }]
            """;
        var back = Translator.ImportYaml(yaml, "edge.yaml");
        Assert.False(back.HasErrors, string.Join("\n", back.Diagnostics));
        Assert.Equal("mesh", Assert.Single(back.Config!.TcpRoutes).Name);
        Assert.Equal("admin", Assert.Single(back.Config.GatewayTcpRoutes).Name);
    }

    private const string Gateway = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: { name: public, namespace: edge }
        spec:
          gatewayClassName: example
          listeners:
          - { name: sni, port: 443, protocol: TLS, hostname: db.example.com, tls: { mode: Passthrough } }
          - { name: web, port: 80, protocol: HTTP }
          - { name: raw, port: 9000, protocol: TCP }
        ---

        """;

    [Theory]
    [InlineData("TLSRoute without hostnames (v1alpha2)", """
        apiVersion: gateway.networking.k8s.io/v1alpha2
        kind: TLSRoute
        metadata: { name: r, namespace: edge }
        spec:
          parentRefs: [{ name: public }]
          rules: [{ backendRefs: [{ name: db, port: 5432 }] }]
        """, "$.spec.hostnames", false)]
    [InlineData("TLSRoute with a second rule (v1alpha2)", """
        apiVersion: gateway.networking.k8s.io/v1alpha2
        kind: TLSRoute
        metadata: { name: r, namespace: edge }
        spec:
          parentRefs: [{ name: public }]
          hostnames: [db.example.com]
          rules: [{ backendRefs: [{ name: db, port: 5432 }] }, { backendRefs: [{ name: db2, port: 5432 }] }]
        """, "$.spec.rules[1]", false)]
    [InlineData("TLSRoute on a Gateway not in the input", """
        apiVersion: gateway.networking.k8s.io/v1
        kind: TLSRoute
        metadata: { name: r, namespace: edge }
        spec:
          parentRefs: [{ name: private }]
          hostnames: [db.example.com]
          rules: [{ backendRefs: [{ name: db, port: 5432 }] }]
        """, "$.spec.parentRefs[0]", false)]
    [InlineData("TLSRoute on an HTTP listener", """
        apiVersion: gateway.networking.k8s.io/v1
        kind: TLSRoute
        metadata: { name: r, namespace: edge }
        spec:
          parentRefs: [{ name: public, sectionName: web }]
          hostnames: [db.example.com]
          rules: [{ backendRefs: [{ name: db, port: 5432 }] }]
        """, "$.spec.parentRefs[0]", false)]
    [InlineData("TLSRoute with a Service parent", """
        apiVersion: gateway.networking.k8s.io/v1
        kind: TLSRoute
        metadata: { name: r, namespace: edge }
        spec:
          parentRefs: [{ group: "", kind: Service, name: db, port: 5432 }]
          hostnames: [db.example.com]
          rules: [{ backendRefs: [{ name: db, port: 5432 }] }]
        """, "$.spec.parentRefs[0]", true)]
    [InlineData("TLSRoute parent with a port", """
        apiVersion: gateway.networking.k8s.io/v1
        kind: TLSRoute
        metadata: { name: r, namespace: edge }
        spec:
          parentRefs: [{ name: public, port: 443 }]
          hostnames: [db.example.com]
          rules: [{ backendRefs: [{ name: db, port: 5432 }] }]
        """, "$.spec.parentRefs[0].port", false)]
    [InlineData("TCPRoute on a Gateway without TCP listener section", """
        apiVersion: gateway.networking.k8s.io/v1
        kind: TCPRoute
        metadata: { name: r, namespace: edge }
        spec:
          parentRefs: [{ name: public, sectionName: sni }]
          rules: [{ backendRefs: [{ name: db, port: 5432 }] }]
        """, "$.spec.parentRefs[0]", false)]
    [InlineData("TCPRoute with a second rule (v1alpha2)", """
        apiVersion: gateway.networking.k8s.io/v1alpha2
        kind: TCPRoute
        metadata: { name: r, namespace: edge }
        spec:
          parentRefs: [{ name: public }]
          rules: [{ backendRefs: [{ name: db, port: 5432 }] }, { backendRefs: [{ name: db2, port: 5432 }] }]
        """, "$.spec.rules[1]", false)]
    public void Import_WhatTheModelCannotHold_IsReportedWithAPath(string name, string route, string path, bool outOfScope)
    {
        var result = Translator.ImportYaml(Gateway + route, "in.yaml");
        Assert.False(result.HasErrors, name + "\n" + string.Join("\n", result.Diagnostics));
        Assert.Contains(result.Diagnostics, d => d.Code == (outOfScope ? DiagnosticCodes.OutOfScope : DiagnosticCodes.FieldNotImported) && d.Path.EndsWith(path, StringComparison.Ordinal));
    }

    [Fact]
    public void Import_AV1Alpha2TlsRoute_IsReadAsV1_WithANote()
    {
        var result = Translator.ImportYaml(Gateway + """
            apiVersion: gateway.networking.k8s.io/v1alpha2
            kind: TLSRoute
            metadata: { name: r, namespace: edge }
            spec:
              parentRefs: [{ name: public, sectionName: sni }]
              hostnames: [DB.example.com]
              rules: [{ backendRefs: [{ name: db, port: 5432 }] }]
            """, "in.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var route = Assert.Single(result.Config!.GatewayTlsRoutes);
        Assert.Equal([new GatewayRef { Name = "public", Namespace = "edge", Listener = "sni" }], route.Gateways);
        Assert.Equal(["db.example.com"], route.Hostnames);
        Assert.Contains(result.Diagnostics, d => d.Path.EndsWith("$.apiVersion", StringComparison.Ordinal) && d.Message.Contains("TLSRoute", StringComparison.Ordinal));
    }

    /// <summary>
    /// Generated models (gateways of every listener form, TLS and TCP routes bound to a gateway or one listener, weighted
    /// backends in any namespace, to subsets as leaf Services) whose gateways and stream routes Gateway API writes without a
    /// loss read back with the same gateway TLS and TCP routes.
    /// </summary>
    [Fact]
    public void GeneratedStreamRoutes_RoundTrip()
    {
        var checkedRoutes = 0;
        Models.Sample(model =>
        {
            var result = Translator.Translate(model);
            if (result.Diagnostics.Any(d => d.Code == DiagnosticCodes.Unsupported && d.Path.StartsWith("$.spec.gatewayT", StringComparison.Ordinal))) return true;
            var back = Translator.ImportYaml(Translator.WriteYaml(result.Resources), "m.yaml");
            if (back.HasErrors) return false;
            var expected = model.Normalize();
            checkedRoutes += expected.GatewayTlsRoutes.Count + expected.GatewayTcpRoutes.Count;
            return expected.GatewayTlsRoutes.Select(Ported(model)).SequenceEqual(back.Config!.GatewayTlsRoutes.Select(Ported(back.Config)))
                && expected.GatewayTcpRoutes.Select(PortedTcp(model)).SequenceEqual(back.Config.GatewayTcpRoutes.Select(PortedTcp(back.Config)));
        }, iter: 400);
        Assert.True(checkedRoutes > 200, $"only {checkedRoutes} stream routes were compared");
    }

    /// <summary>Models with gateways whose TLS and TCP routes exist, their other content cut to services and gateways.</summary>
    private static Gen<MeshConfig> Models => MeshGenerators.Config
        .Where(m => !m.GatewayTlsRoutes.IsEmpty || !m.GatewayTcpRoutes.IsEmpty)
        .Select(m => new MeshConfig { Name = "imported", Services = m.Services, Gateways = m.Gateways, GatewayTlsRoutes = m.GatewayTlsRoutes, GatewayTcpRoutes = m.GatewayTcpRoutes });

    private static Func<GatewayTlsRoute, string> Ported(MeshConfig config) => r => $"{r.Namespace}/{r.Name} {string.Join(",", r.Gateways)} {string.Join(",", r.Hostnames)} {Backends(config, r.Backends)}";

    private static Func<GatewayTcpRoute, string> PortedTcp(MeshConfig config) => r => $"{r.Namespace}/{r.Name} {string.Join(",", r.Gateways)} {Backends(config, r.Backends)}";

    /// <summary>The backends with the port written for one without (its service's only port).</summary>
    private static string Backends(MeshConfig config, IEnumerable<WeightedBackend> backends) =>
        string.Join(",", backends.Select(b => (b with { Port = b.Port ?? config.Services.FirstOrDefault(s => s.Reference == b.Service)?.Ports.Single().Port }).ToString()).Order(StringComparer.Ordinal));
}
