using Mesh.Diagnostics;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Osm.Mapping;

namespace Mesh.Providers.Osm.Translation;

/// <summary>
/// Model → OSM, in output order: the partial MeshConfig, then TrafficSplits, HTTPRouteGroups, TCPRoutes, TrafficTargets,
/// UpstreamTrafficSettings, Retries and Egresses, each kind sorted by namespace then name (ordinal). The MeshConfig comes last in
/// the work, first in the output: it enables the feature flags of the Retry and Egress policies written.
/// </summary>
internal static class OsmExport
{
    public static (IReadOnlyList<object> Resources, IReadOnlyList<Diagnostic> Diagnostics) ToOsm(MeshConfig config, LeafServicePlan leaves, OsmOptions options)
    {
        var ctx = new OsmExportContext(options, config, leaves);
        var (splitDrafts, retryDrafts) = RouteMapping.ToOsm(ctx);
        var splits = TrafficSplitMapping.ToOsm(splitDrafts, ctx);
        var (targets, groups, tcpRoutes, ingress) = AccessPolicyMapping.ToOsm(ctx);
        var settings = UpstreamTrafficSettingMapping.ToOsm(ctx);
        var retries = RetryMapping.ToOsm(retryDrafts, ctx);
        ctx.UnsupportedExternalEndpointsAndSubsets(
            "An OSM Egress names hosts, IP ranges and ports, not endpoints with their own ports or labels; the endpoints are not written.",
            "An OSM Egress has no subsets; they are not written.");
        var egresses = EgressMapping.ToOsm(ctx);
        var meshStrict = MtlsMapping.Report(ctx);
        ServicePortMapping.Report(ctx);
        ctx.UnsupportedTelemetry("OSM sets access logging and tracing in its installation (MeshConfig observability), not per scope; the telemetry policy is not written.");
        ctx.UnsupportedGateways("OSM has no gateway resource: ingress is a third-party controller, which this provider does not configure (an access policy's IP blocks become the IngressBackend that admits it).");
        ctx.UnsupportedRequestAuthentication("OSM does not verify end-user tokens (JWT); the request authentication is not written.");
        var meshConfig = MeshConfigMapping.ToOsm(ctx, meshStrict);

        var resources = new List<object>();
        if (meshConfig is not null) resources.Add(meshConfig);
        resources.AddRange(Sorted(splits));
        resources.AddRange(Sorted(groups));
        resources.AddRange(Sorted(tcpRoutes));
        resources.AddRange(Sorted(targets));
        resources.AddRange(Sorted(ingress));
        resources.AddRange(Sorted(settings));
        resources.AddRange(Sorted(retries));
        resources.AddRange(Sorted(egresses));
        return (resources, ctx.Diagnostics);
    }

    private static IEnumerable<T> Sorted<T>(List<T> resources)
        where T : k8s.IKubernetesObject<k8s.Models.V1ObjectMeta> =>
        resources.OrderBy(r => (r.Metadata.NamespaceProperty, r.Metadata.Name), OrdinalKeyComparer.Instance);
}
