using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Mapping;
using Mesh.Providers.GatewayApi.Resources;
using Mesh.Translation;

namespace Mesh.Providers.GatewayApi.Translation;

/// <summary>Gateway API routes (HTTPRoute, GRPCRoute, TCPRoute) → model. Anything else is reported and skipped.</summary>
internal static class GatewayApiImport
{
    public static ImportResult ToModel(IReadOnlyList<(object Resource, string Source)> resources, ImportContext ctx, ImportOptions? importOptions)
    {
        var model = new ModelBuilder();
        new ImportHandlers()
            .On<Resources.HttpRoute>((route, source) =>
            {
                ctx.ReportMetadata(route.Metadata, source);
                HttpRouteMapping.ToModel(route.Spec, ctx.NameOf(route, source), ctx.NamespaceOf(route), source, model, ctx);
            })
            .On<GrpcRoute>((route, source) =>
            {
                ctx.ReportMetadata(route.Metadata, source);
                HttpRouteMapping.ToModel(route.Spec, ctx.NameOf(route, source), ctx.NamespaceOf(route), source, model, ctx);
            })
            .On<Resources.TcpRoute>((route, source) =>
            {
                ctx.ReportMetadata(route.Metadata, source);
                TcpRouteMapping.ToModel(route.Spec, ctx.NameOf(route, source), ctx.NamespaceOf(route), source, model, ctx);
            })
            .Dispatch(resources, ctx, "a Gateway API route this provider reads");
        var name = importOptions?.ModelName ?? "imported";
        var config = ctx.HasErrors ? new MeshConfig { Name = name } : model.Build(name);
        return ImportResult.Create(config, ctx.Diagnostics, importOptions);
    }
}
