using Mesh.Model;

namespace Mesh.Builders;

/// <summary>Builds a <see cref="Model.DestinationPolicy"/>.</summary>
public sealed class DestinationPolicyBuilder
{
    private DestinationPolicy _policy;

    internal DestinationPolicyBuilder(PolicyTarget target) => _policy = new DestinationPolicy { Target = target };

    /// <summary>Sets the load balancer, e.g. <see cref="Model.LoadBalancer.LeastRequest"/> or <c>LoadBalancer.HashOn(ConsistentHash.Header("x-user"))</c>.</summary>
    /// <param name="loadBalancer">The algorithm.</param>
    public DestinationPolicyBuilder LoadBalancer(LoadBalancer loadBalancer)
    {
        ArgumentNullException.ThrowIfNull(loadBalancer);
        // Locality and warm-up set before the algorithm are kept unless the new load balancer sets its own.
        if (_policy.LoadBalancer is { } previous)
        {
            loadBalancer = loadBalancer with { Locality = loadBalancer.Locality ?? previous.Locality, Warmup = loadBalancer.Warmup ?? previous.Warmup };
        }
        _policy = _policy with { LoadBalancer = loadBalancer };
        return this;
    }

    /// <summary>
    /// Sets locality-aware balancing, keeping the algorithm already set (or the mesh's default), e.g.
    /// <c>.Locality(new LocalityLoadBalancing { Failover = [new LocalityFailover { From = "us-east", To = "us-west" }] })</c>;
    /// failover needs <see cref="OutlierDetection"/> too.
    /// </summary>
    /// <param name="locality">The distribution or failover settings.</param>
    public DestinationPolicyBuilder Locality(LocalityLoadBalancing locality)
    {
        _policy = _policy with { LoadBalancer = (_policy.LoadBalancer ?? Model.LoadBalancer.MeshDefault) with { Locality = locality } };
        return this;
    }

    /// <summary>Sets slow start for new endpoints, keeping the algorithm already set (or the mesh's default).</summary>
    /// <param name="duration">How long a new endpoint warms up.</param>
    /// <param name="minimumPercent">The smallest share of its weight, in percent, it gets meanwhile; null for the mesh's default.</param>
    /// <param name="aggression">How fast its share grows (1 is linear); null for the mesh's default.</param>
    public DestinationPolicyBuilder Warmup(TimeSpan duration, decimal? minimumPercent = null, decimal? aggression = null)
    {
        var warmup = new Model.Warmup { Duration = duration, MinimumPercent = minimumPercent, Aggression = aggression };
        _policy = _policy with { LoadBalancer = (_policy.LoadBalancer ?? Model.LoadBalancer.MeshDefault) with { Warmup = warmup } };
        return this;
    }

    /// <summary>Sets connection pool limits (circuit breaking).</summary>
    /// <param name="pool">The limits.</param>
    public DestinationPolicyBuilder ConnectionPool(ConnectionPool pool)
    {
        _policy = _policy with { ConnectionPool = pool };
        return this;
    }

    /// <summary>Sets outlier detection.</summary>
    /// <param name="detection">The settings.</param>
    public DestinationPolicyBuilder OutlierDetection(OutlierDetection detection)
    {
        _policy = _policy with { OutlierDetection = detection };
        return this;
    }

    /// <summary>Sets the TLS the client originates, e.g. <c>new ClientTls { Mode = ClientTlsMode.Simple, Sni = "api.example.com" }</c>.</summary>
    /// <param name="tls">The settings.</param>
    public DestinationPolicyBuilder Tls(ClientTls tls)
    {
        _policy = _policy with { Tls = tls };
        return this;
    }

    /// <summary>
    /// Limits the requests each workload of the target accepts, e.g. <c>.RateLimit(100, TimeSpan.FromSeconds(1), burst: 200)</c>;
    /// route limits added with <see cref="RouteRateLimit"/> are kept.
    /// </summary>
    /// <param name="requests">The requests a workload accepts per interval.</param>
    /// <param name="interval">The interval; null for one second.</param>
    /// <param name="burst">The most requests accepted at once; null for <paramref name="requests"/>.</param>
    /// <param name="status">The status answered to a limited request; null for 429.</param>
    public DestinationPolicyBuilder RateLimit(int requests, TimeSpan? interval = null, int? burst = null, int? status = null)
    {
        _policy = _policy with
        {
            RateLimit = (_policy.RateLimit ?? new LocalRateLimit()) with { Requests = requests, Interval = interval, Burst = burst, Status = status ?? _policy.RateLimit?.Status },
        };
        return this;
    }

    /// <summary>
    /// Adds a limit of its own for requests whose path matches, e.g. <c>.RouteRateLimit(PathMatch.Prefix("/api"), 10)</c>;
    /// route limits apply in the order added (the first matching path).
    /// </summary>
    /// <param name="path">The requests the limit applies to.</param>
    /// <param name="requests">The matching requests a workload accepts per interval.</param>
    /// <param name="interval">The interval; null for one second.</param>
    /// <param name="burst">The most matching requests accepted at once; null for <paramref name="requests"/>.</param>
    public DestinationPolicyBuilder RouteRateLimit(PathMatch path, int requests, TimeSpan? interval = null, int? burst = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var limit = _policy.RateLimit ?? new LocalRateLimit();
        var route = new Model.RouteRateLimit { Path = path, Requests = requests, Interval = interval, Burst = burst };
        _policy = _policy with { RateLimit = limit with { Routes = [.. limit.Routes, route] } };
        return this;
    }

    /// <summary>Sets the status answered to a request over a limit of the target (its own or a route's).</summary>
    /// <param name="status">A 4xx or 5xx status, 429 by default.</param>
    public DestinationPolicyBuilder RateLimitStatus(int status)
    {
        _policy = _policy with { RateLimit = (_policy.RateLimit ?? new LocalRateLimit()) with { Status = status } };
        return this;
    }

    internal DestinationPolicy Build() => _policy;
}
