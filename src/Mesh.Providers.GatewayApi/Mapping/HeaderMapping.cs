using Mesh.Collections;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Resources;
using Mesh.Providers.GatewayApi.Translation;

namespace Mesh.Providers.GatewayApi.Mapping;

/// <summary>
/// A model header modifier (request or response) ↔ a <c>RequestHeaderModifier</c> / <c>ResponseHeaderModifier</c> filter:
/// <c>set</c>, <c>add</c> and <c>remove</c>. Gateway API header values have at least one character, and header names are
/// case-insensitive (a name given twice in a list is read once).
/// </summary>
internal static class HeaderMapping
{
    /// <summary>Model → Gateway API: the filter settings of <paramref name="modifier"/> (at <c>rulePath.field</c>), or null when nothing is left to write.</summary>
    public static HttpHeaderFilter? ToGatewayApi(HeaderModifier? modifier, RulePath rulePath, string field, RouteExportContext ctx)
    {
        if (modifier is null) return null;
        var result = new HttpHeaderFilter
        {
            Set = Entries(modifier.Set, rulePath, field, "set", ctx),
            Add = Entries(modifier.Add, rulePath, field, "add", ctx),
            Remove = Lists.OrNull(modifier.Remove),
        };
        return result.Set is null && result.Add is null && result.Remove is null ? null : result;
    }

    private static List<HttpHeader>? Entries(EquatableMap<string> entries, RulePath rulePath, string field, string list, RouteExportContext ctx)
    {
        if (entries.Count == 0) return null;
        var result = new List<HttpHeader>(entries.Count);
        foreach (var (name, value) in entries)
        {
            if (value.Length == 0)
            {
                ctx.Unsupported($"{rulePath}.{field}.{list}{JsonPaths.Segment(name)}", $"Gateway API header values have at least one character; the empty value of '{name}' is not written.");
                continue;
            }
            result.Add(new HttpHeader { Name = name, Value = value });
        }
        return result.Count == 0 ? null : result;
    }

    /// <summary>Gateway API → model: the header modifier of filter settings at <paramref name="path"/>.</summary>
    public static HeaderModifier ToModel(HttpHeaderFilter h, string source, string path, ImportContext ctx)
    {
        IEnumerable<KeyValuePair<string, string>> Entries(List<HttpHeader>? entries, string list)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < (entries?.Count ?? 0); i++)
            {
                if (entries![i] is not { } e) continue;
                if (string.IsNullOrEmpty(e.Name))
                {
                    ctx.Invalid(source, $"{path}.{list}[{i}].name", "A header entry needs a name.");
                    continue;
                }
                if (!seen.Add(e.Name))
                {
                    ctx.NotImported(source, $"{path}.{list}[{i}]", $"'{e.Name}' appears earlier in the list (header names are case-insensitive); this entry was not imported.");
                    continue;
                }
                yield return KeyValuePair.Create(e.Name, e.Value ?? string.Empty);
            }
        }
        return new HeaderModifier
        {
            Set = Entries(h.Set, "set").ToEquatableMap(),
            Add = Entries(h.Add, "add").ToEquatableMap(),
            Remove = [.. (h.Remove ?? []).Where(n => n is not null)],
        };
    }
}
