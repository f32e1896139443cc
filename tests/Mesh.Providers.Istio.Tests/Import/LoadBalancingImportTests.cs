using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Validation;

namespace Mesh.Providers.Istio.Tests.Import;

/// <summary>
/// A DestinationRule's complete load balancing: <c>localityLbSetting</c>, <c>warmup</c>, consistent-hash tables and cookie
/// attributes, and the HTTP connection pool's idle timeout, streams and upgrade policy — imported, validated and written back; what Istio would reject is an error at its path.
/// </summary>
public sealed class LoadBalancingImportTests
{
    private static readonly IstioTranslator Translator = new();

    private const string Rule = """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: reviews
          namespace: bookinfo
        spec:
          host: reviews.bookinfo.svc.cluster.local
          trafficPolicy:
            loadBalancer:
              localityLbSetting:
                failover:
                - from: us-east
                  to: us-west
                failoverPriority:
                - topology.kubernetes.io/zone
              warmup:
                duration: 45s
                minimumPercent: 20
                aggression: 2
            connectionPool:
              http:
                idleTimeout: 5m
                maxConcurrentStreams: 128
                h2UpgradePolicy: UPGRADE
            outlierDetection:
              consecutive5xxErrors: 3
          subsets:
          - name: v1
            labels:
              version: v1
            trafficPolicy:
              loadBalancer:
                consistentHash:
                  httpCookie:
                    name: session
                    ttl: 0s
                    path: /
                  maglev:
                    tableSize: 131071
          - name: v2
            labels:
              version: v2
            trafficPolicy:
              loadBalancer:
                localityLbSetting:
                  distribute:
                  - from: us-west/zone1/*
                    to:
                      "us-west/zone1/*": 80
                      "us-west/zone2/*": 20
        """;

    [Fact]
    public void Import_CarriesEveryField_AsAValidModel()
    {
        var result = Translator.ImportYaml(Rule, "rule.yaml");

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported);
        var config = result.Config!;
        Assert.DoesNotContain(MeshValidator.Validate(config), d => d.IsError);
        var policies = config.DestinationPolicies.ToDictionary(p => p.Target.Subset ?? "");

        var service = policies[""];
        Assert.Equal(LoadBalancerAlgorithm.Default, service.LoadBalancer!.Algorithm);
        Assert.Equal(new LocalityLoadBalancing { Failover = [new LocalityFailover { From = "us-east", To = "us-west" }], FailoverPriority = ["topology.kubernetes.io/zone"] }, service.LoadBalancer.Locality);
        Assert.Equal(new Warmup { Duration = TimeSpan.FromSeconds(45), MinimumPercent = 20, Aggression = 2 }, service.LoadBalancer.Warmup);
        Assert.Equal(new ConnectionPool { IdleTimeout = TimeSpan.FromMinutes(5), MaxConcurrentStreams = 128, Http2Upgrade = Http2Upgrade.Upgrade }, service.ConnectionPool);

        Assert.Equal(
            LoadBalancer.HashOn(ConsistentHash.Cookie("session") with { CookieTtl = TimeSpan.Zero, CookiePath = "/", Ring = new HashRing(HashRingKind.Maglev, 131071) }),
            policies["v1"].LoadBalancer);
        var distribution = Assert.Single(policies["v2"].LoadBalancer!.Locality!.Distribute);
        Assert.Equal("us-west/zone1/*", distribution.From);
        Assert.Equal(80, distribution.To["us-west/zone1/*"]);
        Assert.Equal(20, distribution.To["us-west/zone2/*"]);
    }

    [Fact]
    public void Export_OfTheImport_ReadsBackTheSame()
    {
        var imported = Translator.ImportYaml(Rule, "rule.yaml").Config!;
        var yaml = Translator.WriteYaml(Translator.Translate(imported).Resources);
        var back = Translator.ImportYaml(yaml, "back.yaml");

        Assert.Equal(imported.Normalize(), back.Config);
        Assert.Contains("h2UpgradePolicy: UPGRADE", yaml, StringComparison.Ordinal);
        Assert.Contains("tableSize: 131071", yaml, StringComparison.Ordinal);
        Assert.Contains("'us-west/zone1/*': 80", yaml.Replace("\"", "'", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"us-west/zone2/*\": 20", "\"us-west/zone2/*\": 30", "$.spec.subsets[1].trafficPolicy.loadBalancer.localityLbSetting.distribute[0].to")]
    [InlineData("to: us-west", "to: us-east", "$.spec.trafficPolicy.loadBalancer.localityLbSetting.failover[0]")]
    [InlineData("tableSize: 131071", "tableSize: 65536", "$.spec.subsets[0].trafficPolicy.loadBalancer.consistentHash.maglev.tableSize")]
    [InlineData("h2UpgradePolicy: UPGRADE", "h2UpgradePolicy: SOMETIMES", "$.spec.trafficPolicy.connectionPool.http.h2UpgradePolicy")]
    public void Import_OfWhatIstioRejects_IsAnErrorAtItsPath(string from, string to, string path)
    {
        var result = Translator.ImportYaml(Rule.Replace(from, to, StringComparison.Ordinal), "rule.yaml");

        var diagnostic = Assert.Single(result.Diagnostics, d => d.Path == "rule.yaml#0 " + path);
        Assert.True(diagnostic.IsError);
        Assert.Equal(DiagnosticCodes.InvalidResource, diagnostic.Code);
    }

    [Fact]
    public void Import_OfDeprecatedFields_ReadsThemAsTheirReplacements()
    {
        var yaml = Rule.Replace("""
                  maglev:
                    tableSize: 131071
        """, """
                  minimumRingSize: 2048
        """, StringComparison.Ordinal).Replace("""
              warmup:
                duration: 45s
                minimumPercent: 20
                aggression: 2
        """, """
              warmupDurationSecs: 30s
        """, StringComparison.Ordinal);
        var result = Translator.ImportYaml(yaml, "rule.yaml");

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var policies = result.Config!.DestinationPolicies.ToDictionary(p => p.Target.Subset ?? "");
        Assert.Equal(new HashRing(HashRingKind.RingHash, 2048), policies["v1"].LoadBalancer!.ConsistentHash!.Ring);
        Assert.Equal(new Warmup { Duration = TimeSpan.FromSeconds(30) }, policies[""].LoadBalancer!.Warmup);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.LegacyForm && d.Path.EndsWith("consistentHash.minimumRingSize", StringComparison.Ordinal));
    }
}
