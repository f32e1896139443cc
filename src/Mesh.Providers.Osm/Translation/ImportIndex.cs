using Mesh.Kubernetes;
using Mesh.Providers.Osm.Resources;

namespace Mesh.Providers.Osm.Translation;

/// <summary>
/// The first pass of an import: every resource by kind, namespace and name, whichever file it came from, so that references
/// (a TrafficTarget's rules, a Retry's destinations, a split's backends) resolve across files. Each table is in namespace/name
/// order, the order every later pass visits.
/// </summary>
internal sealed class ImportIndex
{
    public SortedDictionary<(string Namespace, string Name), ImportDocument<CoreService>> Services { get; } = new(OrdinalKeyComparer.Instance);

    public SortedDictionary<(string Namespace, string Name), ImportDocument<TrafficSplit>> Splits { get; } = new(OrdinalKeyComparer.Instance);

    public SortedDictionary<(string Namespace, string Name), ImportDocument<TrafficTarget>> Targets { get; } = new(OrdinalKeyComparer.Instance);

    public SortedDictionary<(string Namespace, string Name), ImportDocument<HttpRouteGroup>> Groups { get; } = new(OrdinalKeyComparer.Instance);

    public SortedDictionary<(string Namespace, string Name), ImportDocument<TcpRoute>> TcpRoutes { get; } = new(OrdinalKeyComparer.Instance);

    public SortedDictionary<(string Namespace, string Name), ImportDocument<UpstreamTrafficSetting>> Settings { get; } = new(OrdinalKeyComparer.Instance);

    public SortedDictionary<(string Namespace, string Name), ImportDocument<Retry>> Retries { get; } = new(OrdinalKeyComparer.Instance);

    public SortedDictionary<(string Namespace, string Name), ImportDocument<Egress>> Egresses { get; } = new(OrdinalKeyComparer.Instance);

    public SortedDictionary<(string Namespace, string Name), ImportDocument<IngressBackend>> IngressBackends { get; } = new(OrdinalKeyComparer.Instance);

    public List<ImportDocument<OsmMeshConfig>> MeshConfigs { get; } = [];

    /// <summary>Adds <paramref name="document"/>; a second resource of one kind, namespace and name is invalid input.</summary>
    public static void Add<T>(SortedDictionary<(string Namespace, string Name), ImportDocument<T>> table, ImportDocument<T> document, ImportContext ctx)
        where T : class
    {
        if (document.Name.Length == 0) return;
        if (!table.TryAdd((document.Namespace, document.Name), document))
        {
            ctx.Invalid(document.Source, "$.metadata.name", $"{typeof(T).Name} {document.Name} in namespace {document.Namespace} is defined twice; this one is not imported.");
        }
    }
}
