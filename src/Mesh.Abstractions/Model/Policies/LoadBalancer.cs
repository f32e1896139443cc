namespace Mesh.Model;

/// <summary>
/// A load-balancing algorithm and how it weighs endpoints. YAML: <c>{ roundRobin: {} }</c>, <c>{ leastRequest: {} }</c>,
/// <c>{ random: {} }</c> or <c>{ consistentHash: { header: x-user } }</c> (also <c>cookie: name</c>, <c>sourceIp: true</c>,
/// <c>queryParameter: name</c>), optionally with <c>locality: { … }</c> and <c>warmup: { duration: 30s }</c>; a load balancer with
/// only <c>locality</c> or <c>warmup</c> keeps the mesh's default algorithm (<see cref="LoadBalancerAlgorithm.Default"/>).
/// </summary>
/// <param name="Algorithm">The algorithm.</param>
/// <param name="ConsistentHash">The hash key; set exactly when <paramref name="Algorithm"/> is <see cref="LoadBalancerAlgorithm.ConsistentHash"/>.</param>
public sealed record LoadBalancer(LoadBalancerAlgorithm Algorithm, ConsistentHash? ConsistentHash = null)
{
    /// <summary>Locality-aware balancing (distribution or failover between regions and zones), or null for the mesh's default.</summary>
    public LocalityLoadBalancing? Locality { get; init; }

    /// <summary>Slow start: new endpoints receive a growing share of traffic for a while, or null for none.</summary>
    public Warmup? Warmup { get; init; }

    /// <summary>Round robin.</summary>
    public static LoadBalancer RoundRobin { get; } = new(LoadBalancerAlgorithm.RoundRobin);

    /// <summary>Least outstanding requests.</summary>
    public static LoadBalancer LeastRequest { get; } = new(LoadBalancerAlgorithm.LeastRequest);

    /// <summary>Uniformly random.</summary>
    public static LoadBalancer Random { get; } = new(LoadBalancerAlgorithm.Random);

    /// <summary>The mesh's default algorithm (to combine with <see cref="Locality"/> or <see cref="Warmup"/>).</summary>
    public static LoadBalancer MeshDefault { get; } = new(LoadBalancerAlgorithm.Default);

    /// <summary>Session affinity by a hash of <paramref name="key"/>.</summary>
    /// <param name="key">The hash key.</param>
    public static LoadBalancer HashOn(ConsistentHash key) => new(LoadBalancerAlgorithm.ConsistentHash, key);
}
