using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.Linkerd.Resources;
using GatewayResources = Mesh.Providers.GatewayApi.Resources;

namespace Mesh.Providers.Linkerd.Tests.Egress;

/// <summary>
/// TCP ports of external services: a <c>v1alpha2</c> TCPRoute on the service's own EgressNetwork when it has addresses
/// (which limit the destination), reported when it is named by host only (a TCPRoute on the namespace's shared network
/// would let every destination out on the port); and the reverse on import.
/// </summary>
public sealed class EgressTcpRouteTests
{
    private static readonly LinkerdTranslator Translator = new();

    private static ServicePort Port(int port, Protocol protocol, string? name = null) => new() { Port = port, Protocol = protocol, Name = name };

    private static ExternalService Ledger(params ServicePort[] ports) => new()
    {
        Name = "ledger", Namespace = "shop", Hosts = ["ledger.example.com"], Ports = [.. ports], Resolution = Resolution.Static, Addresses = ["203.0.113.7", "2001:db8::/48"],
    };

    private static Mesh.Translation.TranslationResult Translate(params ExternalService[] services) =>
        Translator.Translate(new MeshConfig { Name = "m", ExternalServices = [.. services] });

    private static List<Diagnostic> Warnings(IEnumerable<Diagnostic> diagnostics) => [.. diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning)];

    // ---- Export ----

    [Fact]
    public void ATcpPortWithAddresses_IsAV1Alpha2TcpRoute_WhoseParentAndBackendAreTheOwnNetwork()
    {
        var result = Translate(Ledger(Port(5432, Protocol.Tcp), Port(443, Protocol.Tls)));
        Assert.Empty(Warnings(result.Diagnostics));
        var network = Assert.Single(result.Resources.OfType<EgressNetwork>());
        Assert.Equal(("ledger", "Deny"), (network.Metadata.Name, network.Spec.TrafficPolicy));
        Assert.Equal(["203.0.113.7/32", "2001:db8::/48"], network.Spec.Networks!.Select(n => n.Cidr));

        var tcp = Assert.Single(result.Resources.OfType<GatewayResources.TcpRoute>());
        Assert.Equal(("gateway.networking.k8s.io/v1alpha2", "TCPRoute", "ledger-5432", "shop"), (tcp.ApiVersion, tcp.Kind, tcp.Metadata.Name, tcp.Metadata.NamespaceProperty));
        var parent = Assert.Single(tcp.Spec.ParentRefs!);
        Assert.Equal(("policy.linkerd.io", "EgressNetwork", "shop", "ledger", (int?)5432), (parent.Group, parent.Kind, parent.Namespace, parent.Name, parent.Port));
        var backend = Assert.Single(Assert.Single(tcp.Spec.Rules!).BackendRefs!);
        Assert.Equal(("policy.linkerd.io", "EgressNetwork", "ledger", (int?)null, (string?)null, (int?)null), (backend.Group, backend.Kind, backend.Name, backend.Port, backend.Namespace, backend.Weight));
        // The TLS port keeps its TLSRoute with the hosts; the TCPRoute has none to carry.
        Assert.Equal(["ledger.example.com"], Assert.Single(result.Resources.OfType<GatewayResources.TlsRoute>()).Spec.Hostnames!);
    }

    [Fact]
    public void TheWrittenTcpRoute_IsYamlWithoutHostnames()
    {
        var yaml = Translator.WriteYaml(Translate(Ledger(Port(5432, Protocol.Tcp))).Resources);
        var document = yaml.Split("---", StringSplitOptions.RemoveEmptyEntries).Single(d => d.Contains("kind: TCPRoute", StringComparison.Ordinal));
        Assert.Contains("apiVersion: gateway.networking.k8s.io/v1alpha2", document, StringComparison.Ordinal);
        Assert.DoesNotContain("hostnames", document, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyTcpPorts_WithHostsOtherThanTheName_ReportTheHosts_TheNetworkIsStillDeny()
    {
        var result = Translate(Ledger(Port(5432, Protocol.Tcp), Port(6379, Protocol.Tcp)));
        Assert.Equal("Deny", Assert.Single(result.Resources.OfType<EgressNetwork>()).Spec.TrafficPolicy);
        Assert.Equal(["ledger-5432", "ledger-6379"], result.Resources.OfType<GatewayResources.TcpRoute>().Select(r => r.Metadata.Name));
        var hosts = Assert.Single(Warnings(result.Diagnostics));
        Assert.Equal((DiagnosticCodes.Approximated, "$.spec.externalServices[0].hosts"), (hosts.Code, hosts.Path));
        Assert.Contains("ledger.example.com", hosts.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyTcpPorts_WithTheNameAsTheHost_ReportNothing()
    {
        var result = Translate(Ledger(Port(5432, Protocol.Tcp)) with { Hosts = ["ledger"] });
        Assert.Empty(Warnings(result.Diagnostics));
        Assert.Single(result.Resources.OfType<GatewayResources.TcpRoute>());
    }

    [Fact]
    public void ATcpPortName_OtherThanTheDerivedOne_IsReported()
    {
        var named = Translate(Ledger(Port(5432, Protocol.Tcp, "postgres")) with { Hosts = ["ledger"] });
        Assert.Contains(named.Diagnostics, d => d.Code == DiagnosticCodes.Approximated && d.Path == "$.spec.externalServices[0].ports[0].name" && d.Message.Contains("'tcp-5432'", StringComparison.Ordinal));
        var derived = Translate(Ledger(Port(5432, Protocol.Tcp, "tcp-5432")) with { Hosts = ["ledger"] });
        Assert.Empty(Warnings(derived.Diagnostics));
    }

    [Fact]
    public void ATcpRouteNameTakenByAMeshTcpRoute_GivesTheForwardingRouteOfAnOwnNetworkTheNextFreeName()
    {
        // The TCPRoute that lets an own network's port leave is read back by its parent, not its name: it gives way.
        var db = new MeshService { Name = "db", Namespace = "shop", Ports = [Port(5432, Protocol.Tcp)] };
        var model = new MeshConfig
        {
            Name = "m",
            Services = [db],
            TcpRoutes = [new TcpRoute { Name = "ledger-5432", Namespace = "shop", Host = db.Reference, Port = 5432, Backends = [new WeightedBackend { Service = db.Reference, Port = 5432 }] }],
            ExternalServices = [Ledger(Port(5432, Protocol.Tcp), Port(443, Protocol.Tls))],
        };
        var result = Translator.Translate(model);
        var tcp = result.Resources.OfType<GatewayResources.TcpRoute>().ToDictionary(r => r.Metadata.Name);
        Assert.Equal("Service", Assert.Single(tcp["ledger-5432"].Spec.ParentRefs!).Kind);
        Assert.Equal(("EgressNetwork", "ledger", (int?)5432), (Assert.Single(tcp["ledger-5432-2"].Spec.ParentRefs!).Kind, tcp["ledger-5432-2"].Spec.ParentRefs![0].Name, tcp["ledger-5432-2"].Spec.ParentRefs![0].Port));
        Assert.Equal("Deny", Assert.Single(result.Resources.OfType<EgressNetwork>()).Spec.TrafficPolicy);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported);
    }

    [Fact]
    public void InOneNamespace_TheAddressServicesTcpPortIsWritten_TheHostOnlyServicesIsNot()
    {
        var byHost = new ExternalService { Name = "pg", Namespace = "shop", Hosts = ["pg.example.com"], Ports = [Port(5432, Protocol.Tcp), Port(443, Protocol.Tls)], Resolution = Resolution.Dns };
        var result = Translate(byHost, Ledger(Port(5432, Protocol.Tcp)) with { Hosts = ["ledger"] });
        var tcp = Assert.Single(result.Resources.OfType<GatewayResources.TcpRoute>());
        Assert.Equal(("ledger-5432", "ledger"), (tcp.Metadata.Name, tcp.Spec.ParentRefs![0].Name));
        Assert.Equal([("all-egress-traffic", "Allow"), ("ledger", "Deny")], result.Resources.OfType<EgressNetwork>().Select(n => (n.Metadata.Name, n.Spec.TrafficPolicy)));
        var reported = Assert.Single(Warnings(result.Diagnostics));
        Assert.Equal((DiagnosticCodes.Unsupported, "$.spec.externalServices[0].ports[0]"), (reported.Code, reported.Path));
    }

    [Fact]
    public void TcpPorts_RoundTrip_WithTheOtherPortsOfTheService()
    {
        var model = new MeshConfig { Name = "imported", ExternalServices = [Ledger(Port(5432, Protocol.Tcp), Port(443, Protocol.Tls), Port(8080, Protocol.Http))] };
        var back = Translator.ImportYaml(Translator.WriteYaml(Translator.Translate(model).Resources), "back.yaml");
        Assert.Empty(Warnings(back.Diagnostics));
        Assert.Equal(model.Normalize(), back.Config);
    }

    /// <summary>The strict schema suites validate the egress sample's output: it must hold TCPRoutes on EgressNetworks.</summary>
    [Fact]
    public void TheEgressSample_WritesTcpRoutesWhoseParentIsAnEgressNetwork()
    {
        var tcp = Translator.Translate(Generators.Samples.Egress).Resources.OfType<GatewayResources.TcpRoute>().ToList();
        Assert.Equal(["cache-26379", "cache-6379", "db-5432"], tcp.Select(r => r.Metadata.Name));
        Assert.All(tcp, r => Assert.Equal(("EgressNetwork", "gateway.networking.k8s.io/v1alpha2"), (r.Spec.ParentRefs![0].Kind, r.ApiVersion)));
    }

    // ---- Import ----

    private const string LedgerNetwork = """
        apiVersion: policy.linkerd.io/v1alpha1
        kind: EgressNetwork
        metadata: { namespace: shop, name: ledger }
        spec: { trafficPolicy: Deny, networks: [{ cidr: 203.0.113.7/32 }] }

        """;

    private const string SharedNetwork = """
        apiVersion: policy.linkerd.io/v1alpha1
        kind: EgressNetwork
        metadata: { namespace: shop, name: all-egress-traffic }
        spec: { trafficPolicy: Deny }

        """;

    private static string TcpRoute(string name, int port, string network = "ledger", string? rules = null, string apiVersion = "gateway.networking.k8s.io/v1alpha2") =>
        "---\n"
        + $"apiVersion: {apiVersion}\n"
        + "kind: TCPRoute\n"
        + "metadata: { name: " + name + ", namespace: shop }\n"
        + "spec:\n"
        + "  parentRefs: [{ name: " + network + ", kind: EgressNetwork, group: policy.linkerd.io, port: " + port + " }]\n"
        + "  rules: " + (rules ?? "[{ backendRefs: [{ kind: EgressNetwork, group: policy.linkerd.io, name: " + network + " }] }]") + "\n";

    private static string TlsRoute(string name, int port, string host, string network = "ledger") =>
        "---\n"
        + "apiVersion: gateway.networking.k8s.io/v1alpha2\n"
        + "kind: TLSRoute\n"
        + "metadata: { name: " + name + ", namespace: shop }\n"
        + "spec:\n"
        + $"  hostnames: [{host}]\n"
        + "  parentRefs: [{ name: " + network + ", kind: EgressNetwork, group: policy.linkerd.io, port: " + port + " }]\n"
        + "  rules: [{ backendRefs: [{ kind: EgressNetwork, group: policy.linkerd.io, name: " + network + " }] }]\n";

    [Fact]
    public void ATcpRouteOnAnAddressNetwork_IsATcpPort_TheHostsComeFromTheOtherRoutes()
    {
        var result = Translator.ImportYaml(LedgerNetwork + TcpRoute("ledger-5432", 5432) + TlsRoute("ledger-443", 443, "ledger.example.com"), "in.yaml");
        Assert.Empty(Warnings(result.Diagnostics));
        var external = Assert.Single(result.Config!.ExternalServices);
        Assert.Equal(new ExternalService
        {
            Name = "ledger", Namespace = "shop", Hosts = ["ledger.example.com"], Resolution = Resolution.Static, Addresses = ["203.0.113.7"],
            Ports = [Port(443, Protocol.Tls, "tls-443"), Port(5432, Protocol.Tcp, "tcp-5432")],
        }, external);
        Assert.Empty(result.Config.TcpRoutes);
    }

    [Fact]
    public void OnlyTcpRoutesOnAnAddressNetwork_GiveTheNetworksNameAsTheHost()
    {
        var result = Translator.ImportYaml(LedgerNetwork + TcpRoute("postgres", 5432), "in.yaml");
        Assert.Empty(Warnings(result.Diagnostics));
        var external = Assert.Single(result.Config!.ExternalServices);
        Assert.Equal(["ledger"], external.Hosts);
        Assert.Equal([(5432, Protocol.Tcp)], external.Ports.Select(p => (p.Port, p.Protocol)));
        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Info && d.Path == "in.yaml#0 $.metadata.name" && d.Message.Contains("TCPRoute", StringComparison.Ordinal));
    }

    [Fact]
    public void ATcpRouteOnTheNamespacesNetwork_IsReported_ItWouldLetEveryDestinationOut()
    {
        var result = Translator.ImportYaml(SharedNetwork + TcpRoute("pg-5432", 5432, network: "all-egress-traffic") + TlsRoute("stripe-443", 443, "api.stripe.com", network: "all-egress-traffic"), "in.yaml");
        var external = Assert.Single(result.Config!.ExternalServices);
        Assert.Equal(("stripe", Protocol.Tls), (external.Name, Assert.Single(external.Ports).Protocol));
        var reported = Assert.Single(result.Diagnostics, d => d.Path == "in.yaml#1 $.spec");
        Assert.Equal(DiagnosticCodes.FieldNotImported, reported.Code);
        Assert.Contains("every destination outside the cluster", reported.Message, StringComparison.Ordinal);
        Assert.Contains("port 5432", reported.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyATcpRouteOnTheNamespacesNetwork_ImportsNoExternalService_TheNetworkIsTheOutboundPolicy()
    {
        var result = Translator.ImportYaml(SharedNetwork + TcpRoute("pg-5432", 5432, network: "all-egress-traffic"), "in.yaml");
        Assert.Empty(result.Config!.ExternalServices);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "in.yaml#1 $.spec");
        Assert.Equal(OutboundMode.RegistryOnly, Assert.Single(result.Config.Outbound).Mode);
    }

    [Fact]
    public void ATcpRouteBesideATlsRouteOnOnePort_IsShadowed_AndReported()
    {
        var result = Translator.ImportYaml(LedgerNetwork + TcpRoute("ledger-443", 443) + TlsRoute("tls-443", 443, "ledger.example.com"), "in.yaml");
        var external = Assert.Single(result.Config!.ExternalServices);
        Assert.Equal((443, Protocol.Tls), (Assert.Single(external.Ports).Port, external.Ports[0].Protocol));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "in.yaml#1 $.spec.parentRefs[0]" && d.Message.Contains("has TLSRoutes, so this TCPRoute", StringComparison.Ordinal));
    }

    [Fact]
    public void ATcpRouteWithoutExactlyOneRule_AppliesToNothing_AndIsReported()
    {
        var result = Translator.ImportYaml(
            LedgerNetwork
            + TcpRoute("two-5432", 5432, rules: "[{ backendRefs: [{ kind: EgressNetwork, group: policy.linkerd.io, name: ledger }] }, { backendRefs: [{ name: internal, port: 5432 }] }]")
            + TcpRoute("none-6379", 6379, rules: "[]"),
            "in.yaml");
        Assert.Empty(result.Config!.ExternalServices);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "in.yaml#1 $.spec.rules" && d.Message.Contains("has 2", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "in.yaml#2 $.spec.rules" && d.Message.Contains("has 0", StringComparison.Ordinal));
        // Without a route the Deny network lets nothing through: reported too.
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "in.yaml#0 $.spec");
    }

    [Fact]
    public void ATcpRouteToAServiceInstead_IsATcpRouteOnTheExternalService_WhosePortItKeeps()
    {
        var result = Translator.ImportYaml(LedgerNetwork + TcpRoute("ledger-5432", 5432, rules: "[{ backendRefs: [{ name: internal-egress, port: 5432 }] }]") + TlsRoute("ledger-443", 443, "ledger.example.com"), "in.yaml");
        Assert.Equal([443, 5432], Assert.Single(result.Config!.ExternalServices).Ports.Select(p => p.Port));
        var route = Assert.Single(result.Config.TcpRoutes);
        Assert.Equal((new ServiceRef("ledger", "shop"), (int?)5432), (route.Host, route.Port));
        Assert.Equal((new ServiceRef("internal-egress", "shop"), (int?)5432), (Assert.Single(route.Backends).Service, route.Backends[0].Port));
        Assert.Empty(Warnings(result.Diagnostics));
    }

    [Fact]
    public void AV1TcpRouteOnAnEgressNetwork_IsReadWithAVersionNote_NotAsAMeshTcpRoute()
    {
        var result = Translator.ImportYaml(LedgerNetwork + TcpRoute("ledger-5432", 5432, apiVersion: "gateway.networking.k8s.io/v1"), "in.yaml");
        Assert.Equal([(5432, Protocol.Tcp)], Assert.Single(result.Config!.ExternalServices).Ports.Select(p => (p.Port, p.Protocol)));
        Assert.Empty(result.Config.TcpRoutes);
        Assert.Contains(result.Diagnostics, d => d.Path.StartsWith("in.yaml#1 ", StringComparison.Ordinal) && d.Message.Contains("v1alpha2", StringComparison.Ordinal));
        Assert.Empty(Warnings(result.Diagnostics));
    }

    [Fact]
    public void RetryAnnotationsAndAServiceParentOfAnEgressTcpRoute_AreReported()
    {
        var result = Translator.ImportYaml(LedgerNetwork + """
            ---
            apiVersion: gateway.networking.k8s.io/v1alpha2
            kind: TCPRoute
            metadata:
              name: ledger-5432
              namespace: shop
              annotations: { timeout.linkerd.io/request: 2s }
            spec:
              parentRefs:
              - { name: ledger, kind: EgressNetwork, group: policy.linkerd.io, port: 5432 }
              - { name: db, kind: Service, group: core, port: 5432 }
              rules: [{ backendRefs: [{ kind: EgressNetwork, group: policy.linkerd.io, name: ledger }] }]
            """, "in.yaml");
        Assert.Single(result.Config!.ExternalServices);
        Assert.Empty(result.Config.TcpRoutes);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "in.yaml#1 $.metadata.annotations['timeout.linkerd.io/request']");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "in.yaml#1 $.spec.parentRefs[1]");
    }
}
