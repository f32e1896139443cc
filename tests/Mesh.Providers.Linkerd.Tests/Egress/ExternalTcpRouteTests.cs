using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.Linkerd.Resources;
using GatewayResources = Mesh.Providers.GatewayApi.Resources;

namespace Mesh.Providers.Linkerd.Tests.Egress;

/// <summary>
/// TCP routes on external services as TCPRoutes on their own EgressNetworks: written in place of the one-rule TCPRoutes of
/// the ports they cover, with the external service as the EgressNetwork backend (the original destination) and cluster
/// Services as themselves, weights kept; read back as TCP routes on the external service; every loss reported.
/// </summary>
public sealed class ExternalTcpRouteTests
{
    private static readonly LinkerdTranslator Translator = new();

    private static readonly ServiceRef Ledger = new("ledger", "shop");

    private static readonly ServiceRef Replica = new("replica", "shop");

    private static ServicePort Port(int port, Protocol protocol) => new() { Port = port, Protocol = protocol };

    private static ExternalService LedgerService(params ServicePort[] ports) => new()
    {
        Name = "ledger", Namespace = "shop", Hosts = ["ledger"], Ports = [.. ports], Resolution = Resolution.Static, Addresses = ["203.0.113.7"],
    };

    private static readonly MeshService ReplicaService = new() { Name = "replica", Namespace = "shop", Ports = [new ServicePort { Port = 5432, Protocol = Protocol.Tcp }] };

    /// <summary>80% of the connections to the external database leave, 20% go to a replica in the cluster.</summary>
    private static TcpRoute Canary(int? port = 5432, string ns = "shop", string name = "db") => new()
    {
        Name = name,
        Namespace = ns,
        Host = Ledger,
        Port = port,
        Backends = [new WeightedBackend { Service = Ledger, Weight = 80 }, new WeightedBackend { Service = Replica, Port = 5432, Weight = 20 }],
    };

    private static MeshConfig Model(TcpRoute route, params ExternalService[] externals) => new()
    {
        Name = "imported",
        Services = [ReplicaService],
        TcpRoutes = [route],
        ExternalServices = externals.Length == 0 ? [LedgerService(Port(5432, Protocol.Tcp), Port(6379, Protocol.Tcp))] : [.. externals],
    };

    private static List<Diagnostic> Warnings(IEnumerable<Diagnostic> diagnostics) => [.. diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning)];

    // ---- Export ----

    [Fact]
    public void ATcpRouteOnAnExternalService_IsATcpRouteOnItsEgressNetwork_InPlaceOfThePortsForwardingRoute()
    {
        var result = Translator.Translate(Model(Canary()));
        Assert.Empty(Warnings(result.Diagnostics));
        var routes = result.Resources.OfType<GatewayResources.TcpRoute>().ToList();
        // The route takes port 5432; port 6379 keeps the TCPRoute that lets every connection leave.
        Assert.Equal(["db", "ledger-6379"], routes.Select(r => r.Metadata.Name));
        var route = routes[0];
        Assert.Equal(("gateway.networking.k8s.io/v1alpha2", "TCPRoute", "shop"), (route.ApiVersion, route.Kind, route.Metadata.NamespaceProperty));
        var parent = Assert.Single(route.Spec.ParentRefs!);
        Assert.Equal(("policy.linkerd.io", "EgressNetwork", "shop", "ledger", (int?)5432), (parent.Group, parent.Kind, parent.Namespace, parent.Name, parent.Port));
        var backends = Assert.Single(route.Spec.Rules!).BackendRefs!;
        Assert.Equal(2, backends.Count);
        Assert.Equal(("policy.linkerd.io", "EgressNetwork", "ledger", (int?)null, (int?)80), (backends[0].Group, backends[0].Kind, backends[0].Name, backends[0].Port, backends[0].Weight));
        Assert.Equal((null, "replica", (string?)null, (int?)5432, (int?)20), (backends[1].Kind, backends[1].Name, backends[1].Namespace, backends[1].Port, backends[1].Weight));
        var owners = route.Metadata.Annotations![Mesh.Kubernetes.Ownership.SourceAnnotation];
        Assert.Contains("tcpRoutes/shop/db", owners, StringComparison.Ordinal);
        Assert.Contains("externalServices/shop/ledger", owners, StringComparison.Ordinal);
        // Every port has a route: the network still denies the rest.
        Assert.Equal("Deny", Assert.Single(result.Resources.OfType<EgressNetwork>()).Spec.TrafficPolicy);
    }

    [Fact]
    public void TheCanaryTcpRoute_RoundTrips_TypedAndAsYaml()
    {
        var model = Model(Canary());
        var translated = Translator.Translate(model);
        var typed = Translator.Import(translated.Resources);
        Assert.False(typed.HasErrors, string.Join("\n", typed.Diagnostics));
        Assert.Equal(model.Normalize(), typed.Config);
        var yaml = Translator.ImportYaml(Translator.WriteYaml(translated.Resources), "back.yaml");
        Assert.Empty(Warnings(yaml.Diagnostics));
        Assert.Equal(model.Normalize(), yaml.Config);
    }

    [Fact]
    public void ARouteWithoutAPort_CoversEveryTcpPort_WithOneParentEach_AndReadsBackWithoutAPort()
    {
        var model = Model(Canary(port: null) with { Backends = [new WeightedBackend { Service = Replica, Port = 5432 }] }, LedgerService(Port(5432, Protocol.Tcp), Port(6379, Protocol.Tcp), Port(443, Protocol.Tls)));
        var result = Translator.Translate(model);
        Assert.Empty(Warnings(result.Diagnostics));
        var route = Assert.Single(result.Resources.OfType<GatewayResources.TcpRoute>());
        Assert.Equal([5432, 6379], route.Spec.ParentRefs!.Select(p => p.Port!.Value));
        // A single backend takes every connection: no weight.
        Assert.Equal(("replica", (int?)null), (Assert.Single(route.Spec.Rules![0].BackendRefs!).Name, route.Spec.Rules[0].BackendRefs![0].Weight));
        Assert.Equal("ledger-443", Assert.Single(result.Resources.OfType<GatewayResources.TlsRoute>()).Metadata.Name);
        Assert.Equal(model.Normalize(), Translator.ImportYaml(Translator.WriteYaml(result.Resources), "back.yaml").Config);
    }

    [Fact]
    public void ARouteWithoutAPort_OnAServiceOfOneTcpPort_SaysItReadsBackWithThatPort()
    {
        var result = Translator.Translate(Model(Canary(port: null), LedgerService(Port(5432, Protocol.Tcp))));
        var note = Assert.Single(result.Diagnostics, d => d.Path == "$.spec.tcpRoutes[0]");
        Assert.Equal(DiagnosticSeverity.Info, note.Severity);
        Assert.Equal(5432, Translator.Import(result.Resources).Config!.TcpRoutes.Single().Port);
    }

    [Fact]
    public void ARouteThatOnlyLetsConnectionsLeave_IsNoted_AndReadsBackAsNoRoute()
    {
        var route = Canary() with { Backends = [new WeightedBackend { Service = Ledger }] };
        var result = Translator.Translate(Model(route));
        Assert.Empty(Warnings(result.Diagnostics));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.TranslationNote && d.Path == "$.spec.tcpRoutes[0]" && d.Message.Contains("no TCP route", StringComparison.Ordinal));
        Assert.Empty(Translator.Import(result.Resources).Config!.TcpRoutes);
    }

    [Fact]
    public void OnAServiceNamedByHostOnly_TheTcpRouteIsReported_AndNotWritten()
    {
        var byHost = LedgerService(Port(5432, Protocol.Tcp), Port(80, Protocol.Http)) with { Hosts = ["db.example.com"], Resolution = Resolution.Dns, Addresses = [] };
        var result = Translator.Translate(Model(Canary(), byHost));
        var reported = Assert.Single(result.Diagnostics, d => d.Path == "$.spec.tcpRoutes[0]");
        Assert.Equal(DiagnosticCodes.Unsupported, reported.Code);
        Assert.Contains("every destination outside the cluster", reported.Message, StringComparison.Ordinal);
        Assert.Empty(result.Resources.OfType<GatewayResources.TcpRoute>());
    }

    [Fact]
    public void ARouteOnAPortThatIsNotTcp_IsReported_AndThePortKeepsItsRoute()
    {
        var result = Translator.Translate(Model(Canary(port: 443), LedgerService(Port(443, Protocol.Tls), Port(5432, Protocol.Tcp))));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.tcpRoutes[0].port");
        Assert.Equal("ledger-443", Assert.Single(result.Resources.OfType<GatewayResources.TlsRoute>()).Metadata.Name);
        Assert.Equal("ledger-5432", Assert.Single(result.Resources.OfType<GatewayResources.TcpRoute>()).Metadata.Name);
    }

    [Fact]
    public void AServiceWithoutTcpPorts_ReportsARouteWithoutAPort()
    {
        var result = Translator.Translate(Model(Canary(port: null), LedgerService(Port(443, Protocol.Tls))));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.tcpRoutes[0]");
        Assert.Empty(result.Resources.OfType<GatewayResources.TcpRoute>());
    }

    [Fact]
    public void SubsetsOtherPortsAndOtherExternalServices_AsBackends_AreReported()
    {
        var other = new ExternalService { Name = "archive", Namespace = "shop", Hosts = ["archive.example.com"], Ports = [Port(5432, Protocol.Tcp)], Resolution = Resolution.Static, Addresses = ["198.51.100.9"] };
        var ledger = LedgerService(Port(5432, Protocol.Tcp), Port(6379, Protocol.Tcp)) with
        {
            Endpoints = [new ExternalEndpoint { Address = "203.0.113.8", Labels = new Dictionary<string, string> { ["role"] = "primary" } }],
            Subsets = [new Subset { Name = "primary", Labels = new Dictionary<string, string> { ["role"] = "primary" } }],
        };
        var route = Canary() with
        {
            Backends =
            [
                new WeightedBackend { Service = Ledger, Subset = "primary", Port = 6379, Weight = 50 },
                new WeightedBackend { Service = new ServiceRef("archive", "shop"), Weight = 25 },
                new WeightedBackend { Service = Replica, Port = 5432, Weight = 25 },
            ],
        };
        var result = Translator.Translate(new MeshConfig { Name = "m", Services = [ReplicaService], TcpRoutes = [route], ExternalServices = [ledger, other] });
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.tcpRoutes[0].backends[0].subset");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Approximated && d.Path == "$.spec.tcpRoutes[0].backends[0].port");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.tcpRoutes[0].backends[1]");
        var written = Assert.Single(result.Resources.OfType<GatewayResources.TcpRoute>(), r => r.Metadata.Name == "db");
        var backends = written.Spec.Rules![0].BackendRefs!;
        Assert.Equal([("EgressNetwork", "ledger", (int?)50), ("Service", "replica", (int?)25)], backends.Select(b => (b.Kind ?? "Service", b.Name!, b.Weight)));
    }

    [Fact]
    public void OnlyBackendsThatAreOtherExternalServices_LeaveTheRouteUnwritten_AndThePortItsForwardingRoute()
    {
        var other = new ExternalService { Name = "archive", Namespace = "shop", Hosts = ["archive"], Ports = [Port(5432, Protocol.Tcp)], Resolution = Resolution.Static, Addresses = ["198.51.100.9"] };
        var route = Canary() with { Backends = [new WeightedBackend { Service = new ServiceRef("archive", "shop") }] };
        var result = Translator.Translate(Model(route, LedgerService(Port(5432, Protocol.Tcp)), other));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.tcpRoutes[0].backends[0]");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.tcpRoutes[0].backends");
        Assert.Equal(["archive-5432", "ledger-5432"], result.Resources.OfType<GatewayResources.TcpRoute>().Select(r => r.Metadata.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ARouteInAnotherNamespace_IsWrittenBesideTheEgressNetwork_AndSaysSo()
    {
        var result = Translator.Translate(Model(Canary(ns: "web")));
        var route = Assert.Single(result.Resources.OfType<GatewayResources.TcpRoute>(), r => r.Metadata.Name == "db");
        Assert.Equal("shop", route.Metadata.NamespaceProperty);
        // The replica is in the route's namespace as written: no namespace on its backendRef.
        Assert.Null(route.Spec.Rules![0].BackendRefs![1].Namespace);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Approximated && d.Path == "$.spec.tcpRoutes[0].namespace");
        Assert.Contains("tcpRoutes/web/db", route.Metadata.Annotations![Mesh.Kubernetes.Ownership.SourceAnnotation], StringComparison.Ordinal);
    }

    [Fact]
    public void ANameTakenByAMeshTcpRoute_InTheNamespaceItIsWrittenIn_IsReported()
    {
        var meshRoute = new TcpRoute { Name = "taken", Namespace = "shop", Host = Replica, Port = 5432, Backends = [new WeightedBackend { Service = Replica }] };
        var result = Translator.Translate(Model(Canary()) with { TcpRoutes = [meshRoute, Canary(ns: "web", name: "taken")] });
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.tcpRoutes[1]" && d.Message.Contains("'taken'", StringComparison.Ordinal));
        // The mesh TCP route keeps its name; the ports of the external service keep their forwarding routes.
        Assert.Equal(["ledger-5432", "ledger-6379", "taken"], result.Resources.OfType<GatewayResources.TcpRoute>().Select(r => r.Metadata.Name).Order(StringComparer.Ordinal));
        Assert.Equal("Service", Assert.Single(result.Resources.OfType<GatewayResources.TcpRoute>(), r => r.Metadata.Name == "taken").Spec.ParentRefs![0].Kind);
    }

    [Fact]
    public void TheNameOfAForwardingRoute_IsTheRoutes_AndTheForwardingRouteTakesTheNextFreeOne()
    {
        // On an own network the TCPRoute that lets a port leave is read back by its parent, not its name: it gives way.
        var model = Model(Canary(name: "ledger-6379"));
        var taken = Translator.Translate(model);
        Assert.Empty(Warnings(taken.Diagnostics));
        var routes = taken.Resources.OfType<GatewayResources.TcpRoute>().ToDictionary(r => r.Metadata.Name);
        Assert.Equal(["ledger-6379", "ledger-6379-2"], routes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, routes["ledger-6379"].Spec.Rules![0].BackendRefs!.Count);
        Assert.Equal(6379, Assert.Single(routes["ledger-6379-2"].Spec.ParentRefs!).Port);
        Assert.Equal("EgressNetwork", Assert.Single(routes["ledger-6379-2"].Spec.Rules![0].BackendRefs!).Kind);
        Assert.Equal("ledger-6379", Assert.Single(Translator.Import(taken.Resources).Config!.TcpRoutes).Name);

        var free = Translator.Translate(Model(Canary(name: "ledger-5432")));
        Assert.Empty(Warnings(free.Diagnostics));
        Assert.Equal(2, Assert.Single(free.Resources.OfType<GatewayResources.TcpRoute>(), r => r.Metadata.Name == "ledger-5432").Spec.Rules![0].BackendRefs!.Count);
    }

    [Fact]
    public void AnEnrolledExternalService_KeepsItsTcpRouteOnTheService()
    {
        var enrolled = LedgerService(Port(5432, Protocol.Tcp)) with
        {
            Addresses = [],
            Endpoints = [new ExternalEndpoint { Address = "203.0.113.7", ServiceAccount = "ledger" }],
        };
        var result = Translator.Translate(Model(Canary(), enrolled));
        var route = Assert.Single(result.Resources.OfType<GatewayResources.TcpRoute>(), r => r.Metadata.Name == "db");
        Assert.Equal(("Service", "ledger"), (Assert.Single(route.Spec.ParentRefs!).Kind, route.Spec.ParentRefs![0].Name));
        Assert.DoesNotContain(result.Resources.OfType<EgressNetwork>(), n => n.Metadata.Name == "ledger");
    }

    /// <summary>The sample the strict schema suites check writes TCPRoutes on EgressNetworks with Service backends, and reads them back.</summary>
    [Fact]
    public void TheEgressRoutesSample_WritesRoutingTcpRoutes_ThatRoundTrip()
    {
        var model = Generators.Samples.EgressRoutes;
        var result = Translator.Translate(model);
        var routes = result.Resources.OfType<GatewayResources.TcpRoute>().Where(r => r.Metadata.Name is "db-canary" or "cache-local").ToList();
        Assert.Equal(2, routes.Count);
        Assert.All(routes, r => Assert.All(r.Spec.ParentRefs!, p => Assert.Equal("EgressNetwork", p.Kind)));
        Assert.Contains(routes, r => r.Spec.Rules![0].BackendRefs!.Any(b => b is { Name: "cache-local", Namespace: "data", Port: 6379 }));
        Assert.DoesNotContain(result.Diagnostics, d => d.Path.StartsWith("$.spec.tcpRoutes", StringComparison.Ordinal) && d.Severity >= DiagnosticSeverity.Warning);
        var back = Translator.ImportYaml(Translator.WriteYaml(result.Resources), "back.yaml").Config!;
        Assert.Equal(model.Normalize().TcpRoutes, back.TcpRoutes);
    }

    // ---- Import ----

    private const string Network = """
        apiVersion: policy.linkerd.io/v1alpha1
        kind: EgressNetwork
        metadata: { namespace: shop, name: ledger }
        spec: { trafficPolicy: Deny, networks: [{ cidr: 203.0.113.7/32 }] }
        """;

    [Fact]
    public void ATcpRouteThatSplits_ReadsAsATcpRouteOnTheExternalService()
    {
        var result = Translator.ImportYaml(Network + """

            ---
            apiVersion: gateway.networking.k8s.io/v1alpha2
            kind: TCPRoute
            metadata: { name: db, namespace: shop }
            spec:
              parentRefs: [{ name: ledger, kind: EgressNetwork, group: policy.linkerd.io, port: 5432 }]
              rules:
                - backendRefs:
                    - { kind: EgressNetwork, group: policy.linkerd.io, name: ledger, weight: 3 }
                    - { name: replica, port: 5432, weight: 1 }
            """, "in.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var config = result.Config!;
        var external = Assert.Single(config.ExternalServices);
        Assert.Equal(("ledger", 5432, Protocol.Tcp), (external.Name, external.Ports.Single().Port, external.Ports[0].Protocol));
        var route = Assert.Single(config.TcpRoutes);
        Assert.Equal(("db", "shop", Ledger, (int?)5432), (route.Name, route.Namespace, route.Host, route.Port));
        // Weights are read as shares of 100.
        Assert.Equal([(Ledger, (int?)null, 75), (Replica, (int?)5432, 25)], route.Backends.Select(b => (b.Service, b.Port, b.Weight)));
        Assert.Contains(config.Services, s => s.Name == "replica" && s.Ports.Single().Protocol == Protocol.Tcp);
    }

    [Fact]
    public void ATcpRouteToAServiceOnly_ReadsAsATcpRoute_TheExternalServiceKeepsThePort()
    {
        var result = Translator.ImportYaml(Network + """

            ---
            apiVersion: gateway.networking.k8s.io/v1alpha2
            kind: TCPRoute
            metadata: { name: to-replica, namespace: shop }
            spec:
              parentRefs:
                - { name: ledger, kind: EgressNetwork, group: policy.linkerd.io, port: 5432 }
                - { name: ledger, kind: EgressNetwork, group: policy.linkerd.io, port: 6379 }
              rules: [{ backendRefs: [{ name: replica, port: 5432 }] }]
            """, "in.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Equal([5432, 6379], Assert.Single(result.Config!.ExternalServices).Ports.Select(p => p.Port));
        var route = Assert.Single(result.Config.TcpRoutes);
        // On every TCP port of the service: no port.
        Assert.Equal(("to-replica", (int?)null), (route.Name, route.Port));
        Assert.Equal(Replica, Assert.Single(route.Backends).Service);
    }

    [Fact]
    public void OnANetworkWithoutNetworks_ARoutingTcpRoute_IsReported()
    {
        var result = Translator.ImportYaml("""
            apiVersion: policy.linkerd.io/v1alpha1
            kind: EgressNetwork
            metadata: { namespace: shop, name: all-egress-traffic }
            spec: { trafficPolicy: Deny }
            ---
            apiVersion: gateway.networking.k8s.io/v1alpha2
            kind: TCPRoute
            metadata: { name: db, namespace: shop }
            spec:
              parentRefs: [{ name: all-egress-traffic, kind: EgressNetwork, group: policy.linkerd.io, port: 5432 }]
              rules: [{ backendRefs: [{ name: replica, port: 5432 }] }]
            """, "in.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Config!.TcpRoutes);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "in.yaml#1 $.spec");
    }

    [Fact]
    public void ABackendPortOnTheNetwork_ASecondRouteOnAPort_AndAnotherNetworkAsBackend_AreReported()
    {
        var result = Translator.ImportYaml(Network + """

            ---
            apiVersion: gateway.networking.k8s.io/v1alpha2
            kind: TCPRoute
            metadata: { name: db, namespace: shop }
            spec:
              parentRefs: [{ name: ledger, kind: EgressNetwork, group: policy.linkerd.io, port: 5432 }]
              rules:
                - backendRefs:
                    - { kind: EgressNetwork, group: policy.linkerd.io, name: ledger, port: 5432, weight: 1 }
                    - { kind: EgressNetwork, group: policy.linkerd.io, name: elsewhere }
                    - { name: replica, port: 5432, weight: 1 }
            ---
            apiVersion: gateway.networking.k8s.io/v1alpha2
            kind: TCPRoute
            metadata: { name: db2, namespace: shop }
            spec:
              parentRefs: [{ name: ledger, kind: EgressNetwork, group: policy.linkerd.io, port: 5432 }]
              rules: [{ backendRefs: [{ name: replica, port: 5432 }] }]
            """, "in.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var route = Assert.Single(result.Config!.TcpRoutes);
        Assert.Equal("db", route.Name);
        Assert.Equal([Ledger, Replica], route.Backends.Select(b => b.Service));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "in.yaml#1 $.spec.rules[0].backendRefs[0].port");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "in.yaml#1 $.spec.rules[0].backendRefs[1]");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "in.yaml#2 $.spec.rules");
    }

    [Fact]
    public void ARoutingTcpRouteOnSomeOfThreeTcpPorts_IsReadForEveryTcpPort_AndSaysSo()
    {
        var result = Translator.ImportYaml(Network + """

            ---
            apiVersion: gateway.networking.k8s.io/v1alpha2
            kind: TCPRoute
            metadata: { name: ledger-9000, namespace: shop }
            spec:
              parentRefs: [{ name: ledger, kind: EgressNetwork, group: policy.linkerd.io, port: 9000 }]
              rules: [{ backendRefs: [{ kind: EgressNetwork, group: policy.linkerd.io, name: ledger }] }]
            ---
            apiVersion: gateway.networking.k8s.io/v1alpha2
            kind: TCPRoute
            metadata: { name: db, namespace: shop }
            spec:
              parentRefs:
                - { name: ledger, kind: EgressNetwork, group: policy.linkerd.io, port: 5432 }
                - { name: ledger, kind: EgressNetwork, group: policy.linkerd.io, port: 6379 }
              rules: [{ backendRefs: [{ name: replica, port: 5432 }] }]
            """, "in.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Null(Assert.Single(result.Config!.TcpRoutes).Port);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "in.yaml#2 $.spec.parentRefs" && d.Message.Contains("9000", StringComparison.Ordinal));
    }
}
