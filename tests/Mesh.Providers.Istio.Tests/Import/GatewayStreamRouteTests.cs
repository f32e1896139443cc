using Mesh.Diagnostics;
using Mesh.Model;
using VirtualService = Mesh.Providers.Istio.Resources.VirtualService;

namespace Mesh.Providers.Istio.Tests.Import;

/// <summary>Gateway TLS and TCP routes ↔ VirtualServices with <c>gateways</c> and <c>tls</c> / <c>tcp</c> rules.</summary>
public sealed class GatewayStreamRouteTests
{
    private static readonly IstioTranslator Translator = new();

    private static readonly ServiceRef Db = new("db", "data");
    private static readonly ServiceRef DbNext = new("db-next", "data");

    private static readonly MeshConfig Model = new()
    {
        Name = "imported",
        Services =
        [
            new MeshService { Name = "db", Namespace = "data", Selector = new Dictionary<string, string> { ["app"] = "db" }, Ports = [new ServicePort { Name = "tls", Port = 8443, Protocol = Protocol.Tls }] },
            new MeshService { Name = "db-next", Namespace = "data", Selector = new Dictionary<string, string> { ["app"] = "db-next" }, Ports = [new ServicePort { Name = "tls", Port = 8443, Protocol = Protocol.Tls }] },
        ],
        Gateways =
        [
            new Gateway
            {
                Name = "public", Namespace = "edge", Workloads = new Dictionary<string, string> { ["istio"] = "ingressgateway" },
                Listeners =
                [
                    new GatewayListener { Name = "tls", Port = 443, Protocol = ListenerProtocol.Tls, Hosts = ["*.example.com"], Tls = new GatewayTls { Mode = GatewayTlsMode.Passthrough } },
                    new GatewayListener { Name = "tls-term", Port = 8443, Protocol = ListenerProtocol.Tls, Hosts = ["pg.example.com"], Tls = new GatewayTls { CredentialName = "pg-cert" } },
                    new GatewayListener { Name = "pg", Port = 5432, Protocol = ListenerProtocol.Tcp },
                ],
            },
        ],
        GatewayTlsRoutes =
        [
            new GatewayTlsRoute
            {
                Name = "db", Namespace = "edge", Gateways = [new GatewayRef { Name = "public", Namespace = "edge", Listener = "tls" }],
                Hostnames = ["db.example.com"], Backends = [new WeightedBackend { Service = Db, Weight = 90 }, new WeightedBackend { Service = DbNext, Weight = 10 }],
            },
            new GatewayTlsRoute
            {
                Name = "pg-tls", Namespace = "edge", Gateways = [new GatewayRef { Name = "public", Namespace = "edge", Listener = "tls-term" }],
                Hostnames = ["pg.example.com"], Backends = [new WeightedBackend { Service = Db, Weight = 100 }],
            },
        ],
        GatewayTcpRoutes =
        [
            new GatewayTcpRoute { Name = "pg", Namespace = "edge", Gateways = [new GatewayRef { Name = "public", Namespace = "edge" }], Backends = [new WeightedBackend { Service = DbNext, Port = 8443, Weight = 100 }] },
        ],
    };

    [Fact]
    public void Translate_WritesTlsRulesBySni_TcpRulesByPort_AndReadsThemBack()
    {
        var result = Translator.Translate(Model);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var byName = result.Resources.OfType<VirtualService>().ToDictionary(v => v.Metadata.Name);
        Assert.Equal(["db", "pg", "pg-tls"], byName.Keys.Order(StringComparer.Ordinal));

        var db = byName["db"].Spec;
        Assert.Equal(["db.example.com"], db.Hosts!);
        Assert.Equal(["public"], db.Gateways!);
        Assert.Null(db.Tcp);
        var match = Assert.Single(Assert.Single(db.Tls!).Match!);
        Assert.Equal(["db.example.com"], match.SniHosts!);
        Assert.Equal(443, match.Port);
        Assert.Equal(["public"], match.Gateways!);
        Assert.Equal([90, 10], db.Tls![0].Route!.Select(r => r.Weight ?? 0));
        Assert.Equal("db.data.svc.cluster.local", db.Tls[0].Route![0].Destination!.Host);

        // Terminated TLS is routed by a tcp rule on the listener's port.
        var terminated = byName["pg-tls"].Spec;
        Assert.Null(terminated.Tls);
        Assert.Equal(8443, Assert.Single(Assert.Single(terminated.Tcp!).Match!).Port);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Approximated && d.Path == "$.spec.gatewayTlsRoutes[1].hostnames");

        var tcp = byName["pg"].Spec;
        Assert.Equal(["*"], tcp.Hosts!);
        var tcpMatch = Assert.Single(Assert.Single(tcp.Tcp!).Match!);
        Assert.Null(tcpMatch.Port);
        Assert.Equal(["public"], tcpMatch.Gateways!);
        Assert.Equal(8443, tcp.Tcp![0].Route![0].Destination!.Port!.Number);

        var back = Translator.ImportYaml(Translator.WriteYaml(result.Resources), "istio.yaml");
        Assert.False(back.HasErrors, string.Join("\n", back.Diagnostics));
        Assert.Equal(Model.Normalize().GatewayTlsRoutes, back.Config!.GatewayTlsRoutes);
        Assert.Equal(Model.Normalize().GatewayTcpRoutes, back.Config.GatewayTcpRoutes);
    }

    [Fact]
    public void Import_TlsAndTcpRulesAtGateways_BecomeGatewayRoutes_AndWhatCannotBindIsReported()
    {
        const string Yaml = """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: { name: public, namespace: edge }
            spec:
              selector: { istio: ingressgateway }
              servers:
                - port: { number: 443, name: tls, protocol: TLS }
                  hosts: ["*"]
                  tls: { mode: PASSTHROUGH }
                - port: { number: 5432, name: pg, protocol: TCP }
                  hosts: ["*"]
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: { name: edge-l4, namespace: edge }
            spec:
              hosts: [db.example.com, "*"]
              gateways: [public, elsewhere]
              tls:
                - match: [{ sniHosts: [db.example.com], port: 443 }, { sniHosts: ["*"], port: 443 }]
                  route: [{ destination: { host: db.data.svc.cluster.local, port: { number: 8443 } } }]
                - match: [{ sniHosts: [api.example.com], port: 9999 }]
                  route: [{ destination: { host: db.data.svc.cluster.local, port: { number: 8443 } } }]
              tcp:
                - match: [{ port: 5432 }]
                  route: [{ destination: { host: db.data.svc.cluster.local, port: { number: 8443 } } }]
            """;
        var result = Translator.ImportYaml(Yaml, "edge.yaml");

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var tls = Assert.Single(result.Config!.GatewayTlsRoutes);
        Assert.Equal(("edge-l4", "tls"), (tls.Name, tls.Gateways.Single().Listener));
        Assert.Equal(["db.example.com"], tls.Hostnames);
        var tcp = Assert.Single(result.Config.GatewayTcpRoutes);
        Assert.Equal(("edge-l4", "pg"), (tcp.Name, tcp.Gateways.Single().Listener));
        Assert.Equal(new WeightedBackend { Service = Db, Port = 8443, Weight = 100 }, tcp.Backends.Single());
        Assert.Contains(result.Diagnostics, d => d.Path == "edge.yaml#1 $.spec.tls[0].match[1].sniHosts[0]");
        Assert.Contains(result.Diagnostics, d => d.Path == "edge.yaml#1 $.spec.tls[1].match[0]");
        Assert.Contains(result.Diagnostics, d => d.Path == "edge.yaml#1 $.spec.tls[1]");
        Assert.Contains(result.Diagnostics, d => d.Path == "edge.yaml#1 $.spec.gateways[1]");
        Assert.DoesNotContain(result.Diagnostics, d => d.Path == "edge.yaml#1 $.spec.tcp");
    }

    [Fact]
    public void Import_TlsRulesForTheSidecars_AreReported()
    {
        const string Yaml = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: { name: db, namespace: data }
            spec:
              hosts: [db.data.svc.cluster.local]
              tls:
                - match: [{ sniHosts: [db.data.svc.cluster.local] }]
                  route: [{ destination: { host: db.data.svc.cluster.local } }]
            """;
        var result = Translator.ImportYaml(Yaml, "db.yaml");

        Assert.Contains(result.Diagnostics, d => d.Path == "db.yaml#0 $.spec.tls" && d.Severity >= DiagnosticSeverity.Warning);
        Assert.Empty(result.Config?.GatewayTlsRoutes ?? []);
    }
}
