using Mesh.Model;
using Mesh.Serialization;

namespace Mesh.Abstractions.Tests.Serialization;

/// <summary>The normative YAML of issue 2 (testassets/bookinfo.mesh.yaml) reads to the records it describes.</summary>
public class BookinfoExampleTests
{
    private static readonly string AssetPath = Path.Combine(AppContext.BaseDirectory, "Serialization", "testassets", "bookinfo.mesh.yaml");

    private static MeshConfig ReadExample()
    {
        var result = MeshYaml.Read(File.ReadAllText(AssetPath), "bookinfo.mesh.yaml");
        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.Config);
        return result.Config;
    }

    [Fact]
    public void Services_HavePortsAndSubsetsInDocumentOrder()
    {
        var config = ReadExample();
        Assert.Equal("bookinfo", config.Name);
        var reviews = Assert.Single(config.Services);
        Assert.Equal(new ServiceRef("reviews", "bookinfo"), reviews.Reference);
        Assert.Equal(new ServicePort { Name = "http", Port = 9080, Protocol = Protocol.Http }, Assert.Single(reviews.Ports));
        Assert.Equal(["v1", "v2"], reviews.Subsets.Select(s => s.Name));
        Assert.Equal("v2", reviews.Subsets[1].Labels["version"]);
    }

    [Fact]
    public void FirstRule_HasMatchBackendTimeoutRetryFaultAndMirror()
    {
        var route = Assert.Single(ReadExample().Routes);
        Assert.Equal(new ServiceRef("reviews", "bookinfo"), route.Host);
        var rule = route.Rules[0];
        var match = Assert.Single(rule.Matches);
        Assert.Equal(PathMatch.Prefix("/api"), match.Path);
        Assert.Equal(ValueMatch.Exact("end-user", "jason"), Assert.Single(match.Headers));
        Assert.Equal("GET", match.Method);
        var backend = Assert.Single(rule.Backends);
        Assert.Equal(("reviews.bookinfo", "v2", 100), (backend.Service.ToString(), backend.Subset, backend.Weight));
        Assert.Equal(TimeSpan.FromSeconds(2), rule.Timeout);
        Assert.Equal(3, rule.Retry!.Attempts);
        Assert.Equal(TimeSpan.FromMilliseconds(500), rule.Retry.PerTryTimeout);
        Assert.Equal([RetryCondition.ServerError, RetryCondition.ConnectFailure, RetryCondition.Reset], rule.Retry.On);
        Assert.Equal(10m, rule.Fault!.Delay!.Percentage);
        Assert.Equal(TimeSpan.FromSeconds(5), rule.Fault.Delay.Duration);
        Assert.Equal(5m, rule.Fault.Abort!.Percentage);
        Assert.Equal(503, rule.Fault.Abort.HttpStatus);
        Assert.Equal(new Mirror { Service = new ServiceRef("reviews", "bookinfo"), Subset = "v1", Percentage = 25m }, rule.Mirror);
    }

    [Fact]
    public void SecondRule_HasRegexPresentHeaderQueryParamRewriteAndRequestHeaders()
    {
        var rule = ReadExample().Routes[0].Rules[1];
        var match = Assert.Single(rule.Matches);
        Assert.Equal(PathMatch.Regex("^/reviews/[0-9]+$"), match.Path);
        Assert.Equal(ValueMatch.Present("x-debug"), Assert.Single(match.Headers));
        Assert.Equal(ValueMatch.Exact("v", "2"), Assert.Single(match.QueryParams));
        Assert.Equal(new Rewrite { PathPrefix = "/r" }, rule.Rewrite);
        Assert.Equal("prod", rule.RequestHeaders!.Set["x-env"]);
        Assert.Equal("1", rule.RequestHeaders.Add["x-trace"]);
        Assert.Equal(["x-internal"], rule.RequestHeaders.Remove);
        Assert.Equal("v1", Assert.Single(rule.Backends).Subset);
    }

    [Fact]
    public void DestinationPolicy_HasConsistentHashConnectionPoolAndOutlierDetection()
    {
        var policy = Assert.Single(ReadExample().DestinationPolicies);
        Assert.Equal(new PolicyTarget { Service = new ServiceRef("reviews", "bookinfo"), Subset = "v2" }, policy.Target);
        Assert.Equal(LoadBalancer.HashOn(ConsistentHash.Header("x-user")), policy.LoadBalancer);
        Assert.Equal(
            new ConnectionPool { MaxConnections = 100, MaxPendingRequests = 10, MaxRequestsPerConnection = 20, ConnectTimeout = TimeSpan.FromMilliseconds(250) },
            policy.ConnectionPool);
        Assert.Equal(
            new OutlierDetection { Consecutive5xx = 5, Interval = TimeSpan.FromSeconds(10), BaseEjectionTime = TimeSpan.FromSeconds(30), MaxEjectionPercent = 50 },
            policy.OutlierDetection);
    }

    [Fact]
    public void Security_HasStrictNamespaceMtlsAndAnAccessPolicy()
    {
        var config = ReadExample();
        var mtls = Assert.Single(config.Mtls);
        Assert.Equal(MtlsScope.ForNamespace("bookinfo"), mtls.Scope);
        Assert.Equal(MtlsScopeKind.Namespace, mtls.Scope.Kind);
        Assert.Equal(MtlsMode.Strict, mtls.Mode);
        var access = Assert.Single(config.AccessPolicies);
        Assert.Equal(("ratings-from-reviews", AccessAction.Allow), (access.Name, access.Action));
        Assert.Equal(new ServiceRef("ratings", "bookinfo"), access.Target!.Service);
        var rule = Assert.Single(access.Rules);
        Assert.Equal([new ServiceAccountRef("bookinfo", "bookinfo-reviews")], rule.From!.ServiceAccounts);
        Assert.Equal(["GET"], rule.To!.Methods);
        Assert.Equal(["/ratings/*"], rule.To.Paths);
        Assert.Equal([9080], rule.To.Ports);
    }

    [Fact]
    public void ExternalService_HasTlsPort()
    {
        var external = Assert.Single(ReadExample().ExternalServices);
        Assert.Equal(["httpbin.example.com"], external.Hosts);
        Assert.Equal(new ServicePort { Name = "https", Port = 443, Protocol = Protocol.Tls }, Assert.Single(external.Ports));
        Assert.Equal(Resolution.Dns, external.Resolution);
    }

    [Fact]
    public void WritingItBack_ThenReading_GivesTheSameModel()
    {
        var config = ReadExample();
        Assert.Equal(config, MeshYaml.Read(MeshYaml.Write(config)).Config);
        Assert.Equal(config, MeshJson.Read(MeshJson.Write(config)).Config);
    }

    [Fact]
    public void SourceMap_LocatesNodesOfTheExample()
    {
        var result = MeshYaml.Read(File.ReadAllText(AssetPath), "bookinfo.mesh.yaml");
        Assert.True(result.SourceMap.TryGetLocation("$.spec.routes[0].rules[0].timeout", out var timeout));
        Assert.Equal(new Mesh.Diagnostics.SourceLocation("bookinfo.mesh.yaml", 16, 20), timeout);
        Assert.True(result.SourceMap.TryGetLocation("$.spec.services[0].subsets.v2", out var subset));
        Assert.Equal(8, subset.Line);
        var validation = Mesh.Diagnostics.Diagnostic.Error(Mesh.Diagnostics.DiagnosticCodes.WeightsRounded, "$.spec.routes[0].rules[1].backends[0].port", "example");
        var located = result.SourceMap.Locate(validation);
        Assert.Equal(new Mesh.Diagnostics.SourceLocation("bookinfo.mesh.yaml", 21, 22), located.Location);
        Assert.Same(validation, SourceMap.Empty.Locate(validation));
    }
}
