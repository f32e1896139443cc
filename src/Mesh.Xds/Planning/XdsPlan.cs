using Mesh.Model;

namespace Mesh.Xds.Planning;

/// <summary>The model resolved for one proxy: the resources to emit, sorted by name, and which depend on what.</summary>
internal sealed class XdsPlan
{
    /// <summary>
    /// The plan of a model that failed validation: no resources, so that nothing downstream (encoding, the
    /// endpoint checks, <see cref="XdsCompiledConfig.CountOf"/>) needs a case of its own.
    /// </summary>
    public static XdsPlan Unplanned(XdsProxy proxy, XdsEncoderOptions options) => new()
    {
        Proxy = proxy,
        Options = options,
        Clusters = [],
        RouteConfigs = [],
        Listeners = [],
        ClustersByService = [],
        RouteConfigsByHost = [],
        IsPlanned = false,
    };

    /// <summary>Whether the model was planned; false for <see cref="Unplanned"/>, whose services are unknown.</summary>
    public bool IsPlanned { get; init; } = true;

    public required XdsProxy Proxy { get; init; }

    public required XdsEncoderOptions Options { get; init; }

    public required ClusterPlan[] Clusters { get; init; }

    /// <summary>The sidecar's local inbound clusters (STATIC, no EDS); they sort before every outbound cluster.</summary>
    public ClusterPlan[] InboundClusters { get; init; } = [];

    /// <summary>How many CDS resources there are: inbound clusters, then <see cref="Clusters"/>.</summary>
    public int CdsCount => InboundClusters.Length + Clusters.Length;

    /// <summary>The CDS resource at a position (inbound clusters first, as their names sort first).</summary>
    public ClusterPlan CdsCluster(int index) => index < InboundClusters.Length ? InboundClusters[index] : Clusters[index - InboundClusters.Length];

    public required RouteConfigPlan[] RouteConfigs { get; init; }

    public required ListenerPlan[] Listeners { get; init; }

    /// <summary>For each service, the indexes of its clusters (and load assignments) in <see cref="Clusters"/>.</summary>
    public required Dictionary<ServiceRef, int[]> ClustersByService { get; init; }

    /// <summary>For each route host, the indexes of the route configurations holding its virtual hosts.</summary>
    public required Dictionary<ServiceRef, int[]> RouteConfigsByHost { get; init; }
}
