using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Mapping;
using Mesh.Providers.GatewayApi.Resources;
using Mesh.Translation;

namespace Mesh.Providers.GatewayApi.Translation;

/// <summary>
/// Gateway API routes (HTTPRoute, GRPCRoute, TCPRoute, TLSRoute), Gateways, BackendTLSPolicies and core Services → model: the routes first (routes
/// written once per parent port read back as one, <see cref="PortSplitMapping"/>; those bound to Gateways once every Gateway is read), the BackendTLSPolicies once every Service
/// and route is read (<see cref="BackendTlsMapping"/>: a sectionName names a port of either), then the Services and every
/// service the routes and policies name (<see cref="ServiceMapping"/>). Anything else is reported and skipped. Leaf Services fold back into subsets in the
/// translator shell.
/// </summary>
internal static class GatewayApiImport
{
    private static readonly HashSet<string> RouteAnnotations = new(StringComparer.Ordinal) { HttpRouteMapping.SplitOfAnnotation };

    public static ImportResult ToModel(IReadOnlyList<(object Resource, string Source)> resources, ImportContext ctx, ImportOptions? importOptions)
    {
        var model = new ModelBuilder { ReadsGateways = true };
        var services = new ServiceMapping(ctx);
        var splits = new List<PortSplitMapping.Part>();
        var tls = new List<BackendTlsMapping.Read>();
        var coreServices = new Dictionary<ServiceRef, CoreService>();
        void Split(k8s.Models.V1ObjectMeta? metadata, List<ParentReference>? parents, int before, string source)
        {
            if (model.Routes.Count == before || metadata?.Annotations is not { } annotations || !annotations.TryGetValue(HttpRouteMapping.SplitOfAnnotation, out var of)) return;
            var service = parents?.Where(p => p is { Kind: "Service" } && BackendMapping.IsCoreGroup(p.Group)).ToList();
            splits.Add(new PortSplitMapping.Part(model.Routes[^1], of, service is [{ Port: { } port }] ? port : null, source));
        }

        new ImportHandlers()
            .On<Resources.HttpRoute>((route, source) =>
            {
                ctx.ReportMetadata(route.Metadata, source, RouteAnnotations);
                var before = model.Routes.Count;
                HttpRouteMapping.ToModel(route.Spec, ctx.NameOf(route, source), ctx.NamespaceOf(route), source, model, ctx);
                Split(route.Metadata, route.Spec?.ParentRefs, before, source);
            })
            .On<GrpcRoute>((route, source) =>
            {
                ctx.ReportMetadata(route.Metadata, source, RouteAnnotations);
                var before = model.Routes.Count;
                HttpRouteMapping.ToModel(route.Spec, ctx.NameOf(route, source), ctx.NamespaceOf(route), source, model, ctx);
                Split(route.Metadata, route.Spec?.ParentRefs, before, source);
            })
            .On<Resources.TcpRoute>((route, source) =>
            {
                ctx.ReportMetadata(route.Metadata, source);
                TcpRouteMapping.ToModel(route.Spec, ctx.NameOf(route, source), ctx.NamespaceOf(route), source, model, ctx);
            })
            .On<TlsRoute>((route, source) =>
            {
                ctx.ReportMetadata(route.Metadata, source);
                GatewayEdgeMapping.ReadTlsRoute(route, ctx.NameOf(route, source), ctx.NamespaceOf(route), source, model, ctx);
            })
            .On<Resources.Gateway>((gateway, source) =>
            {
                ctx.ReportMetadata(gateway.Metadata, source);
                GatewayEdgeMapping.ReadGateway(gateway, ctx.NameOf(gateway, source), ctx.NamespaceOf(gateway), source, model, ctx);
            })
            .On<ReferenceGrant>((grant, source) =>
            {
                ctx.ReportMetadata(grant.Metadata, source);
                GatewayEdgeMapping.ReadReferenceGrant(grant, source, ctx);
            })
            .On<BackendTlsPolicy>((policy, source) =>
            {
                ctx.ReportMetadata(policy.Metadata, source);
                tls.Add(new BackendTlsMapping.Read(policy, ctx.NameOf(policy, source), ctx.NamespaceOf(policy), source));
            })
            .On<CoreService>((service, source) =>
            {
                var name = ctx.NameOf(service, source);
                services.Read(service, name, ctx.NamespaceOf(service), source);
                if (name.Length > 0) coreServices.TryAdd(new ServiceRef(name, ctx.NamespaceOf(service)), service);
            })
            .Dispatch(resources, ctx, GatewayApiResourceTypes.Catalog.Description);
        PortSplitMapping.ToModel(splits, model.Routes, ctx);
        GatewayEdgeMapping.BindRoutes(model, ctx);
        BackendTlsMapping.ToModel(tls, coreServices, model, ctx);
        var name = importOptions?.ModelName ?? "imported";
        var config = ctx.HasErrors ? new MeshConfig { Name = name } : services.Complete(model.Build(name), model).Normalize();
        return ImportResult.Create(config, ctx.Diagnostics, importOptions);
    }
}
