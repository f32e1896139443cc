using k8s;
using k8s.Models;
using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.Istio.Resources;
using Mesh.Translation;

namespace Mesh.Providers.Istio.Import;

/// <summary>Istio resources → model. DestinationRules are read first, so subsets are known when policies refer to them.</summary>
internal static class IstioImporter
{
    public static ImportResult Import(IReadOnlyList<(object Resource, string Source)> resources, ImportContext ctx, ImportOptions? options)
    {
        var diagnostics = ctx.Diagnostics;
        var model = new ModelBuilder();
        foreach (var (resource, source) in resources)
        {
            if (resource is DestinationRule dr) PolicyImporter.Services(dr, Namespace(dr, ctx), source, model, ctx);
        }
        foreach (var (resource, source) in resources)
        {
            switch (resource)
            {
                case VirtualService vs:
                    Metadata(vs.Metadata, source, ctx);
                    RouteImporter.Import(vs, Namespace(vs, ctx), source, model, ctx);
                    break;
                case DestinationRule dr:
                    Metadata(dr.Metadata, source, ctx);
                    PolicyImporter.Policies(dr, Namespace(dr, ctx), source, model, ctx);
                    break;
                case ServiceEntry se:
                    Metadata(se.Metadata, source, ctx);
                    EgressImporter.Import(se, Namespace(se, ctx), source, model, ctx);
                    break;
                case PeerAuthentication pa:
                    Metadata(pa.Metadata, source, ctx);
                    SecurityImporter.Mtls(pa, Namespace(pa, ctx), source, model, ctx);
                    break;
                case AuthorizationPolicy ap:
                    Metadata(ap.Metadata, source, ctx);
                    SecurityImporter.Access(ap, Namespace(ap, ctx), source, model, ctx);
                    break;
                case Sidecar:
                    ctx.OutOfScope(source, "$.spec", "Sidecar scoping (which hosts a proxy may reach) is outside the model; it was not imported.");
                    break;
                default:
                    ctx.UnknownKind(source, "$", $"{resource.GetType().Name} is not an Istio resource this provider reads; it was skipped.");
                    break;
            }
        }
        var config = diagnostics.Any(d => d.IsError) ? new MeshConfig { Name = options?.ModelName ?? "imported" } : model.Build(options?.ModelName ?? "imported");
        return ImportResult.Create(config, diagnostics, options);
    }

    public static string Namespace(IKubernetesObject<V1ObjectMeta> resource, ImportContext ctx) =>
        string.IsNullOrEmpty(resource.Metadata?.NamespaceProperty) ? ctx.Options.DefaultNamespace : resource.Metadata.NamespaceProperty;

    public static string Name(IKubernetesObject<V1ObjectMeta> resource, string source, ImportContext ctx)
    {
        var name = resource.Metadata?.Name;
        if (string.IsNullOrEmpty(name))
        {
            ctx.Invalid(source, "$.metadata.name", "The resource has no name.");
            return string.Empty;
        }
        return name;
    }

    private static void Metadata(V1ObjectMeta? metadata, string source, ImportContext ctx)
    {
        if (metadata is null) return;
        // Everything but the name and namespace (labels, annotations, uid, owner references, …) stays behind.
        if (System.Text.Json.JsonSerializer.SerializeToNode(metadata, Mapping.IstioJson.Options) is not System.Text.Json.Nodes.JsonObject fields) return;
        foreach (var (key, value) in fields)
        {
            if (key is "name" or "namespace" || value is null) continue;
            ctx.NotImportedInfo(source, "$.metadata" + Mapping.IstioJson.Segment(key), "Resource metadata other than name and namespace is not part of the model.");
        }
    }
}
