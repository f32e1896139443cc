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
        _policy = _policy with { LoadBalancer = loadBalancer };
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

    internal DestinationPolicy Build() => _policy;
}
