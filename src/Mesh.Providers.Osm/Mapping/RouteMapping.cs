using System.Globalization;
using Mesh.Model;
using Mesh.Providers.Osm.Translation;

namespace Mesh.Providers.Osm.Mapping;

/// <summary>
/// Model HTTP and TCP routes → what OSM can hold of them: one split per host, with no request matching. Of an HTTP route the
/// rule that takes the requests no earlier rule matches (the first without matches) is written — or the first rule when every
/// rule has matches —, and every other rule is reported, as are the written rule's matches and what OSM has no field for.
/// </summary>
internal static partial class RouteMapping
{
    private const string NoMatching = "OSM does not route by request (TrafficSplit v1alpha2 has no matches; HTTPRouteGroups only select what a TrafficTarget allows)";

    public static (List<SplitDraft> Splits, List<RetryDraft> Retries) ToOsm(OsmExportContext ctx)
    {
        var splits = new List<SplitDraft>();
        var retries = new List<RetryDraft>();
        var config = ctx.Config;
        for (var i = 0; i < config.Routes.Count; i++)
        {
            var route = config.Routes[i];
            var path = $"$.spec.routes[{i}]";
            if (route.Rules.IsEmpty) continue;
            if (ctx.FindExternal(route.Host) is not null)
            {
                ctx.Unsupported(path, $"OSM routes, splits and retries name Services; '{route.Host}' is an external service (an Egress), so its route is not written.");
                continue;
            }
            var written = IndexOfCatchAll(route);
            if (written < 0)
            {
                // No rule takes every request: the first is written for all of them, and the others are lost.
                written = 0;
                ctx.Unsupported($"{path}.rules[0].matches", $"{NoMatching}: every request to {route.Host} is split as this rule says, not only those it matches.");
                for (var j = 1; j < route.Rules.Count; j++)
                {
                    ctx.Unsupported($"{path}.rules[{j}]", $"{NoMatching}: the requests this rule matches are split as rule 0 says.");
                }
            }
            // Rules after the catch-all rule are unreachable in the model too: nothing of them is lost.
            for (var j = 0; j < written; j++)
            {
                ctx.Unsupported($"{path}.rules[{j}]", $"{NoMatching}: the requests this rule matches are split as rule {written.ToString(CultureInfo.InvariantCulture)} says.");
            }
            var rule = route.Rules[written];
            var rulePath = $"{path}.rules[{written.ToString(CultureInfo.InvariantCulture)}]";
            ReportUnwritten(rule, rulePath, ctx);
            if (rule.Retry is { } retry) retries.Add(new RetryDraft(route.Host, retry, $"{rulePath}.retry"));
            if (!rule.Backends.IsEmpty) splits.Add(new SplitDraft(route.Host, route.Name, route.Namespace, path, $"{rulePath}.backends", rule.Backends, Tcp: false, Port: null));
        }
        for (var i = 0; i < config.TcpRoutes.Count; i++)
        {
            var tcp = config.TcpRoutes[i];
            var path = $"$.spec.tcpRoutes[{i}]";
            if (ctx.FindService(tcp.Host) is { } host)
            {
                var others = host.Ports.Where(p => tcp.Port is { } port ? p.Port != port : p.Protocol is not (Protocol.Tcp or Protocol.Tls)).Select(p => p.Port).ToList();
                if (others.Count > 0)
                {
                    ctx.Approximated(tcp.Port is null ? path : $"{path}.port", $"A TrafficSplit has no port: it splits port(s) {string.Join(", ", others)} of {tcp.Host} as well.");
                }
            }
            splits.Add(new SplitDraft(tcp.Host, tcp.Name, tcp.Namespace, path, $"{path}.backends", tcp.Backends, Tcp: true, tcp.Port));
        }
        return (splits, retries);
    }

    /// <summary>The first rule that matches every request (no matches, or a match without conditions), or -1.</summary>
    private static int IndexOfCatchAll(HttpRoute route)
    {
        for (var j = 0; j < route.Rules.Count; j++)
        {
            var matches = route.Rules[j].Matches;
            if (matches.IsEmpty || matches.Any(IsCatchAll)) return j;
        }
        return -1;
    }

    private static bool IsCatchAll(HttpMatch match) =>
        match.Path is null or { Kind: PathMatchKind.Prefix, Value: "/" } && match.Headers.IsEmpty && match.QueryParams.IsEmpty && match.Method is null
        && match.SourceLabels.IsEmpty && match.SourceNamespace is null && match.Port is null;

    private static void ReportUnwritten(HttpRouteRule rule, string path, OsmExportContext ctx)
    {
        if (rule.Timeout is not null) ctx.Unsupported($"{path}.timeout", "OSM has no request timeout.");
        if (rule.Fault is not null) ctx.Unsupported($"{path}.fault", "OSM has no fault injection.");
        if (rule.Mirror is not null) ctx.Unsupported($"{path}.mirror", "OSM has no traffic mirroring.");
        if (rule.Rewrite is not null) ctx.Unsupported($"{path}.rewrite", "OSM has no request rewriting.");
        if (rule.Redirect is not null) ctx.Unsupported($"{path}.redirect", "OSM routes have no redirect action: no split is written for this rule.");
        if (rule.RequestHeaders is not null) ctx.Unsupported($"{path}.requestHeaders", "OSM routes cannot change headers.");
        if (rule.ResponseHeaders is not null) ctx.Unsupported($"{path}.responseHeaders", "OSM routes cannot change headers.");
        if (rule.Cors is not null) ctx.Unsupported($"{path}.cors", "OSM has no CORS policy.");
    }
}
