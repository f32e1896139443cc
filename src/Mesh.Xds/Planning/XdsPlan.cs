using Mesh.Model;

namespace Mesh.Xds.Planning;

/// <summary>The model resolved for one proxy: the resources to emit, sorted by name, and which depend on what.</summary>
internal sealed class XdsPlan
{
    public required XdsProxy Proxy { get; init; }

    public required XdsEncoderOptions Options { get; init; }

    public required ClusterPlan[] Clusters { get; init; }

    public required RouteConfigPlan[] RouteConfigs { get; init; }

    public required ListenerPlan[] Listeners { get; init; }

    /// <summary>For each service, the indexes of its clusters (and load assignments) in <see cref="Clusters"/>.</summary>
    public required Dictionary<ServiceRef, int[]> ClustersByService { get; init; }

    /// <summary>For each route host, the indexes of the route configurations holding its virtual hosts.</summary>
    public required Dictionary<ServiceRef, int[]> RouteConfigsByHost { get; init; }
}
