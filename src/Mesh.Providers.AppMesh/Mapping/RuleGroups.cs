using System.Globalization;
using Mesh.Collections;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.AppMesh.Resources;
using Mesh.Providers.AppMesh.Translation;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>Model routes and their rules in first-seen order; the App Mesh routes of one rule merge their matches.</summary>
internal sealed class RuleGroups
{
    private readonly List<(string Name, List<(string Key, List<HttpMatch> Matches, RuleDraft First)> Rules)> _routes = [];

    public void Add(string route, string rule, RuleDraft draft, string source, string path, ImportContext ctx)
    {
        var group = _routes.FindIndex(r => r.Name == route);
        if (group < 0)
        {
            _routes.Add((route, []));
            group = _routes.Count - 1;
        }
        var rules = _routes[group].Rules;
        var existing = rules.FindIndex(r => r.Key == rule);
        if (existing < 0)
        {
            rules.Add((rule, [draft.Match], draft));
            return;
        }
        var first = rules[existing].First;
        if (!first.Backends.SequenceEqual(draft.Backends) || first.Retry != draft.Retry || first.Timeout != draft.Timeout)
        {
            ctx.NotImported(source, path, $"This route is part of rule {rule} of {route} but sends, retries or times out differently from its first route; only its match was kept.");
        }
        if (!rules[existing].Matches.Contains(draft.Match)) rules[existing].Matches.Add(draft.Match);
    }

    public IEnumerable<(string Name, EquatableArray<HttpRouteRule> Rules)> Routes() =>
        _routes.Select(r => (r.Name, r.Rules.Select(rule => new HttpRouteRule
        {
            Matches = rule.Matches.Any(m => m == new HttpMatch()) ? [] : [.. rule.Matches],
            Backends = [.. rule.First.Backends],
            Retry = rule.First.Retry,
            Timeout = rule.First.Timeout,
        }).ToEquatableArray()));
}
