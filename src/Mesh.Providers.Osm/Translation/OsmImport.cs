using k8s;
using k8s.Models;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Osm.Mapping;
using Mesh.Providers.Osm.Resources;
using Mesh.Translation;

namespace Mesh.Providers.Osm.Translation;

/// <summary>
/// OSM → model, in two passes so that references resolve across files: every resource is first collected by kind, namespace and
/// name (<see cref="ImportIndex"/>); then, in namespace/name order, the core Services, TrafficSplits (routes), Retries (their retry
/// policies), UpstreamTrafficSettings (destination policies), TrafficTargets with their HTTPRouteGroups and TCPRoutes (access
/// policies), IngressBackends (allow policies from the ingress's Services and IP ranges, <see cref="IngressBackendMapping"/>),
/// Egresses (external services) and the MeshConfig (mTLS, permissive mode) are read. The translator shell then completes the
/// model and folds leaf Services into subsets.
/// </summary>
internal static class OsmImport
{
    public static ImportResult ToModel(IReadOnlyList<(object Resource, string Source)> resources, ImportContext ctx, OsmOptions options, ImportOptions? importOptions)
    {
        var index = new ImportIndex();
        new ImportHandlers()
            .On<CoreService>((r, s) => ImportIndex.Add(index.Services, ImportDocument.Of(r, s, ctx), ctx))
            .On<TrafficSplit>((r, s) => ImportIndex.Add(index.Splits, ImportDocument.Of(r, s, ctx), ctx))
            .On<TrafficTarget>((r, s) => ImportIndex.Add(index.Targets, ImportDocument.Of(r, s, ctx), ctx))
            .On<HttpRouteGroup>((r, s) => ImportIndex.Add(index.Groups, ImportDocument.Of(r, s, ctx), ctx))
            .On<Resources.TcpRoute>((r, s) => ImportIndex.Add(index.TcpRoutes, ImportDocument.Of(r, s, ctx), ctx))
            .On<UpstreamTrafficSetting>((r, s) => ImportIndex.Add(index.Settings, ImportDocument.Of(r, s, ctx), ctx))
            .On<Retry>((r, s) => ImportIndex.Add(index.Retries, ImportDocument.Of(r, s, ctx), ctx))
            .On<Egress>((r, s) => ImportIndex.Add(index.Egresses, ImportDocument.Of(r, s, ctx), ctx))
            .On<OsmMeshConfig>((r, s) => index.MeshConfigs.Add(ImportDocument.Of(r, s, ctx)))
            .On<IngressBackend>((r, s) => ImportIndex.Add(index.IngressBackends, ImportDocument.Of(r, s, ctx), ctx))
            .Dispatch(resources, ctx, "an SMI or OSM resource this provider reads");

        var (services, leaves) = CoreServiceMapping.ToModel(index, ctx);
        var (routes, tcpRoutes) = TrafficSplitMapping.ToModel(index, options.ClusterDomain, ctx);
        RetryMapping.ToModel(index, routes, tcpRoutes, ctx);
        var externals = EgressMapping.ToModel(index, services, ctx);
        var destinations = UpstreamTrafficSettingMapping.ToModel(index, options.ClusterDomain, externals, ctx);
        var access = AccessPolicyMapping.ToModel(index, services, leaves, ctx);
        access.AddRange(IngressBackendMapping.ToModel(index, access, services, ctx));
        var (mtls, outbound, permissive, permissiveSource) = MeshConfigMapping.ToModel(index, ctx);
        MeshConfigMapping.ReportPermissiveMode(permissive, permissiveSource, access.Count > 0, ctx);

        var config = new MeshConfig
        {
            Name = importOptions?.ModelName ?? "imported",
            Services = [.. services],
            Routes = [.. routes],
            TcpRoutes = [.. tcpRoutes],
            DestinationPolicies = [.. destinations],
            Mtls = [.. mtls],
            AccessPolicies = [.. access],
            ExternalServices = [.. externals],
            Outbound = [.. outbound],
        };
        return ImportResult.Create(ctx.HasErrors ? new MeshConfig { Name = config.Name } : config.Normalize(), ctx.Diagnostics, importOptions);
    }
}
