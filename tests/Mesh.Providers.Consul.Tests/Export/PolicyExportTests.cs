using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.Consul.Resources;
using static Mesh.Providers.Consul.Tests.Export.Models;

namespace Mesh.Providers.Consul.Tests.Export;

/// <summary>Load balancers on the callee's ServiceResolver; connection limits and outlier detection on every caller's ServiceDefaults.</summary>
public sealed class PolicyExportTests
{
    private static MeshConfig With(DestinationPolicy policy) => Shop() with { DestinationPolicies = [policy] };

    [Fact]
    public void CircuitBreaking_IsWrittenCallerSide_OnEveryOtherService()
    {
        var policy = new DestinationPolicy
        {
            Target = new PolicyTarget { Service = Api },
            ConnectionPool = new ConnectionPool { MaxConnections = 100, MaxPendingRequests = 10, MaxRequests = 50, ConnectTimeout = TimeSpan.FromMilliseconds(250) },
            OutlierDetection = new OutlierDetection { Consecutive5xx = 5, Interval = TimeSpan.FromSeconds(10), BaseEjectionTime = TimeSpan.FromSeconds(30), MaxEjectionPercent = 50 },
        };
        var export = new Exported(With(policy));
        foreach (var caller in new[] { "web", "db" })
        {
            var upstream = Assert.Single(export.Get<ServiceDefaults>(caller).Spec.UpstreamConfig!.Overrides!);
            Assert.Equal("api", upstream.Name);
            Assert.Null(upstream.Namespace);
            Assert.Equal((100, 10, 50), (upstream.Limits!.MaxConnections, upstream.Limits.MaxPendingRequests, upstream.Limits.MaxConcurrentRequests));
            Assert.Equal(250, upstream.ConnectTimeoutMs);
            Assert.Equal((5, "10s", "30s", 50), (upstream.PassiveHealthCheck!.MaxFailures, upstream.PassiveHealthCheck.Interval, upstream.PassiveHealthCheck.BaseEjectionTime, upstream.PassiveHealthCheck.MaxEjectionPercent));
        }
        // The callee itself is not its own caller.
        Assert.Null(export.Get<ServiceDefaults>("api").Spec.UpstreamConfig);
        Assert.True(export.Has(DiagnosticCodes.TranslationNote, "$.spec.destinationPolicies[0]"));
    }

    [Fact]
    public void Enterprise_NamesTheUpstreamsNamespace()
    {
        var policy = new DestinationPolicy { Target = new PolicyTarget { Service = Api }, ConnectionPool = new ConnectionPool { MaxConnections = 1 } };
        var export = new Exported(With(policy), new ConsulOptions { Edition = ConsulEdition.Enterprise, Partition = "team-a" });
        var upstream = Assert.Single(export.Get<ServiceDefaults>("web").Spec.UpstreamConfig!.Overrides!);
        Assert.Equal(("shop", "team-a"), (upstream.Namespace, upstream.Partition));
    }

    [Fact]
    public void UnexpressibleLimits_AreReported()
    {
        var policy = new DestinationPolicy
        {
            Target = new PolicyTarget { Service = Api },
            ConnectionPool = new ConnectionPool { MaxConnections = 1, MaxRequestsPerConnection = 5, MaxRetries = 3 },
            OutlierDetection = new OutlierDetection { ConsecutiveGatewayErrors = 3 },
        };
        var export = new Exported(With(policy));
        Assert.True(export.Has(DiagnosticCodes.Unsupported, "$.spec.destinationPolicies[0].connectionPool.maxRequestsPerConnection"));
        Assert.True(export.Has(DiagnosticCodes.Unsupported, "$.spec.destinationPolicies[0].connectionPool.maxRetries"));
        Assert.True(export.Has(DiagnosticCodes.Unsupported, "$.spec.destinationPolicies[0].outlierDetection.consecutiveGatewayErrors"));
        Assert.Null(export.Get<ServiceDefaults>("web").Spec.UpstreamConfig!.Overrides![0].PassiveHealthCheck);
    }

    [Theory]
    [InlineData(LoadBalancerAlgorithm.RoundRobin, "round_robin")]
    [InlineData(LoadBalancerAlgorithm.LeastRequest, "least_request")]
    [InlineData(LoadBalancerAlgorithm.Random, "random")]
    public void LoadBalancer_IsTheResolverPolicy(LoadBalancerAlgorithm algorithm, string policy)
    {
        var export = new Exported(With(new DestinationPolicy { Target = new PolicyTarget { Service = Web }, LoadBalancer = new LoadBalancer(algorithm) }));
        Assert.Equal(policy, export.Get<ServiceResolver>("web").Spec.LoadBalancer!.Policy);
    }

    [Fact]
    public void ConsistentHash_IsRingHashWithAHashPolicy()
    {
        var header = new Exported(With(new DestinationPolicy { Target = new PolicyTarget { Service = Web }, LoadBalancer = LoadBalancer.HashOn(ConsistentHash.Header("x-user")) }));
        var lb = header.Get<ServiceResolver>("web").Spec.LoadBalancer!;
        Assert.Equal(("ring_hash", "header", "x-user"), (lb.Policy, lb.HashPolicies![0].Field, lb.HashPolicies[0].FieldValue));
        var source = new Exported(With(new DestinationPolicy { Target = new PolicyTarget { Service = Web }, LoadBalancer = LoadBalancer.HashOn(ConsistentHash.SourceIp) }));
        Assert.True(source.Get<ServiceResolver>("web").Spec.LoadBalancer!.HashPolicies![0].SourceIP);
    }

    [Fact]
    public void SubsetPolicy_IsNotWritten()
    {
        var export = new Exported(With(new DestinationPolicy { Target = new PolicyTarget { Service = Api, Subset = "v1" }, LoadBalancer = LoadBalancer.Random }));
        Assert.Null(export.Get<ServiceResolver>("api").Spec.LoadBalancer);
        Assert.True(export.Has(DiagnosticCodes.Unsupported, "$.spec.destinationPolicies[0].target.subset"));
    }

    [Fact]
    public void AllowPolicies_TrimTheCallersThatGetOverrides()
    {
        var model = With(new DestinationPolicy { Target = new PolicyTarget { Service = Api }, ConnectionPool = new ConnectionPool { MaxConnections = 7 } }) with
        {
            AccessPolicies =
            [
                new AccessPolicy
                {
                    Name = "web-only", Namespace = "shop", Target = new PolicyTarget { Service = Api }, Action = AccessAction.Allow,
                    Rules = [new AccessRule { From = new AccessSource { ServiceAccounts = [new ServiceAccountRef("shop", "web")] } }],
                },
            ],
        };
        var export = new Exported(model);
        Assert.Equal(7, Assert.Single(export.Get<ServiceDefaults>("web").Spec.UpstreamConfig!.Overrides!).Limits!.MaxConnections);
        Assert.Null(export.Get<ServiceDefaults>("db").Spec.UpstreamConfig);
    }

    [Fact]
    public void APolicyNoModelServiceCalls_IsReported_NotSilentlyDropped()
    {
        var model = new MeshConfig
        {
            Name = "shop",
            Services = [ApiService],
            DestinationPolicies = [new DestinationPolicy { Target = new PolicyTarget { Service = Api }, ConnectionPool = new ConnectionPool { MaxConnections = 100 } }],
        };
        var export = new Exported(model);
        Assert.Null(export.Get<ServiceDefaults>("api").Spec.UpstreamConfig);
        Assert.True(export.Has(DiagnosticCodes.Unsupported, "$.spec.destinationPolicies[0]"));
        Assert.False(export.Has(DiagnosticCodes.TranslationNote, "$.spec.destinationPolicies[0]"));
    }
}
