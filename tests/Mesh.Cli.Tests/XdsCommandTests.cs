using Mesh.Xds;

namespace Mesh.Cli.Tests;

public sealed class XdsCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mesh-xds-").FullName;
    private static readonly string Model = CliRunner.Sample("bookinfo.mesh.yaml");
    private static readonly string Endpoints = CliRunner.Sample("bookinfo.endpoints.yaml");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Json_IsPrintedByDefault_WithAllFourResourceTypes()
    {
        var run = CliRunner.Invoke("xds", Model, "--endpoints", Endpoints, "--node", "sidecar~productpage", "--namespace", "bookinfo");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("type.googleapis.com/envoy.config.listener.v3.Listener", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("type.googleapis.com/envoy.config.route.v3.RouteConfiguration", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("type.googleapis.com/envoy.config.cluster.v3.Cluster", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("outbound|9080|v2|reviews.bookinfo.svc.cluster.local", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Pb_WritesOneDiscoveryResponsePerType()
    {
        var run = CliRunner.Invoke("xds", Model, "--endpoints", Endpoints, "--node", "grpc-client", "--proxyless", "-o", _dir);
        Assert.True(run.ExitCode == 0, run.Stderr);
        var expected = new Dictionary<string, string>
        {
            ["lds.pb"] = XdsTypeUrls.Listener,
            ["rds.pb"] = XdsTypeUrls.RouteConfiguration,
            ["cds.pb"] = XdsTypeUrls.Cluster,
            ["eds.pb"] = XdsTypeUrls.ClusterLoadAssignment,
        };
        foreach (var (file, typeUrl) in expected)
        {
            var json = XdsJson.RenderDiscoveryResponse(File.ReadAllBytes(Path.Combine(_dir, file)));
            Assert.Contains($"\"type_url\": \"{typeUrl}\"", json, StringComparison.Ordinal);
        }
        Assert.Contains("reviews.bookinfo.svc.cluster.local:9080", XdsJson.RenderDiscoveryResponse(File.ReadAllBytes(Path.Combine(_dir, "lds.pb"))), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
    }

    [Fact]
    public void Json_ShowsTheLocalRateLimit_OfTheSidecarsOwnService()
    {
        var endpoints = Path.Combine(_dir, "endpoints.yaml");
        File.WriteAllText(endpoints, """
            endpoints:
              - service: reviews.bookinfo
                port: 9080
                addresses: [{ address: 127.0.0.11, labels: { app: reviews, version: v1 } }]
              - service: ratings.bookinfo
                port: 9080
                addresses: [{ address: 127.0.0.21, labels: { app: ratings } }]
            """);
        var run = CliRunner.Invoke("xds", CliRunner.Sample("ratelimit.mesh.yaml"), "--endpoints", endpoints, "--node", "sidecar~reviews", "--namespace", "bookinfo", "--service", "reviews.bookinfo");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("\"name\": \"envoy.filters.http.local_ratelimit\"", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("type.googleapis.com/envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"max_tokens\": 200", run.Stdout, StringComparison.Ordinal);
        // The export route's bucket: 60 a minute.
        Assert.Contains("\"fill_interval\": \"60s\"", run.Stdout, StringComparison.Ordinal);
    }

    /// <summary>
    /// The bookinfo sample with gateway edge/public (HTTPS terminated with a credential, TLS passed through, TCP), an HTTP
    /// route, a TLS route to ratings and a TCP route to mongodb on it.
    /// </summary>
    private string GatewayModel()
    {
        var path = Path.Combine(_dir, "gateway.mesh.yaml");
        File.WriteAllText(path, File.ReadAllText(Model).TrimEnd() + """

              gateways:
                - name: public
                  namespace: edge
                  workloads: { istio: ingressgateway }
                  listeners:
                    - { name: https, port: 443, protocol: https, hosts: [shop.example.com], tls: { credentialName: shop-cert } }
                    - { name: db, port: 443, protocol: tls, hosts: [db.example.com], tls: { mode: passthrough } }
                    - { name: mongo, port: 27017, protocol: tcp }
              gatewayRoutes:
                - name: shop
                  namespace: edge
                  gateways: [{ name: public, namespace: edge }]
                  hostnames: [shop.example.com]
                  rules:
                    - backends: [{ service: productpage.bookinfo, port: 9080 }]
              gatewayTlsRoutes:
                - { name: db, namespace: edge, gateways: [{ name: public, namespace: edge, listener: db }], hostnames: [db.example.com], backends: [{ service: ratings.bookinfo }] }
              gatewayTcpRoutes:
                - { name: mongo, namespace: edge, gateways: [{ name: public, namespace: edge }], backends: [{ service: mongodb.bookinfo }] }

            """);
        return path;
    }

    [Fact]
    public void Gateway_EncodesTheGatewaysListenersTlsAndRoutes_TlsAndTcpRoutesIncluded()
    {
        var run = CliRunner.Invoke("xds", GatewayModel(), "--endpoints", Endpoints, "--node", "ingress-1", "--gateway", "edge/public");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("\"name\": \"0.0.0.0_443\"", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"server_names\": [", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"name\": \"shop-cert\"", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"route_config_name\": \"https.443.https\"", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("outbound|9080||productpage.bookinfo.svc.cluster.local", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("outbound|9080||reviews.bookinfo.svc.cluster.local", run.Stdout, StringComparison.Ordinal);
        // The TLS route: its chain by SNI, a tcp_proxy to ratings; the TCP route: the TCP listener's tcp_proxy to mongodb.
        Assert.Contains("\"name\": \"tls.443.db.edge.db\"", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"cluster\": \"outbound|9080||ratings.bookinfo.svc.cluster.local\"", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"cluster\": \"outbound|27017||mongodb.bookinfo.svc.cluster.local\"", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("BlackHoleCluster", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("MESH4012", run.Stderr, StringComparison.Ordinal);
        // The same gateway named by name, in --namespace.
        var byName = CliRunner.Invoke("xds", GatewayModel(), "--endpoints", Endpoints, "--node", "ingress-1", "--gateway", "public", "--namespace", "edge");
        Assert.Equal(run.Stdout, byName.Stdout);
    }

    [Fact]
    public void Gateway_NotInTheModel_IsAnError_AndWithProxyless_AUsageError()
    {
        var unknown = CliRunner.Invoke("xds", GatewayModel(), "--endpoints", Endpoints, "--node", "ingress-1", "--gateway", "edge/private");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("error MESH4014 $.proxy.gatewayName:", unknown.Stderr, StringComparison.Ordinal);
        var both = CliRunner.Invoke("xds", GatewayModel(), "--endpoints", Endpoints, "--node", "ingress-1", "--gateway", "edge/public", "--proxyless");
        Assert.Equal(2, both.ExitCode);
        var malformed = CliRunner.Invoke("xds", GatewayModel(), "--endpoints", Endpoints, "--node", "ingress-1", "--gateway", "edge/");
        Assert.Equal(2, malformed.ExitCode);
    }

    [Fact]
    public void Pb_WithoutAnOutputDirectory_IsAUsageError()
    {
        var run = CliRunner.Invoke("xds", Model, "--endpoints", Endpoints, "--node", "n", "--encoding", "pb");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("needs -o <dir>", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_IntoAMissingDirectory_WritesXdsJsonInsideIt_AndDiagnosticsFollowFormat()
    {
        var target = Path.Combine(_dir, "new-dir");
        var run = CliRunner.Invoke("xds", Model, "--endpoints", Endpoints, "--node", "n", "--namespace", "bookinfo", "-o", target, "--encoding", "json", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.True(Directory.Exists(target), "-o names a directory for xds: it is created, not written as a file");
        Assert.Contains("type.googleapis.com/envoy.config.listener.v3.Listener", File.ReadAllText(Path.Combine(target, "xds.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Pb_ToStdout_IsAUsageError()
    {
        var run = CliRunner.Invoke("xds", Model, "--endpoints", Endpoints, "--node", "n", "-o", "-", "--encoding", "pb");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not stdout", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void EndpointsOfAnUnknownService_AreIgnoredWithAWarning_AtTheirPath()
    {
        var endpoints = Path.Combine(_dir, "endpoints.yaml");
        File.WriteAllText(endpoints, "endpoints:\n  - service: ghost.bookinfo\n    port: 9080\n    addresses: [{ address: 127.0.0.1 }]\n");
        var run = CliRunner.Invoke("xds", Model, "--endpoints", endpoints, "--node", "n", "--namespace", "bookinfo");
        // A control plane sees endpoints before the config that names them: they are reported, not fatal.
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("warning MESH4005 $.endpoints[0].service: ghost.bookinfo is not a service of the model", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("endpoints.yaml:2:5", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedEndpoints_ExitOne_WithLineAndColumn()
    {
        var endpoints = Path.Combine(_dir, "endpoints.yaml");
        File.WriteAllText(endpoints, "endpoints:\n  - service: reviews.bookinfo\n    port: 99999\n    addresses: [{ address: not-an-ip }]\n");
        var run = CliRunner.Invoke("xds", Model, "--endpoints", endpoints, "--node", "n", "--namespace", "bookinfo");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("$.endpoints[0].port", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("$.endpoints[0].addresses[0].address", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public void UnreadableEndpoints_ExitOne_WithTheSharedReadingCodes()
    {
        var endpoints = Path.Combine(_dir, "endpoints.yaml");
        File.WriteAllText(endpoints, "endpoints:\n  - service: reviews.bookinfo\n    port: \"9080\"\n    colour: blue\n");
        var run = CliRunner.Invoke("xds", Model, "--endpoints", endpoints, "--node", "n", "--namespace", "bookinfo");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error MESH1003 $.endpoints[0].colour: ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("error MESH1002 $.endpoints[0].port: ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("endpoints.yaml:3:11", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public void AnAliasInTheEndpointsFile_IsALimitError_AtTheAlias()
    {
        var endpoints = Path.Combine(_dir, "endpoints.yaml");
        File.WriteAllText(endpoints, "endpoints:\n  - &e { service: reviews.bookinfo, port: 9080 }\n  - *e\n");
        var run = CliRunner.Invoke("xds", Model, "--endpoints", endpoints, "--node", "n", "--namespace", "bookinfo");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error MESH1006 $: ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("endpoints.yaml:3:5", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }

    /// <summary>A model of one service, reviews, whose one route has <paramref name="rule"/> (YAML lines under <c>rules:</c>).</summary>
    private string WriteModel(params string[] rule)
    {
        var path = Path.Combine(_dir, "model.yaml");
        string[] lines =
        [
            "kind: Mesh",
            "metadata: { name: m }",
            "spec:",
            "  services:",
            "    - { name: reviews, namespace: bookinfo, ports: [{ port: 9080, protocol: http }] }",
            "  routes:",
            "    - name: reviews",
            "      namespace: bookinfo",
            "      host: reviews.bookinfo",
            "      rules:",
            .. rule.Select(l => "        " + l),
        ];
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    [Fact]
    public void AModelWarning_IsPrintedOnce_WithItsLine()
    {
        // statusCodes without retriable-status-codes: the validator's warning, which the encoder must not repeat.
        var model = WriteModel("- backends: [{ service: reviews.bookinfo }]", "  retry: { attempts: 2, on: [5xx], statusCodes: [503] }");
        var endpoints = Path.Combine(_dir, "endpoints.yaml");
        File.WriteAllText(endpoints, "endpoints:\n  - service: reviews.bookinfo\n    port: 9080\n    addresses: [{ address: 10.0.0.1 }]\n");
        var run = CliRunner.Invoke("xds", model, "--endpoints", endpoints, "--node", "n", "--namespace", "bookinfo");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("warning MESH2025 $.spec.routes[0].rules[0].retry.statusCodes: ", line, StringComparison.Ordinal);
        Assert.Contains("model.yaml:12:", line, StringComparison.Ordinal);
    }

    [Fact]
    public void AModelError_IsPrintedOnce_WithItsLine_AndNothingIsWritten()
    {
        var model = WriteModel("- backends: [{ service: reviews.bookinfo, weight: -1 }, { service: reviews.bookinfo, weight: 2 }]");
        var run = CliRunner.Invoke("xds", model, "--endpoints", Endpoints, "--node", "n", "--namespace", "bookinfo");
        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error MESH2005 $.spec.routes[0].rules[0].backends[0].weight: ", line, StringComparison.Ordinal);
        Assert.Contains("model.yaml:11:", line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public void AMissingEndpointsFile_IsAUsageError() =>
        Assert.Equal(2, CliRunner.Invoke("xds", Model, "--endpoints", Path.Combine(_dir, "none.yaml"), "--node", "n").ExitCode);

    [Fact]
    public void Json_ShowsTheSampleTcpRouteSplit_AndTheExternalTlsHostsSniChain_WithoutReportingThem()
    {
        var run = CliRunner.Invoke("xds", Model, "--endpoints", Endpoints, "--node", "sidecar~productpage", "--namespace", "bookinfo");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var listeners = System.Text.Json.Nodes.JsonNode.Parse(run.Stdout)!["lds"]!["resources"]!.AsArray();
        var mongo = listeners.Single(l => (string?)l!["name"] == "0.0.0.0_27017")!;
        var weighted = mongo["filter_chains"]![0]!["filters"]![0]!["typed_config"]!["weighted_clusters"]!["clusters"]!.AsArray();
        Assert.Equal(
            [("outbound|27017|v1|mongodb.bookinfo.svc.cluster.local", 80), ("outbound|27017|v2|mongodb.bookinfo.svc.cluster.local", 20)],
            weighted.Select(c => ((string)c!["name"]!, (int)c["weight"]!)));
        var https = listeners.Single(l => (string?)l!["name"] == "0.0.0.0_443")!;
        Assert.Equal("httpbin.example.com", (string?)https["filter_chains"]![0]!["filter_chain_match"]!["server_names"]![0]);
        Assert.DoesNotContain("$.spec.tcpRoutes[0]", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("$.spec.externalServices[0].ports", run.Stderr, StringComparison.Ordinal);
    }
}
