using Mesh.Collections;
using Mesh.Model;
using Mesh.Providers.Conformance.Schema;
using Mesh.Providers.Conformance.Support;
using Mesh.Translation;
using static Mesh.Providers.AppMesh.Tests.Export.Models;

namespace Mesh.Providers.AppMesh.Tests.Export;

/// <summary>The App Mesh resources written for edge-case example models validate strictly against the upstream CRDs (generated models: <c>AppMeshSchema</c>).</summary>
public sealed class SchemaCheckTests
{
    private static readonly Lazy<CrdSchemaSet> Schemas = new(() => new CrdSchemaSet(Conformance.AppMeshCrds.Written.Select(ConformancePaths.Require).ToList()));

    private static List<string> Problems(MeshConfig model, AppMeshOptions? options = null)
    {
        var translator = new AppMeshTranslator(options ?? new AppMeshOptions());
        var result = translator.Translate(model, new TranslationOptions { Services = ServiceOutput.None });
        var problems = new List<string>();
        foreach (var resource in YamlJson.Documents(translator.WriteYaml(result.Resources)))
        {
            foreach (var problem in Schemas.Value.Validate(resource)) problems.Add($"{resource["kind"]}/{resource["metadata"]?["name"]} {problem}");
        }
        return problems;
    }

    public static TheoryData<string> Examples => ["canary", "multiport", "mtls", "egress", "implicit", "policies", "gateway"];

    private static MeshConfig Example(string name) => name switch
    {
        "canary" => Routed(
            Rule(To(Reviews, "v1", 333), To(Reviews, "v2", 667), To(Reviews, "v3", 1000)) with { Retry = new RetryPolicy { Attempts = 2 }, Timeout = TimeSpan.FromMilliseconds(1500), Matches = [new HttpMatch { Method = "GET", Headers = [ValueMatch.Absent("x-a"), ValueMatch.Present("x-b")], QueryParams = [ValueMatch.Exact("q", "1")] }] },
            Rule(To(Reviews))),
        "multiport" => new MeshConfig
        {
            Name = "shop",
            Services = [new MeshService { Name = "api", Namespace = "shop", Ports = [Http(8080), Port(8081, Protocol.Http2), Port(9090, Protocol.Grpc), Port(5432, Protocol.Tcp)], Subsets = [Version("v1"), Version("v2")] }],
            Routes = [new HttpRoute { Name = "api", Namespace = "shop", Host = new ServiceRef("api", "shop"), Rules = [new HttpRouteRule { Matches = [new HttpMatch { Path = PathMatch.Exact("/a.B/C") }], Backends = [To(new ServiceRef("api", "shop"), "v2")], Retry = new RetryPolicy { Attempts = 1, On = [RetryCondition.Unavailable, RetryCondition.ServerError] } }] }],
            TcpRoutes = [new TcpRoute { Name = "db", Namespace = "shop", Host = new ServiceRef("api", "shop"), Backends = [To(new ServiceRef("api", "shop"), "v1")] }],
        },
        "implicit" => new MeshConfig { Name = "shop", Services = [new MeshService { Name = "api", Namespace = "shop", Ports = [Http(8080), Port(5432, Protocol.Tcp)], Subsets = [Version("v1"), Version("v2")] }] },
        "mtls" => Routed(Rule(To(Reviews, "v1"))) with { Mtls = [new MtlsPolicy { Scope = MtlsScope.Mesh, Mode = MtlsMode.Permissive }, new MtlsPolicy { Scope = MtlsScope.ForNamespace("bookinfo"), Mode = MtlsMode.Strict }] },
        "egress" => Routed(Rule(To(Reviews, "v1"))) with { ExternalServices = [new ExternalService { Name = "pay", Namespace = "bookinfo", Hosts = ["api.pay.example"], Ports = [Port(443, Protocol.Tls), Http(80)] }] },
        "gateway" => GatewayExportTests.Edge(
            new Gateway
            {
                Name = "public",
                Namespace = "edge",
                Workloads = new Dictionary<string, string> { ["app"] = "ingress" }.ToEquatableMap(),
                Listeners =
                [
                    new GatewayListener { Name = "web", Port = 80, Protocol = ListenerProtocol.Http, Hosts = ["*.example.com"] },
                    new GatewayListener { Name = "files", Port = 443, Protocol = ListenerProtocol.Https, Tls = new GatewayTls { Mode = GatewayTlsMode.Mutual, Files = new CertificateFiles { CertificateChain = "/c.pem", PrivateKey = "/k.pem", CaCertificates = "/ca.pem" }, SubjectAltNames = ["client.example.com"] } },
                    new GatewayListener { Name = "sds", Port = 8443, Protocol = ListenerProtocol.Https, Tls = new GatewayTls { Mode = GatewayTlsMode.Mutual, CredentialName = "shop-cert" } },
                ],
            },
            new GatewayRoute
            {
                Name = "shop",
                Namespace = "bookinfo",
                Gateways = [new GatewayRef { Name = "public", Namespace = "edge" }],
                Hostnames = ["shop.example.com", "*.example.org"],
                Rules =
                [
                    Rule(To(Reviews, "v1", 30), To(Reviews, "v2", 70)) with { Matches = [new HttpMatch { Path = PathMatch.Prefix("/api"), Method = "POST", Headers = [ValueMatch.Absent("x-a"), ValueMatch.Regex("x-b", "b.*")], QueryParams = [ValueMatch.Exact("q", "1")] }], Rewrite = new Rewrite { PathPrefix = "/v2", Authority = "reviews.bookinfo.svc.cluster.local" } },
                    Rule(To(Ratings)) with { Matches = [new HttpMatch { Path = PathMatch.Exact("/login") }, new HttpMatch { Path = PathMatch.Regex("/r/[0-9]+") }], Rewrite = new Rewrite { FullPath = "/index" } },
                    Rule(To(Ratings, port: 9080)),
                ],
            },
            new GatewayRoute { Name = "admin", Namespace = "edge", Gateways = [new GatewayRef { Name = "public", Namespace = "edge", Listener = "sds" }], Rules = [Rule(To(Ratings))] }),
        _ => Routed(Rule(To(Reviews, "v1"))) with
        {
            DestinationPolicies =
            [
                new DestinationPolicy { Target = new PolicyTarget { Service = Reviews }, ConnectionPool = new ConnectionPool { MaxConnections = 10, MaxPendingRequests = 5 }, OutlierDetection = new OutlierDetection { Consecutive5xx = 2 } },
                new DestinationPolicy { Target = new PolicyTarget { Service = Ratings }, ConnectionPool = new ConnectionPool { MaxPendingRequests = 5 } },
            ],
        },
    };

    [Fact]
    public void GatewayExample_WritesAVirtualGatewayWithThreeListeners_AndItsGatewayRoutes()
    {
        var export = new Exported(Example("gateway"));
        Assert.Equal(3, export.Gateway("public").Spec.Listeners!.Count);
        // shop: 4 matches, each on port 80 for shop.example.com (the one host its *.example.com listener shares) and on ports
        // 443 and 8443 for both hosts; admin: 1 route on its listener.
        Assert.Equal(4 * (1 + 2 + 2) + 1, export.GatewayRoutes.Count);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_ValidatesAgainstTheCrds(string name)
    {
        var problems = Problems(Example(name));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void FileTlsAndCloudMap_ValidateAgainstTheCrds()
    {
        var options = new AppMeshOptions { Discovery = AppMeshDiscovery.CloudMap, CloudMapNamespace = "prod.local", Tls = new AppMeshTlsOptions { Source = AppMeshCertificateSource.File } };
        var problems = Problems(Example("mtls"), options);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void TheCheckCanFail()
    {
        var translator = new AppMeshTranslator();
        var node = YamlJson.Documents(translator.WriteYaml(translator.Translate(Example("canary"), new TranslationOptions { Services = ServiceOutput.None }).Resources))
            .First(d => d["kind"]?.GetValue<string>() == "VirtualRouter");
        node["spec"]!["routes"]![0]!["priority"] = 1001;
        Assert.NotEmpty(Schemas.Value.Validate(node));
    }
}
