namespace Mesh.Model;

/// <summary>A load-balancing algorithm.</summary>
public enum LoadBalancerAlgorithm
{
    /// <summary>Each endpoint in turn.</summary>
    RoundRobin,

    /// <summary>The endpoint with the fewest outstanding requests (power of two choices).</summary>
    LeastRequest,

    /// <summary>A random endpoint.</summary>
    Random,

    /// <summary>A hash of a request property picks the endpoint (session affinity).</summary>
    ConsistentHash,

    /// <summary>
    /// The mesh's own default algorithm (least request in Istio, round robin in most others): set when a load balancer
    /// only configures locality-aware balancing or warm-up.
    /// </summary>
    Default,
}
