using Mesh.Model;
using Mesh.Xds.EnvoyApi;

namespace Mesh.Xds.Planning;

/// <summary>
/// Plans what a sidecar does with a call to a host that no virtual host names, from the outbound policy that applies
/// to it (its namespace's, else the mesh-wide one; none means allow any), as Istio does: with
/// <see cref="OutboundMode.AllowAny"/> a <c>PassthroughCluster</c> (ORIGINAL_DST) and a catch-all virtual host
/// <c>allow_any</c> routing to it; with <see cref="OutboundMode.RegistryOnly"/> a <c>BlackHoleCluster</c> (STATIC, no
/// endpoints) and a catch-all virtual host <c>block_all</c> answering 502. The policy's hosts scope which services
/// and external services the sidecar sees (<see cref="PlanContext.IsVisible"/>). Proxyless gRPC clients ask for the
/// resources they use by name, so none of this applies to them; a policy that applies to one is reported.
/// </summary>
internal static class OutboundScope
{
    /// <summary>The name of the passthrough cluster of <see cref="OutboundMode.AllowAny"/>.</summary>
    public const string PassthroughCluster = "PassthroughCluster";

    /// <summary>The name of the cluster with no endpoints of <see cref="OutboundMode.RegistryOnly"/>.</summary>
    public const string BlackHoleCluster = "BlackHoleCluster";

    /// <summary>The catch-all virtual host (and its route) of <see cref="OutboundMode.AllowAny"/>.</summary>
    public const string AllowAny = "allow_any";

    /// <summary>The catch-all virtual host (and its route) of <see cref="OutboundMode.RegistryOnly"/>.</summary>
    public const string BlockAll = "block_all";

    /// <summary>The status a registry-only sidecar answers calls to unknown hosts with (Istio's).</summary>
    public const int BlockedStatus = 502;

    private static bool RegistryOnly(PlanContext context) => context.Outbound?.Mode == OutboundMode.RegistryOnly;

    /// <summary>The sidecar's passthrough or black-hole cluster; none for proxyless clients.</summary>
    public static ClusterPlan? Cluster(PlanContext context)
    {
        if (context.Proxyless || context.IsGateway) return null;
        return Cluster(context, RegistryOnly(context));
    }

    /// <summary>The cluster with no endpoints (<see cref="BlackHoleCluster"/>) that closes every connection sent to it.</summary>
    public static ClusterPlan BlackHole(PlanContext context) => Cluster(context, registryOnly: true);

    private static ClusterPlan Cluster(PlanContext context, bool registryOnly)
    {
        return new ClusterPlan(
            registryOnly ? BlackHoleCluster : PassthroughCluster,
            default,
            0,
            Protocol.Tcp,
            null,
            [],
            context.Options.DefaultConnectTimeout,
            registryOnly ? LbPolicy.RoundRobin : LbPolicy.ClusterProvided,
            null,
            null,
            null,
            Discovery: registryOnly ? DiscoveryType.Static : DiscoveryType.OriginalDst,
            Inline: registryOnly ? [] : null);
    }

    /// <summary>The catch-all virtual host (domain <c>*</c>) each outbound route configuration of a sidecar ends with; none for proxyless clients.</summary>
    public static VirtualHostPlan? CatchAll(PlanContext context)
    {
        if (context.Proxyless || context.IsGateway) return null;
        if (RegistryOnly(context))
        {
            var block = new RoutePlan(BlockAll, null, null, [], null, null, null, default) { DirectStatus = BlockedStatus };
            return new VirtualHostPlan(BlockAll, default, 0, ["*"], [block]);
        }
        var pass = new RoutePlan(AllowAny, null, null, [new BackendPlan(PassthroughCluster, 1, default, null)], null, null, null, default);
        return new VirtualHostPlan(AllowAny, default, 0, ["*"], [pass]);
    }

    /// <summary>The cluster a sidecar's layer-4 catch-all chain sends to: <see cref="BlackHoleCluster"/> when registry-only, else <see cref="PassthroughCluster"/>.</summary>
    public static string CatchAllCluster(PlanContext context) => RegistryOnly(context) ? BlackHoleCluster : PassthroughCluster;

    /// <summary>Reports an outbound policy that applies to a proxyless client, for which nothing of it is encoded.</summary>
    public static void Report(PlanContext context)
    {
        if (context.IsGateway && context.Outbound is not null)
        {
            context.Warning(XdsDiagnosticCodes.NotEncoded, $"$.spec.outbound[{context.OutboundIndex}]",
                "The outbound policy is not encoded for gateway proxies: a gateway reaches exactly the backends its gateway routes name, and answers 404 for requests no route matches.");
            return;
        }
        if (!context.Proxyless || context.Outbound is null) return;
        context.Warning(XdsDiagnosticCodes.NotEncoded, $"$.spec.outbound[{context.OutboundIndex}]",
            "The outbound policy is not encoded for proxyless gRPC clients: they receive only the resources they ask for by name, so there is no scope to narrow and no passthrough or black-hole cluster for other hosts.");
    }
}
