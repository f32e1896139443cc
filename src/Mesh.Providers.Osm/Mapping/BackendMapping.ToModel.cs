using System.Globalization;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Osm.Resources;
using Mesh.Providers.Osm.Translation;

namespace Mesh.Providers.Osm.Mapping;

/// <summary>
/// TrafficSplit backends → model backends: Services of the split's namespace with their weights, without a port or subset — a leaf
/// Service's backend becomes a subset's when the translator shell folds the leaf (<see cref="ServiceFolding"/>). A backend named
/// twice adds up its weights, as OSM does.
/// </summary>
internal static partial class BackendMapping
{
    public static List<WeightedBackend> ToModel(ImportDocument<TrafficSplit> doc, ImportContext ctx)
    {
        var backends = new List<WeightedBackend>();
        var list = doc.Resource.Spec?.Backends ?? [];
        for (var n = 0; n < list.Count; n++)
        {
            var path = $"$.spec.backends[{n.ToString(CultureInfo.InvariantCulture)}]";
            if (list[n] is not { } backend) continue;
            if (backend.Service is not { Length: > 0 } name || !Validation.DnsNames.IsDnsLabel(name))
            {
                ctx.Invalid(doc.Source, $"{path}.service", backend.Service is null ? "A backend needs a Service name." : $"'{backend.Service}' is not a Service name.");
                continue;
            }
            if (backend.Weight is not { } weight || weight < 0)
            {
                ctx.Invalid(doc.Source, $"{path}.weight", backend.Weight is null ? "A backend needs a weight." : $"The weight {backend.Weight} is negative.");
                continue;
            }
            var service = new ServiceRef(name, doc.Namespace);
            var same = backends.FindIndex(b => b.Service == service);
            if (same >= 0)
            {
                ImportNotes.Note(ctx, doc.Source, path, $"Service {name} is already a backend of this split: its weights add up.");
                backends[same] = backends[same] with { Weight = backends[same].Weight + weight };
                continue;
            }
            backends.Add(new WeightedBackend { Service = service, Weight = weight });
        }
        return Ports(doc, backends, ctx);
    }

    /// <summary>The backends with the ports <see cref="OsmAnnotations.BackendPorts"/> names.</summary>
    private static List<WeightedBackend> Ports(ImportDocument<TrafficSplit> doc, List<WeightedBackend> backends, ImportContext ctx)
    {
        if (OsmAnnotations.Get(doc.Resource.Metadata, OsmAnnotations.BackendPorts) is not { } text) return backends;
        foreach (var entry in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = entry.IndexOf('=', StringComparison.Ordinal);
            var at = eq < 0 ? -1 : backends.FindIndex(b => b.Service.Name == entry[..eq]);
            if (at >= 0 && int.TryParse(entry[(eq + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535)
            {
                backends[at] = backends[at] with { Port = port };
            }
            else
            {
                ctx.NotImported(doc.Source, "$.metadata.annotations" + JsonPaths.Segment(OsmAnnotations.BackendPorts), $"'{entry}' is not <backend>=<port> for a backend of this split; it is not imported.");
            }
        }
        return backends;
    }
}
