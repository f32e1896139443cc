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

    /// <summary>
    /// The outbound clusters that take no EDS, sorted by name: external services' (STATIC, STRICT_DNS with their endpoints
    /// inline, or ORIGINAL_DST) and the outbound scope's <c>PassthroughCluster</c> or <c>BlackHoleCluster</c>.
    /// </summary>
    public ClusterPlan[] ExternalClusters { get; init; } = [];

    /// <summary>Every CDS resource sorted by name: <see cref="InboundClusters"/>, <see cref="Clusters"/> and <see cref="ExternalClusters"/>.</summary>
    public ClusterPlan[] CdsClusters { get; init; } = [];

    /// <summary>How many CDS resources there are.</summary>
    public int CdsCount => CdsClusters.Length;

    /// <summary>The CDS resource at a position in name order.</summary>
    public ClusterPlan CdsCluster(int index) => CdsClusters[index];

    /// <summary>The services of the model that the proxy's outbound policy hides: they have no clusters, and their endpoints are ignored without a warning.</summary>
    public HashSet<ServiceRef> Hidden { get; init; } = [];

    public required RouteConfigPlan[] RouteConfigs { get; init; }

    public required ListenerPlan[] Listeners { get; init; }

    /// <summary>For each service, the indexes of its clusters (and load assignments) in <see cref="Clusters"/>.</summary>
    public required Dictionary<ServiceRef, int[]> ClustersByService { get; init; }

    /// <summary>For each route host, the indexes of the route configurations holding its virtual hosts.</summary>
    public required Dictionary<ServiceRef, int[]> RouteConfigsByHost { get; init; }
}
