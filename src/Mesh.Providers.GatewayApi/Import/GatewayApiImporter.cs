using k8s;
using k8s.Models;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Resources;
using Mesh.Translation;

namespace Mesh.Providers.GatewayApi.Import;

/// <summary>Gateway API routes (HTTPRoute, GRPCRoute, TCPRoute) → model. Anything else is reported and skipped.</summary>
internal static class GatewayApiImporter
{
    public static ImportResult Import(IReadOnlyList<(object Resource, string Source)> resources, SourceDiagnostics ctx, GatewayApiOptions options, ImportOptions? importOptions)
    {
        var model = new ModelBuilder();
        foreach (var (resource, source) in resources)
        {
            switch (resource)
            {
                case Resources.HttpRoute route:
                    Metadata(route.Metadata, source, ctx);
                    RouteImporter.Http(route.Spec, Name(route, source, ctx), Namespace(route, options), source, model, ctx);
                    break;
                case GrpcRoute route:
                    Metadata(route.Metadata, source, ctx);
                    RouteImporter.Grpc(route.Spec, Name(route, source, ctx), Namespace(route, options), source, model, ctx);
                    break;
                case Resources.TcpRoute route:
                    Metadata(route.Metadata, source, ctx);
                    TcpRouteImporter.Import(route.Spec, Name(route, source, ctx), Namespace(route, options), source, model, ctx);
                    break;
                default:
                    ctx.UnknownKind(source, "$", $"{resource.GetType().Name} is not a Gateway API route this provider reads; it was skipped.");
                    break;
            }
        }
        var name = importOptions?.ModelName ?? "imported";
        var config = ctx.Diagnostics.Any(d => d.IsError) ? new MeshConfig { Name = name } : model.Build(name);
        return ImportResult.Create(config, ctx.Diagnostics, importOptions);
    }

    internal static string Namespace(IKubernetesObject<V1ObjectMeta> resource, GatewayApiOptions options) =>
        string.IsNullOrEmpty(resource.Metadata?.NamespaceProperty) ? options.DefaultNamespace : resource.Metadata.NamespaceProperty;

    internal static string Name(IKubernetesObject<V1ObjectMeta> resource, string source, SourceDiagnostics ctx)
    {
        var name = resource.Metadata?.Name;
        if (string.IsNullOrEmpty(name))
        {
            ctx.Invalid(source, "$.metadata.name", "The resource has no name.");
            return string.Empty;
        }
        return name;
    }

    /// <summary>Reports metadata beyond name and namespace; annotations in <paramref name="carried"/> are read by the caller and not reported.</summary>
    internal static void Metadata(V1ObjectMeta? metadata, string source, SourceDiagnostics ctx, IReadOnlySet<string>? carried = null)
    {
        // Everything but the name and namespace (labels, annotations, uid, owner references, …) stays behind.
        if (metadata is null) return;
        if (System.Text.Json.JsonSerializer.SerializeToNode(metadata, KubeJson.Options) is not System.Text.Json.Nodes.JsonObject fields) return;
        foreach (var (key, value) in fields)
        {
            if (key is "name" or "namespace" || value is null) continue;
            if (key == "annotations" && carried is not null && value is System.Text.Json.Nodes.JsonObject annotations)
            {
                foreach (var (annotation, text) in annotations)
                {
                    if (text is null || carried.Contains(annotation)) continue;
                    ctx.NotImportedInfo(source, "$.metadata.annotations" + JsonPaths.Segment(annotation), "This annotation is not part of the model.");
                }
                continue;
            }
            ctx.NotImportedInfo(source, "$.metadata" + JsonPaths.Segment(key), "Resource metadata other than name and namespace is not part of the model.");
        }
    }
}
