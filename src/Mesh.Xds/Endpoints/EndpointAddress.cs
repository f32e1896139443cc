using Mesh.Collections;

namespace Mesh.Xds;

/// <summary>One endpoint of a service port.</summary>
public sealed record EndpointAddress
{
    /// <summary>The IP literal (IPv4 or IPv6) of the endpoint.</summary>
    public required string Address { get; init; }

    /// <summary>The target port when it differs from the service port; null means the service port.</summary>
    public int? Port { get; init; }

    /// <summary>The workload's labels; subsets select endpoints by them.</summary>
    public EquatableMap<string> Labels { get; init; }

    /// <summary>Where the endpoint runs; null means <see cref="EndpointLocality.Unknown"/>.</summary>
    public EndpointLocality? Locality { get; init; }

    /// <summary>The load-balancing weight (at least 1).</summary>
    /// <value>1.</value>
    public int Weight { get; init; } = 1;

    /// <summary>The endpoint's health.</summary>
    /// <value><see cref="EndpointHealth.Healthy"/>.</value>
    public EndpointHealth Health { get; init; } = EndpointHealth.Healthy;
}
