using Mesh.Kubernetes;
using Mesh.Providers.AppMesh.Resources;

namespace Mesh.Providers.AppMesh.Translation;

/// <summary>The first pass: every resource a reference may name, by namespace and name, whichever file it came from.</summary>
internal sealed class ImportIndex
{
    public List<ImportDocument<AppMeshMesh>> Meshes { get; } = [];

    public SortedDictionary<ResourceKey, ImportDocument<VirtualNode>> Nodes { get; } = [];

    public SortedDictionary<ResourceKey, ImportDocument<VirtualRouter>> Routers { get; } = [];

    public SortedDictionary<ResourceKey, ImportDocument<VirtualService>> VirtualServices { get; } = [];

    public SortedDictionary<ResourceKey, ImportDocument<CoreService>> Services { get; } = [];

    public SortedDictionary<ResourceKey, ImportDocument<VirtualGateway>> Gateways { get; } = [];

    public SortedDictionary<ResourceKey, ImportDocument<GatewayRoute>> GatewayRoutes { get; } = [];

    /// <summary>Adds <paramref name="document"/>; a second resource of one kind, namespace and name is invalid input.</summary>
    public static void Add<T>(SortedDictionary<ResourceKey, ImportDocument<T>> table, ImportDocument<T> document, ImportContext ctx)
        where T : class
    {
        if (document.Name.Length == 0) return;
        if (!table.TryAdd(new ResourceKey(document.Namespace, document.Name), document))
        {
            ctx.Invalid(document.Source, "$.metadata.name", $"{typeof(T).Name} {document.Name} in namespace {document.Namespace} is defined twice; this one is not imported.");
        }
    }
}
