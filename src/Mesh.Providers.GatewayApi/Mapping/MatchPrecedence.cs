using Mesh.Collections;
using Mesh.Model;
using HttpMatch = Mesh.Model.HttpMatch;
using HttpRouteRule = Mesh.Model.HttpRouteRule;

namespace Mesh.Providers.GatewayApi.Mapping;

/// <summary>
/// Gateway API picks the <b>most specific</b> match of a route, not the first: an exact path, then the longest path
/// prefix, then a method, then the most header matches, then the most query matches; list order breaks ties (and decides
/// where a regular expression is involved, whose precedence the spec leaves to implementations). The model is first-match.
/// So on import the matches are put in an order whose first match is the one Gateway API picks — moving only a match that
/// a request could share with an earlier one of lower precedence, splitting its rule where needed; on export, a model order
/// Gateway API would not follow is found and reported.
/// </summary>
public static class MatchPrecedence
{
    /// <summary>One match of a rule; a rule without matches is one entry matching everything (PathPrefix <c>/</c>).</summary>
    private readonly record struct Entry(int Rule, HttpMatch? Match);

    /// <summary>The rules in a first-match order with the behaviour of Gateway API's precedence over <paramref name="rules"/>.</summary>
    /// <param name="rules">A route's rules, in Gateway API list order.</param>
    /// <returns>
    /// <paramref name="rules"/> itself when first-match already picks what Gateway API picks; otherwise the rules with each
    /// match moved only as far as precedence requires (a rule whose matches are parted becomes several rules).
    /// </returns>
    public static IReadOnlyList<HttpRouteRule> Order(IReadOnlyList<HttpRouteRule> rules)
    {
        var entries = Entries(rules);
        var n = entries.Count;
        // Edges only between matches a request can share: the higher precedence first, list order on ties.
        var after = new List<int>[n];
        var pending = new int[n];
        for (var i = 0; i < n; i++) after[i] = [];
        var moved = false;
        for (var j = 1; j < n; j++)
        {
            for (var i = 0; i < j; i++)
            {
                // Matches of one rule lead to the same place: their order does not matter.
                if (entries[i].Rule == entries[j].Rule || !Overlap(entries[i].Match, entries[j].Match)) continue;
                var (first, second) = Compare(entries[j].Match, entries[i].Match) > 0 ? (j, i) : (i, j);
                moved |= first == j;
                after[first].Add(second);
                pending[second]++;
            }
        }
        if (!moved) return rules;
        // Kahn's algorithm taking the earliest ready match: list order wherever no precedence says otherwise.
        var ready = new PriorityQueue<int, int>();
        for (var i = 0; i < n; i++)
        {
            if (pending[i] == 0) ready.Enqueue(i, i);
        }
        var order = new List<int>(n);
        while (ready.TryDequeue(out var next, out _))
        {
            order.Add(next);
            foreach (var k in after[next])
            {
                if (--pending[k] == 0) ready.Enqueue(k, k);
            }
        }
        // Consecutive matches of one rule stay one rule; a rule whose matches were parted becomes several.
        var result = new List<HttpRouteRule>();
        for (var s = 0; s < order.Count;)
        {
            var rule = entries[order[s]].Rule;
            var e = s;
            while (e < order.Count && entries[order[e]].Rule == rule) e++;
            var source = rules[rule];
            result.Add(source.Matches.IsEmpty ? source : source with { Matches = [.. order[s..e].Select(x => entries[x].Match!)] });
            s = e;
        }
        return result;
    }

    /// <summary>
    /// Pairs (earlier rule, later rule) where a request matching both goes to the later one on Gateway API and to the earlier
    /// one in the model, with the first two such matches of each pair.
    /// </summary>
    /// <param name="rules">A model route's rules (first match wins).</param>
    /// <returns>The rule indexes and the two matches (null: a rule without matches, i.e. every request).</returns>
    public static IEnumerable<(int Earlier, int Later, HttpMatch? EarlierMatch, HttpMatch? LaterMatch)> Conflicts(IReadOnlyList<HttpRouteRule> rules)
    {
        var entries = Entries(rules);
        var reported = new HashSet<(int, int)>();
        for (var j = 1; j < entries.Count; j++)
        {
            var later = entries[j];
            for (var i = 0; i < j; i++)
            {
                var earlier = entries[i];
                if (earlier.Rule == later.Rule || !Overlap(earlier.Match, later.Match) || Compare(later.Match, earlier.Match) <= 0) continue;
                if (reported.Add((earlier.Rule, later.Rule))) yield return (earlier.Rule, later.Rule, earlier.Match, later.Match);
            }
        }
    }

    private static List<Entry> Entries(IReadOnlyList<HttpRouteRule> rules)
    {
        var entries = new List<Entry>();
        for (var k = 0; k < rules.Count; k++)
        {
            if (rules[k] is not { } rule) continue;
            if (rule.Matches.IsEmpty) entries.Add(new Entry(k, null));
            foreach (var m in rule.Matches)
            {
                if (m is not null) entries.Add(new Entry(k, m));
            }
        }
        return entries;
    }

    /// <summary>Positive when <paramref name="a"/> takes precedence over <paramref name="b"/>; zero when neither does (list order decides).</summary>
    internal static int Compare(HttpMatch? a, HttpMatch? b)
    {
        var (ak, al) = PathRank(a?.Path);
        var (bk, bl) = PathRank(b?.Path);
        // A regular expression has no precedence in the spec: list order.
        if (ak < 0 || bk < 0) return 0;
        if (ak != bk) return ak.CompareTo(bk);
        if (al != bl) return al.CompareTo(bl);
        var am = a?.Method is null ? 0 : 1;
        var bm = b?.Method is null ? 0 : 1;
        if (am != bm) return am.CompareTo(bm);
        var ah = a?.Headers.Count ?? 0;
        var bh = b?.Headers.Count ?? 0;
        if (ah != bh) return ah.CompareTo(bh);
        return (a?.QueryParams.Count ?? 0).CompareTo(b?.QueryParams.Count ?? 0);
    }

    /// <summary>Exact (2) over prefix (1, ranked by its characters); no path is PathPrefix <c>/</c>; a regex is -1.</summary>
    private static (int Kind, int Length) PathRank(PathMatch? path) => path switch
    {
        null => (1, 1),
        { Kind: PathMatchKind.Exact } => (2, 0),
        { Kind: PathMatchKind.Prefix } => (1, Trimmed(path.Value).Length),
        _ => (-1, 0),
    };

    /// <summary>A prefix as Gateway API compares it: a trailing slash is ignored (<c>/foo/</c> is <c>/foo</c>).</summary>
    private static string Trimmed(string prefix)
    {
        if (prefix.Length <= 1 || !prefix.EndsWith('/')) return prefix;
        var trimmed = prefix.TrimEnd('/');
        return trimmed.Length == 0 ? "/" : trimmed;
    }

    /// <summary>Whether some request can satisfy both matches (conservatively: true unless they contradict each other).</summary>
    internal static bool Overlap(HttpMatch? a, HttpMatch? b)
    {
        if (a is null || b is null) return true;
        if (a.Method is { } am && b.Method is { } bm && !string.Equals(am, bm, StringComparison.OrdinalIgnoreCase)) return false;
        return Paths(a.Path, b.Path)
            && Values(a.Headers, b.Headers, StringComparer.OrdinalIgnoreCase)
            && Values(a.QueryParams, b.QueryParams, StringComparer.Ordinal);
    }

    private static bool Paths(PathMatch? a, PathMatch? b)
    {
        if (a is null || b is null || a.Kind == PathMatchKind.Regex || b.Kind == PathMatchKind.Regex) return true;
        if (a.Kind == PathMatchKind.Exact && b.Kind == PathMatchKind.Exact) return a.Value == b.Value;
        if (a.Kind == PathMatchKind.Exact) return SegmentPrefix(b.Value, a.Value);
        if (b.Kind == PathMatchKind.Exact) return SegmentPrefix(a.Value, b.Value);
        return SegmentPrefix(a.Value, b.Value) || SegmentPrefix(b.Value, a.Value);
    }

    /// <summary>Whether Gateway API's PathPrefix <paramref name="prefix"/> matches <paramref name="path"/> (element by element).</summary>
    private static bool SegmentPrefix(string prefix, string path)
    {
        var p = Trimmed(prefix);
        if (p == "/") return true;
        var q = Trimmed(path);
        return q.StartsWith(p, StringComparison.Ordinal) && (q.Length == p.Length || q[p.Length] == '/');
    }

    /// <summary>Header or query criteria that can hold together: not two exact values of one name, nor absent beside a value.</summary>
    private static bool Values(EquatableArray<ValueMatch> a, EquatableArray<ValueMatch> b, StringComparer names)
    {
        foreach (var x in a)
        {
            if (x is null) continue;
            foreach (var y in b)
            {
                if (y is null || !names.Equals(x.Name, y.Name)) continue;
                if (x.Kind == ValueMatchKind.Exact && y.Kind == ValueMatchKind.Exact && x.Value != y.Value) return false;
                if ((x.Kind == ValueMatchKind.Absent) != (y.Kind == ValueMatchKind.Absent)) return false;
            }
        }
        return true;
    }
}
