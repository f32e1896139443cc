using Envoy.Config.Cluster.V3;
using Envoy.Config.Endpoint.V3;
using Mesh.Model;
using static Mesh.Xds.Tests.Samples;

namespace Mesh.Xds.Tests.Encoding;

/// <summary>
/// Complete load balancing on the wire, decoded with the oracle types: endpoint priorities and locality weights relative to
/// the client's locality, hash tables, slow start, and what cannot be encoded reported.
/// </summary>
public sealed class LoadBalancingClusterTests
{
    private const string RatingsCluster = "outbound|9080||ratings.bookinfo.svc.cluster.local";

    private static readonly EndpointSnapshot Spread = new()
    {
        Services =
        [
            new ServiceEndpoints
            {
                Service = Ratings, Port = 9080,
                Addresses =
                [
                    new EndpointAddress { Address = "10.0.1.1", Locality = new EndpointLocality("us-east", "z1") },
                    new EndpointAddress { Address = "10.0.1.2", Locality = new EndpointLocality("us-east", "z2") },
                    new EndpointAddress { Address = "10.0.2.1", Locality = new EndpointLocality("us-west", "z1") },
                    new EndpointAddress { Address = "10.0.3.1", Locality = new EndpointLocality("eu-central", "z1") },
                ],
            },
        ],
    };

    private static MeshConfig WithRatings(LoadBalancer lb)
    {
        var config = Bookinfo();
        var policy = new DestinationPolicy { Target = new PolicyTarget { Service = Ratings }, LoadBalancer = lb, OutlierDetection = new Mesh.Model.OutlierDetection { Consecutive5xx = 5 } };
        return config with { DestinationPolicies = [.. config.DestinationPolicies.Where(p => p.Target.Service != Ratings), policy] };
    }

    private static Dictionary<string, (uint Priority, uint Weight)> Assignment(XdsSnapshot snapshot) =>
        Single<ClusterLoadAssignment>(snapshot, XdsResourceType.ClusterLoadAssignment, RatingsCluster).Endpoints
            .ToDictionary(e => $"{e.Locality.Region}/{e.Locality.Zone}", e => (e.Priority, e.LoadBalancingWeight ?? 0));

    private static readonly LoadBalancer Failover = LoadBalancer.MeshDefault with
    {
        Locality = new LocalityLoadBalancing { Failover = [new LocalityFailover { From = "us-east", To = "us-west" }] },
    };

    [Fact]
    public void Failover_OrdersLocalities_ByProximity_ThenTheFailoverRegion()
    {
        var proxy = Sidecar with { Locality = new EndpointLocality("us-east", "z1") };
        var priorities = Assignment(Build(WithRatings(Failover), Spread, proxy));

        Assert.Equal(0u, priorities["us-east/z1"].Priority);
        Assert.Equal(1u, priorities["us-east/z2"].Priority);
        Assert.Equal(2u, priorities["us-west/z1"].Priority);
        Assert.Equal(3u, priorities["eu-central/z1"].Priority);
    }

    [Fact]
    public void Failover_KeepsPrioritiesContiguous_WhenLevelsAreMissing()
    {
        // us-west has no failover rule and no zone peer: its own locality, then everything else.
        var proxy = Sidecar with { Locality = new EndpointLocality("us-west", "z1") };
        var priorities = Assignment(Build(WithRatings(Failover), Spread, proxy));

        Assert.Equal(0u, priorities["us-west/z1"].Priority);
        Assert.Equal([1u], priorities.Where(p => p.Key != "us-west/z1").Select(p => p.Value.Priority).Distinct());
    }

    [Fact]
    public void WithoutTheClientsLocality_EndpointsKeepOnePriority_AndItIsReported()
    {
        var result = new XdsEncoder().Build(WithRatings(Failover), Spread, Sidecar);

        Assert.All(Assignment(result.Snapshot!).Values, v => Assert.Equal(0u, v.Priority));
        Assert.Contains(result.Diagnostics, d => d.Code == XdsDiagnosticCodes.NotEncoded && d.Message.Contains("locality is unknown", StringComparison.Ordinal));
    }

    [Fact]
    public void Distribution_WeighsLocalities_ByTheirShare_AndLeavesOutTheRest()
    {
        var lb = LoadBalancer.MeshDefault with
        {
            Locality = new LocalityLoadBalancing
            {
                Distribute = [new LocalityDistribution { From = "us-east/*", To = [new("us-east/*", 80), new("us-west/z1", 20)] }],
            },
        };
        var snapshot = Build(WithRatings(lb), Spread, Sidecar with { Locality = new EndpointLocality("us-east", "z2") });
        var weights = Assignment(snapshot);

        // 80 split between the two us-east zones, 20 to us-west/z1; eu-central matches no target and gets nothing.
        Assert.Equal(40_000u, weights["us-east/z1"].Weight);
        Assert.Equal(40_000u, weights["us-east/z2"].Weight);
        Assert.Equal(20_000u, weights["us-west/z1"].Weight);
        Assert.False(weights.ContainsKey("eu-central/z1"));
        Assert.All(weights.Values, v => Assert.Equal(0u, v.Priority));
        Assert.NotNull(Single<Cluster>(snapshot, XdsResourceType.Cluster, RatingsCluster).CommonLbConfig.LocalityWeightedLbConfig);
    }

    [Fact]
    public void HashTables_AndSlowStart_AreOnTheCluster()
    {
        var maglev = Single<Cluster>(Build(WithRatings(LoadBalancer.HashOn(ConsistentHash.Header("x-user") with { Ring = new HashRing(HashRingKind.Maglev, 131071) }))), XdsResourceType.Cluster, RatingsCluster);
        Assert.Equal(Cluster.Types.LbPolicy.Maglev, maglev.LbPolicy);
        Assert.Equal(131071ul, maglev.MaglevLbConfig.TableSize);

        var ring = Single<Cluster>(Build(WithRatings(LoadBalancer.HashOn(ConsistentHash.SourceIp with { Ring = new HashRing(HashRingKind.RingHash, 4096) }))), XdsResourceType.Cluster, RatingsCluster);
        Assert.Equal(Cluster.Types.LbPolicy.RingHash, ring.LbPolicy);
        Assert.Equal(4096ul, ring.RingHashLbConfig.MinimumRingSize);

        var warm = Single<Cluster>(Build(WithRatings(LoadBalancer.LeastRequest with { Warmup = new Warmup { Duration = TimeSpan.FromSeconds(30), MinimumPercent = 10, Aggression = 2 } })), XdsResourceType.Cluster, RatingsCluster);
        var slowStart = warm.LeastRequestLbConfig.SlowStartConfig;
        Assert.Equal(30, slowStart.SlowStartWindow.Seconds);
        Assert.Equal(10d, slowStart.MinWeightPercent.Value);
        Assert.Equal(2d, slowStart.Aggression.DefaultValue);
        Assert.False(string.IsNullOrEmpty(slowStart.Aggression.RuntimeKey));
    }

    [Fact]
    public void SlowStart_OnAHashBalancer_IsReported_NotEncoded()
    {
        var lb = LoadBalancer.HashOn(ConsistentHash.Header("x-user")) with { Warmup = new Warmup { Duration = TimeSpan.FromSeconds(30) } };
        var result = new XdsEncoder().Build(WithRatings(lb), SampleEndpoints(), Sidecar);

        var cluster = Single<Cluster>(result.Snapshot!, XdsResourceType.Cluster, RatingsCluster);
        Assert.Null(cluster.RoundRobinLbConfig);
        Assert.Null(cluster.LeastRequestLbConfig);
        Assert.Contains(result.Diagnostics, d => d.Code == XdsDiagnosticCodes.NotEncoded && d.Message.Contains("Warm-up", StringComparison.Ordinal));
    }
}
