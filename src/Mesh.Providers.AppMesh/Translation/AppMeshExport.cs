using Mesh.Diagnostics;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.AppMesh.Mapping;

namespace Mesh.Providers.AppMesh.Translation;

/// <summary>
/// Model → App Mesh, in output order: the Mesh (only when anything else is written), VirtualNodes, VirtualRouters, VirtualServices,
/// VirtualGateways and GatewayRoutes, each kind sorted by namespace then name (ordinal). External services are planned first (<see cref="EgressMapping"/>) so that the node plan
/// (<see cref="NodePlan"/>) knows every node a route or policy may name; what the model says that App Mesh cannot is reported
/// by the mappings, and access policies as a whole (<see cref="AccessPolicyMapping"/>).
/// </summary>
internal static class AppMeshExport
{
    public static (IReadOnlyList<object> Resources, IReadOnlyList<Diagnostic> Diagnostics) ToAppMesh(MeshConfig config, AppMeshOptions options, LeafServicePlan leaves)
    {
        var ctx = new AppMeshExportContext(options, config);
        ctx.UnsupportedExternalEndpointsAndSubsets(
            "App Mesh reaches external services through DNS or Cloud Map; endpoints with their own ports or labels are not written.",
            "App Mesh external services have no subsets; they are not written.");
        var externals = EgressMapping.ToAppMesh(config, ctx);
        ctx.Plan = NodePlan.Create(config, leaves, externals);
        // The Mesh holds the mesh-wide settings: the model's and its outbound policies' (the egress filter).
        var mesh = Ownership.From(MeshMapping.ToAppMesh(ctx), [ModelObjectNames.Of(config), .. config.Outbound.Select(ModelObjectNames.Of)]);
        TlsMapping.Report(config, ctx);
        AccessLogMapping.Report(ctx);
        var gateways = GatewayMapping.ToAppMesh(config, ctx);
        ctx.UnsupportedGatewayStreamRoutes("App Mesh gateway routes are HTTP, HTTP/2 or gRPC: a virtual gateway has no TLS passthrough or TCP listener, so TLS and TCP routes at gateways are not written.");
        ctx.UnsupportedRequestAuthentication("App Mesh does not verify end-user tokens (JWT); the request authentication is not written.");
        DestinationPolicyMapping.Report(config, ctx);
        ClientTlsMapping.Plan(ctx);
        AccessPolicyMapping.Report(config, ctx);
        ServicePortMapping.Report(config, ctx);

        var (routers, routed) = RouterMapping.ToAppMesh(ctx);
        var services = new List<Resources.VirtualService>();
        var seen = new HashSet<ServiceRef>();
        foreach (var service in config.Services)
        {
            if (seen.Add(service.Reference)) services.Add(Ownership.From(VirtualServiceMapping.ToAppMesh(service, routed.Contains(service.Reference), ctx), ModelObjectNames.Of(service)));
        }
        services.AddRange(externals.Select(e => Ownership.From(VirtualServiceMapping.ToAppMesh(e), ModelObjectNames.Of(e.External!))));
        Sort(services);

        var serviceRefs = services.Select(s => new ServiceRef(s.Metadata.Name, s.Metadata.NamespaceProperty)).ToList();
        var anyEncrypted = TlsMapping.AnyEncrypted(ctx);
        var nodes = ctx.Plan.Nodes.Select(n => Ownership.From(VirtualNodeMapping.ToAppMesh(n, serviceRefs, anyEncrypted, ctx), n.Service is { } s ? ModelObjectNames.Of(s) : ModelObjectNames.Of(n.External!))).ToList();
        ClientTlsMapping.ReportUnwritten(ctx);
        Sort(nodes);
        Sort(routers);
        var gatewayRoutes = GatewayRouteMapping.ToAppMesh(config, gateways, ctx);
        GatewayMapping.SelectRouteNamespaces(gateways);
        var virtualGateways = gateways.Select(g => g.Resource).ToList();
        Sort(virtualGateways);
        Sort(gatewayRoutes);
        // The Mesh holds what else is written and the egress filter: a model with neither writes no Mesh either.
        if (nodes.Count == 0 && routers.Count == 0 && services.Count == 0 && virtualGateways.Count == 0 && config.Outbound.IsEmpty) return ([], ctx.Diagnostics);
        return ([mesh, .. nodes, .. routers, .. services, .. virtualGateways, .. gatewayRoutes], ctx.Diagnostics);
    }

    private static void Sort<T>(List<T> resources)
        where T : k8s.IKubernetesObject<k8s.Models.V1ObjectMeta> =>
        resources.Sort((a, b) => OrdinalKeyComparer.Instance.Compare((a.Metadata.NamespaceProperty, a.Metadata.Name), (b.Metadata.NamespaceProperty, b.Metadata.Name)));
}
