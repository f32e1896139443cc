namespace Mesh.Model;

/// <summary>
/// A load-balancing algorithm. YAML: <c>{ roundRobin: {} }</c>, <c>{ leastRequest: {} }</c>, <c>{ random: {} }</c>
/// or <c>{ consistentHash: { header: x-user } }</c> (also <c>cookie: name</c>, <c>sourceIp: true</c>, <c>queryParameter: name</c>).
/// </summary>
/// <param name="Algorithm">The algorithm.</param>
/// <param name="ConsistentHash">The hash key; set exactly when <paramref name="Algorithm"/> is <see cref="LoadBalancerAlgorithm.ConsistentHash"/>.</param>
public sealed record LoadBalancer(LoadBalancerAlgorithm Algorithm, ConsistentHash? ConsistentHash = null)
{
    /// <summary>Round robin.</summary>
    public static LoadBalancer RoundRobin { get; } = new(LoadBalancerAlgorithm.RoundRobin);

    /// <summary>Least outstanding requests.</summary>
    public static LoadBalancer LeastRequest { get; } = new(LoadBalancerAlgorithm.LeastRequest);

    /// <summary>Uniformly random.</summary>
    public static LoadBalancer Random { get; } = new(LoadBalancerAlgorithm.Random);

    /// <summary>Session affinity by a hash of <paramref name="key"/>.</summary>
    /// <param name="key">The hash key.</param>
    public static LoadBalancer HashOn(ConsistentHash key) => new(LoadBalancerAlgorithm.ConsistentHash, key);
}
