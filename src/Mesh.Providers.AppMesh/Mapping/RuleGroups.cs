using Mesh.Collections;
using Mesh.Kubernetes;
using Mesh.Model;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>
/// Model routes and their rules in first-seen order. The App Mesh routes of one rule (one per match and, on a router with
/// several listeners, per listener port) merge their matches; a target port is the model's "request's port" (no port) when
/// every port variant targets its own listener port, else the port written.
/// </summary>
internal sealed class RuleGroups
{
    private readonly List<(string Name, List<(string Key, List<(RuleDraft Draft, string Source, string Path)> Variants)> Rules)> _routes = [];

    public void Add(string route, string rule, RuleDraft draft, string source, string path)
    {
        var group = _routes.FindIndex(r => r.Name == route);
        if (group < 0)
        {
            _routes.Add((route, []));
            group = _routes.Count - 1;
        }
        var rules = _routes[group].Rules;
        var existing = rules.FindIndex(r => r.Key == rule);
        if (existing < 0) rules.Add((rule, [(draft, source, path)]));
        else rules[existing].Variants.Add((draft, source, path));
    }

    public IEnumerable<(string Name, EquatableArray<HttpRouteRule> Rules)> Routes(ImportContext ctx) =>
        _routes.Select(r => (r.Name, r.Rules.Select(rule => Rule(r.Name, rule.Key, rule.Variants, ctx)).ToEquatableArray()));

    private static HttpRouteRule Rule(string route, string key, List<(RuleDraft Draft, string Source, string Path)> variants, ImportContext ctx)
    {
        var first = variants[0].Draft;
        var agreeing = new List<RuleDraft> { first };
        var matches = new List<HttpMatch> { first.Match };
        foreach (var (draft, source, path) in variants.Skip(1))
        {
            if (!matches.Contains(draft.Match)) matches.Add(draft.Match);
            if (SameSends(first, draft)) agreeing.Add(draft);
            else ctx.NotImported(source, path, $"This route is part of rule {key} of {route} but sends, retries or times out differently from its first route; only its match was kept.");
        }
        return new HttpRouteRule
        {
            Matches = matches.Any(m => m == new HttpMatch()) ? [] : [.. matches],
            Backends = [.. first.Backends.Select((b, i) => b with { Port = Port(agreeing, i) })],
            Retry = first.Retry,
            Timeout = first.Timeout,
        };
    }

    /// <summary>The same targets (ports aside, compared by <see cref="Port"/>), retry and timeout.</summary>
    private static bool SameSends(RuleDraft first, RuleDraft other) =>
        first.Retry == other.Retry && first.Timeout == other.Timeout && first.Backends.Count == other.Backends.Count
        && first.Backends.Zip(other.Backends).All(p => p.First with { Port = null } == p.Second with { Port = null })
        && Enumerable.Range(0, first.Backends.Count).All(i => Consistent([first, other], i));

    /// <summary>Target <paramref name="i"/>'s port: none when every variant targets its own listener port, else the one written.</summary>
    private static int? Port(List<RuleDraft> variants, int i) =>
        variants.All(v => v.ListenerPort is { } listener && v.Backends[i].Port == listener) ? null : variants[0].Backends[i].Port;

    private static bool Consistent(List<RuleDraft> variants, int i) =>
        variants.All(v => v.ListenerPort is { } listener && v.Backends[i].Port == listener)
        || variants.All(v => v.Backends[i].Port == variants[0].Backends[i].Port);
}
