using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Mapping;
using Mesh.Providers.GatewayApi.Translation;
using Mesh.Providers.Linkerd.Resources;
using GatewayResources = Mesh.Providers.GatewayApi.Resources;

namespace Mesh.Providers.Linkerd.Mapping;

/// <summary>
/// The methods and paths of an access rule ↔ an inbound policy <c>HTTPRoute</c> whose parent is a Server (the
/// AuthorizationPolicy then targets the route): one match per method × path, <c>/x</c> as Exact, <c>/x/*</c> as PathPrefix
/// <c>/x</c>, <c>*</c> and <c>/*</c> as PathPrefix <c>/</c>; read back as every combination of the matches' methods and paths.
/// Static members map model → Linkerd; an instance reads the inbound routes of one import.
/// </summary>
internal sealed class AuthorizationRouteMapping(ImportContext ctx)
{
    private readonly Dictionary<(string Namespace, string Name), (GatewayResources.HttpRouteSpec Spec, string Source)> _routes = [];
    private readonly HashSet<(string Namespace, string Name)> _targeted = [];

    /// <summary>Whether <paramref name="spec"/> is an inbound (authorization) route: a parent is a Server.</summary>
    public static bool IsServerRoute(GatewayResources.HttpRouteSpec? spec) =>
        spec?.ParentRefs?.Any(p => p.Kind == Server.KubeKind && p.Group is null or "policy.linkerd.io") == true;

    /// <summary>Model → Linkerd: the route matches of a rule's methods and paths (every combination), or null when no path can be written.</summary>
    public static List<GatewayResources.HttpRouteMatch>? ToLinkerd(AccessOperation to, string rulePath, RouteExportContext ctx)
    {
        var paths = new List<GatewayResources.HttpPathMatch?>();
        for (var j = 0; j < to.Paths.Count; j++)
        {
            var text = to.Paths[j];
            var star = text.IndexOf('*', StringComparison.Ordinal);
            if (star < 0)
            {
                paths.Add(new GatewayResources.HttpPathMatch { Type = "Exact", Value = text });
            }
            else if (star == text.Length - 1 && text.StartsWith('/'))
            {
                var prefix = text[..^1];
                if (prefix.EndsWith('/'))
                {
                    prefix = prefix.Length == 1 ? "/" : prefix[..^1];
                }
                else
                {
                    ctx.Approximated($"{rulePath}.to.paths[{j}]", $"Gateway API path prefixes match whole path segments: '{text}' is written as the prefix '{prefix}', which does not match '{prefix}x…'.");
                }
                paths.Add(new GatewayResources.HttpPathMatch { Type = "PathPrefix", Value = prefix });
            }
            else if (text == "*")
            {
                paths.Add(new GatewayResources.HttpPathMatch { Type = "PathPrefix", Value = "/" });
            }
            else
            {
                ctx.Unsupported($"{rulePath}.to.paths[{j}]", $"An HTTPRoute matches exact paths, path prefixes and RE2 regular expressions; '{text}' (a suffix or inner wildcard) is not written.");
            }
        }
        if (!to.Paths.IsEmpty && paths.Count == 0)
        {
            ctx.Unsupported($"{rulePath}.to.paths", "None of the rule's paths can be written, so the rule is not written (writing it without paths would allow more).");
            return null;
        }
        if (paths.Count == 0) paths.Add(null);
        var result = new List<GatewayResources.HttpRouteMatch>(paths.Count * Math.Max(1, to.Methods.Count));
        foreach (var p in paths)
        {
            if (to.Methods.IsEmpty) result.Add(new GatewayResources.HttpRouteMatch { Path = p });
            foreach (var m in to.Methods) result.Add(new GatewayResources.HttpRouteMatch { Path = p, Method = m });
        }
        return result;
    }

    /// <summary>Model → Linkerd: the policy HTTPRoute <paramref name="name"/> on Server <paramref name="serverName"/> with <paramref name="matches"/>.</summary>
    public static PolicyHttpRoute ToLinkerd(string name, string ns, string serverName, List<GatewayResources.HttpRouteMatch> matches) => new()
    {
        Metadata = { Name = name, NamespaceProperty = ns },
        Spec =
        {
            ParentRefs = [new GatewayResources.ParentReference { Group = AuthorizationMapping.PolicyGroup, Kind = Server.KubeKind, Name = serverName }],
            Rules = [new GatewayResources.HttpRouteRule { Matches = matches }],
        },
    };

    /// <summary>Linkerd → model: reads an inbound route (its hostnames are reported).</summary>
    public void Read(GatewayResources.HttpRouteSpec spec, string ns, string name, string source)
    {
        HttpRouteMapping.ReportHostnames(spec.Hostnames, source, ctx);
        for (var i = 0; i < (spec.ParentRefs?.Count ?? 0); i++)
        {
            if (!string.IsNullOrEmpty(spec.ParentRefs![i]?.SectionName)) ctx.NotImported(source, $"$.spec.parentRefs[{i}].sectionName", "The model has no place for this field; it was not imported.");
        }
        _routes.TryAdd((ns, name), (spec, source));
    }

    /// <summary>The route <paramref name="name"/> of <paramref name="ns"/> an AuthorizationPolicy targets, if read (it then counts as targeted).</summary>
    public bool TryTarget(string ns, string? name, out (GatewayResources.HttpRouteSpec Spec, string Source) route)
    {
        if (!_routes.TryGetValue((ns, name ?? string.Empty), out route)) return false;
        _targeted.Add((ns, name!));
        return true;
    }

    /// <summary>Linkerd → model: the methods and paths of an inbound route's matches (the model takes every combination of the two), or null (reported) for a path the model cannot hold.</summary>
    public AccessOperation? ToModel(GatewayResources.HttpRouteSpec spec, string source)
    {
        var methods = new List<string>();
        var paths = new List<string>();
        var pairs = 0;
        var rules = spec.Rules ?? [];
        for (var k = 0; k < rules.Count; k++)
        {
            var rule = rules[k];
            var rulePath = $"$.spec.rules[{k}]";
            if (rule.Filters is { Count: > 0 }) ctx.NotImported(source, $"{rulePath}.filters", "Filters of an inbound route are not part of an access policy; they are not imported.");
            if (rule.BackendRefs is { Count: > 0 }) ctx.NotImported(source, $"{rulePath}.backendRefs", "An inbound route has no backends; they are not imported.");
            if (rule.Timeouts is not null) ctx.NotImported(source, $"{rulePath}.timeouts", "Timeouts of an inbound route are not part of an access policy; they are not imported.");
            var matches = rule.Matches ?? [];
            for (var m = 0; m < matches.Count; m++)
            {
                var match = matches[m];
                var matchPath = $"{rulePath}.matches[{m}]";
                if (match.Headers is { Count: > 0 }) ctx.NotImported(source, $"{matchPath}.headers", "Header conditions are not in the model's access rules; they are not imported.");
                if (match.QueryParams is { Count: > 0 }) ctx.NotImported(source, $"{matchPath}.queryParams", "Query conditions are not in the model's access rules; they are not imported.");
                if (match.Path is { } p)
                {
                    switch (p.Type)
                    {
                        case "Exact" when p.Value is not null: paths.Add(p.Value); break;
                        case null or "PathPrefix": paths.Add(p.Value is null or "/" ? "/*" : p.Value.TrimEnd('/') + "/*"); break;
                        default:
                            ctx.NotImported(source, $"{matchPath}.path", $"A {p.Type} path is not an access-rule path (exact or prefix); the policy is not imported.");
                            return null;
                    }
                }
                if (match.Method is { } method) methods.Add(method);
                pairs++;
            }
        }
        var distinctPaths = paths.Distinct(StringComparer.Ordinal).ToList();
        var distinctMethods = methods.Distinct(StringComparer.Ordinal).ToList();
        if (pairs != Math.Max(1, distinctPaths.Count) * Math.Max(1, distinctMethods.Count))
        {
            ctx.NotImported(source, "$.spec.rules", "The route's matches are not every combination of their methods and paths, which is what an access rule means; they are read as every combination.");
        }
        return new AccessOperation { Methods = [.. distinctMethods], Paths = [.. distinctPaths] };
    }

    /// <summary>Reports the inbound routes no AuthorizationPolicy targeted.</summary>
    public void ReportUntargeted()
    {
        foreach (var ((ns, name), (_, source)) in _routes.Where(r => !_targeted.Contains(r.Key)).OrderBy(r => r.Key, OrdinalKeyComparer.Instance))
        {
            ctx.NotImported(source, "$.spec", $"No AuthorizationPolicy in the input targets HTTPRoute '{ns}/{name}', so it restricts nothing the model records; it is not imported.");
        }
    }
}
