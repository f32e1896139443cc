using System.Text.Json;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Osm.Translation;

namespace Mesh.Providers.Osm.Mapping;

/// <summary>
/// Core <c>v1</c> Services → model services (the kit's <see cref="CoreServiceReader"/>: selector, ports with their names, target
/// ports and OSM's <c>appProtocol</c> values). A leaf Service (<see cref="LeafServiceLabels"/>) is read as a service of its own,
/// which the translator shell folds back into a subset of its parent (<see cref="ServiceFolding"/>); a parent the input lacks is
/// declared from its leaf (the selector its <see cref="LeafServiceLabels.ParentSelector"/> names, the leaf's ports). Model → Services
/// is the translator shell's (<see cref="CoreServiceWriter"/>).
/// </summary>
internal static class CoreServiceMapping
{
    /// <summary>The leaf annotations, read by the folding.</summary>
    private static readonly HashSet<string> Carried = new(StringComparer.Ordinal) { LeafServiceLabels.SubsetOf, LeafServiceLabels.ParentSelector };

    /// <summary>OSM → model: the services of the input's Services, and the leaf Services by the parent and subset they stand for.</summary>
    public static (List<MeshService> Services, Dictionary<(ServiceRef Parent, string Subset), ServiceRef> Leaves) ToModel(ImportIndex index, ImportContext ctx)
    {
        var services = new List<MeshService>();
        var leaves = new Dictionary<(ServiceRef, string), ServiceRef>();
        var declared = new HashSet<ServiceRef>();
        foreach (var doc in index.Services.Values)
        {
            ReportMetadata(doc.Resource.Metadata, doc.Source, ctx);
            if (CoreServiceReader.Read(doc.Resource, doc.Name, doc.Namespace, doc.Source, ctx) is not { } read) continue;
            services.Add(read);
            declared.Add(read.Reference);
        }
        foreach (var doc in index.Services.Values)
        {
            if (doc.Resource.Metadata?.Annotations is not { } annotations
                || !annotations.TryGetValue(LeafServiceLabels.SubsetOf, out var mark)
                || !LeafServiceLabels.TryParse(mark, out var parentName, out var subset))
            {
                continue;
            }
            var parent = new ServiceRef(parentName, doc.Namespace);
            var leaf = new ServiceRef(doc.Name, doc.Namespace);
            leaves.TryAdd((parent, subset), leaf);
            if (declared.Contains(parent) || services.Find(s => s.Reference == leaf) is not { } leafService) continue;
            var selector = annotations.TryGetValue(LeafServiceLabels.ParentSelector, out var text) && LeafServiceLabels.TryParseSelector(text, out var parsed) ? parsed : default;
            services.Add(new MeshService { Name = parentName, Namespace = doc.Namespace, Selector = selector, Ports = leafService.Ports });
            declared.Add(parent);
            ctx.Inferred(doc.Source, "$.metadata.annotations" + JsonPaths.Segment(LeafServiceLabels.SubsetOf), $"Service '{parent}' is not in the input; it is declared from its leaf Service '{leaf}' (the leaf's ports, and the selector its {LeafServiceLabels.ParentSelector} annotation names, else {{ {MeshService.DefaultSelectorKey}: {parentName} }}).");
        }
        return (services, leaves);
    }

    /// <summary>Reports a Service's metadata but the leaf labels and annotations, which the import reads.</summary>
    private static void ReportMetadata(k8s.Models.V1ObjectMeta? metadata, string source, ImportContext ctx)
    {
        if (metadata?.Labels is { } labels && (labels.ContainsKey(LeafServiceLabels.Parent) || labels.ContainsKey(LeafServiceLabels.Subset)))
        {
            var copy = JsonSerializer.Deserialize(JsonSerializer.Serialize(metadata, KubeJson.ObjectMeta), KubeJson.ObjectMeta)!;
            var rest = labels.Where(l => l.Key is not (LeafServiceLabels.Parent or LeafServiceLabels.Subset)).ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);
            copy.Labels = rest.Count == 0 ? null : rest;
            metadata = copy;
        }
        ctx.ReportMetadata(metadata, source, Carried);
    }
}
