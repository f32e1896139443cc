using Mesh.Collections;
using Mesh.Model;

namespace Mesh.Analysis.Checks;

/// <summary>
/// Whether every request one HTTP match accepts is also accepted by another (the other is broader or equal). A prefix covers
/// a longer path only at a segment boundary (<c>/api</c> covers <c>/api/v2</c>, not <c>/apiv2</c>), which holds whether the
/// mesh compares prefixes as strings or path elements. Regexes cover only themselves (their languages are not compared), so a
/// shadow hidden behind a regex is not found — never a false one.
/// </summary>
internal static class MatchCover
{
    /// <summary>Whether <paramref name="general"/> accepts every request <paramref name="specific"/> accepts.</summary>
    public static bool Covers(HttpMatch general, HttpMatch specific)
    {
        if (!Path(general.Path, specific.Path)) return false;
        if (general.Method is { } method && !string.Equals(method, specific.Method, StringComparison.OrdinalIgnoreCase)) return false;
        // Caller conditions: the general match must ask no more of the caller than the specific one does.
        if (general.SourceNamespace is { } ns && !string.Equals(ns, specific.SourceNamespace, StringComparison.Ordinal)) return false;
        if (general.Port is { } port && port != specific.Port) return false;
        foreach (var (key, value) in general.SourceLabels)
        {
            if (!specific.SourceLabels.TryGetValue(key, out var held) || !string.Equals(held, value, StringComparison.Ordinal)) return false;
        }
        // Header names are case-insensitive in HTTP; query parameter names are not.
        return Values(general.Headers, specific.Headers, StringComparer.OrdinalIgnoreCase)
            && Values(general.QueryParams, specific.QueryParams, StringComparer.Ordinal);
    }

    /// <summary>A match without any criterion: every request.</summary>
    public static bool IsEverything(HttpMatch match) =>
        match.Path is null && match.Headers.IsEmpty && match.QueryParams.IsEmpty && match.Method is null
        && match.SourceLabels.IsEmpty && match.SourceNamespace is null && match.Port is null;

    private static bool Path(PathMatch? general, PathMatch? specific)
    {
        if (general is null) return true;
        if (specific is null) return general is { Kind: PathMatchKind.Prefix, Value: "/" };
        if (general.Kind == specific.Kind && general.Value == specific.Value) return true;
        // Covered under both prefix semantics meshes use: the model's string prefix (Istio) and Gateway API's path-element
        // prefix, where /api does not match /apiv2. So the longer path must continue at a segment boundary.
        return general.Kind == PathMatchKind.Prefix && specific.Kind is PathMatchKind.Exact or PathMatchKind.Prefix
            && specific.Value.StartsWith(general.Value, StringComparison.Ordinal)
            && (general.Value.EndsWith('/') || specific.Value.Length == general.Value.Length || specific.Value[general.Value.Length] == '/');
    }

    /// <summary>Every criterion of <paramref name="general"/> holds for every request <paramref name="specific"/> accepts.</summary>
    private static bool Values(EquatableArray<ValueMatch> general, EquatableArray<ValueMatch> specific, StringComparer names)
    {
        foreach (var g in general)
        {
            if (g is null) continue;
            var held = false;
            foreach (var s in specific)
            {
                if (s is null || !names.Equals(g.Name, s.Name)) continue;
                if (Value(g, s))
                {
                    held = true;
                    break;
                }
            }
            if (!held) return false;
        }
        return true;
    }

    private static bool Value(ValueMatch general, ValueMatch specific) => general.Kind switch
    {
        ValueMatchKind.Present => specific.Kind is ValueMatchKind.Present or ValueMatchKind.Exact or ValueMatchKind.Prefix or ValueMatchKind.Regex,
        ValueMatchKind.Prefix => specific.Kind is ValueMatchKind.Exact or ValueMatchKind.Prefix
            && (specific.Value ?? string.Empty).StartsWith(general.Value ?? string.Empty, StringComparison.Ordinal),
        _ => general.Kind == specific.Kind && general.Value == specific.Value,
    };
}
