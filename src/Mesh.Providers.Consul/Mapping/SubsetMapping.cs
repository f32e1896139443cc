using System.Text;
using Mesh.Model;
using Mesh.Providers.Consul.Translation;

namespace Mesh.Providers.Consul.Mapping;

/// <summary>
/// A service's subsets → its <c>ServiceResolver.subsets</c>. Consul selects instances by a bexpr filter over catalog data, not
/// by pod labels: each subset label <c>k: v</c> becomes <c>Service.Meta.k == "v"</c> (ANDed), which consul-k8s fills from the
/// pod annotation <c>consul.hashicorp.com/service-meta-k: v</c> — the subset's pods must carry those annotations (reported
/// once per service). The exact labels are kept in the <see cref="ConsulEntries.SubsetLabels"/> annotation for import.
/// </summary>
internal static partial class SubsetMapping
{
    public const string MetaAnnotationPrefix = "consul.hashicorp.com/service-meta-";

    public static void ToConsul(MeshConfig config, ConsulExportContext ctx)
    {
        for (var i = 0; i < config.Services.Count; i++)
        {
            var service = config.Services[i];
            if (service.Subsets.Count == 0) continue;
            var resolver = ctx.ResolverOf(service.Reference);
            resolver.Spec.Subsets ??= new Dictionary<string, Resources.ServiceResolverSubset>(StringComparer.Ordinal);
            var annotation = new List<string>();
            for (var s = 0; s < service.Subsets.Count; s++)
            {
                var subset = service.Subsets[s];
                var labels = subset.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).ToList();
                resolver.Spec.Subsets[subset.Name] = new Resources.ServiceResolverSubset { Filter = Filter(labels) };
                annotation.Add(subset.Name + "=" + string.Join(',', labels.Select(l => $"{l.Key}={l.Value}")));
                foreach (var label in labels.Where(l => l.Key.Contains('/', StringComparison.Ordinal)))
                {
                    ctx.ApproximatedOnce($"$.spec.services[{i}].subsets[{s}].labels", ctx.Message("The subset label '{0}' has a prefix: a consul-k8s service-meta annotation cannot carry a key with '/', so the pods cannot be given that metadata as is.", label.Key));
                }
            }
            ConsulEntries.Annotate(resolver, ConsulEntries.SubsetLabels, string.Join(';', annotation));
            ctx.NoteOnce($"$.spec.services[{i}].subsets", ctx.Message("Consul selects subset instances by service metadata, not labels: the pods of each subset need the annotations consul.hashicorp.com/service-meta-<label>: <value> of its labels (ServiceResolver '{0}').", service.Name));
        }
    }

    /// <summary>The bexpr of <paramref name="labels"/>: <c>Service.Meta.k == "v" and …</c> (<c>Service.Meta["k"]</c> for keys that are not identifiers); empty labels match every instance.</summary>
    public static string Filter(IReadOnlyList<KeyValuePair<string, string>> labels)
    {
        if (labels.Count == 0) return string.Empty;
        var builder = new StringBuilder();
        foreach (var (key, value) in labels)
        {
            if (builder.Length > 0) builder.Append(" and ");
            builder.Append("Service.Meta");
            if (IsIdentifier(key)) builder.Append('.').Append(key);
            else builder.Append("[\"").Append(Quote(key)).Append("\"]");
            builder.Append(" == \"").Append(Quote(value)).Append('"');
        }
        return builder.ToString();
    }

    private static bool IsIdentifier(string key) =>
        key.Length > 0 && char.IsAsciiLetter(key[0]) && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static string Quote(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
