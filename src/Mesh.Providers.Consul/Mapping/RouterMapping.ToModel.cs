using System.Globalization;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Consul.Resources;
using Mesh.Providers.Consul.Translation;

namespace Mesh.Providers.Consul.Mapping;

/// <summary>
/// Discovery chains → model routes. Each <c>ServiceRouter</c> (namespace/name order) is the routes of its service: the
/// <see cref="ConsulEntries.RouteSources"/> annotation names each Consul route's model route and rule (consecutive equal entries
/// are the matches of one rule); without it every Consul route is a rule of a route named after the service. A destination
/// that has a <c>ServiceSplitter</c> becomes its weighted backends (a virtual service annotated <see cref="ConsulEntries.SplitOf"/>
/// is folded back into the rule); a service's own splitter without a router route catches the rest as a final rule. Consul's
/// own rules the CRD schema does not check (splits summing to 100, an L7 protocol for routers and splitters, paths starting
/// with <c>/</c>, upper-case methods) are errors, as the consul-k8s webhook would reject them.
/// </summary>
internal static partial class RouterMapping
{
    private static readonly IReadOnlySet<string> RouterCarried = new HashSet<string>(StringComparer.Ordinal) { ConsulEntries.RouteSources };
    private static readonly IReadOnlySet<string> SplitCarried = new HashSet<string>(StringComparer.Ordinal) { ConsulEntries.SplitOf };

    public static List<HttpRoute> ToModel(ConsulImportIndex index, ImportContext ctx)
    {
        var routes = new List<HttpRoute>();
        var usedSplitters = new HashSet<(string, string)>();
        var hosts = new SortedSet<(string Namespace, string Name)>(index.Routers.Keys, OrdinalKeyComparer.Instance);
        foreach (var key in index.Splitters.Keys)
        {
            if (!IsVirtual(index.Splitters[key].Resource)) hosts.Add(key);
        }
        foreach (var doc in index.Splitters.Values) CheckSplitter(doc, index, ctx);
        foreach (var key in hosts)
        {
            var host = new ServiceRef(key.Name, key.Namespace);
            var drafts = new List<(string Route, List<HttpRouteRule> Rules)>();
            if (index.Routers.TryGetValue(key, out var routerDoc))
            {
                ReadRouter(routerDoc, host, index, drafts, usedSplitters, ctx);
            }
            if (index.Splitters.TryGetValue(key, out var own) && !IsVirtual(own.Resource) && !usedSplitters.Contains(key))
            {
                // The host's own splitter takes what the router does not match: a final catch-all rule.
                usedSplitters.Add(key);
                if (L7(index, key, own.Source, "ServiceSplitter", ctx) && Backends(own, index, ctx) is { Count: > 0 } backends)
                {
                    if (drafts.Count == 0) drafts.Add((host.Name, []));
                    drafts[^1].Rules.Add(new HttpRouteRule { Backends = [.. backends] });
                }
            }
            foreach (var (name, rules) in drafts)
            {
                if (rules.Count > 0) routes.Add(new HttpRoute { Name = name, Namespace = host.Namespace, Host = host, Rules = [.. rules] });
            }
        }
        foreach (var (key, doc) in index.Splitters)
        {
            if (IsVirtual(doc.Resource) && !usedSplitters.Contains(key))
            {
                ctx.NotImported(doc.Source, "$.spec", $"The ServiceSplitter of the virtual service '{key.Name}' is named by no ServiceRouter route: it is part of no route and not imported.");
            }
        }
        return routes;
    }

    private static bool IsVirtual(ServiceSplitter splitter) => splitter.Metadata?.Annotations?.ContainsKey(ConsulEntries.SplitOf) == true;

    private static bool L7(ConsulImportIndex index, (string Namespace, string Name) key, string source, string kind, ImportContext ctx)
    {
        var protocol = index.ProtocolOf(key.Namespace, key.Name);
        if (protocol is "http" or "http2" or "grpc") return true;
        if (protocol is null)
        {
            // The protocol may be set by entries outside the input; Consul would reject the entry only if it is not.
            ctx.Inferred(source, "$.metadata.name", $"No ServiceDefaults or ProxyDefaults in the input sets the protocol of '{key.Name}': Consul accepts a {kind} only with http, http2 or grpc (its default is tcp), so http is assumed.");
            return true;
        }
        ctx.Invalid(source, "$.spec", $"Consul rejects a {kind} of a service whose protocol is {protocol}: it needs http, http2 or grpc in its ServiceDefaults or the ProxyDefaults.");
        return false;
    }

    private static void CheckSplitter(ConsulDocument<ServiceSplitter> doc, ConsulImportIndex index, ImportContext ctx)
    {
        ctx.ReportMetadata(doc.Resource.Metadata, doc.Source, SplitCarried);
        var splits = doc.Resource.Spec?.Splits ?? [];
        if (splits.Count == 0)
        {
            ctx.Invalid(doc.Source, "$.spec.splits", "A ServiceSplitter needs at least one split.");
            return;
        }
        // Each weight is a percentage: one out of range is reported at its index, and the sum (which it could overflow) is not checked.
        var outOfRange = false;
        for (var i = 0; i < splits.Count; i++)
        {
            if (splits[i].Weight is not { } weight || weight is >= 0m and <= 100m) continue;
            ctx.Invalid(doc.Source, $"$.spec.splits[{i}].weight", $"A split's weight is a percentage from 0 to 100 (it is {weight.ToString(CultureInfo.InvariantCulture)}).");
            outOfRange = true;
        }
        if (outOfRange) return;
        var sum = splits.Sum(s => s.Weight ?? 0m);
        if (sum != 100m) ctx.Invalid(doc.Source, "$.spec.splits", $"Consul rejects splits whose weights do not sum to 100 (they sum to {sum.ToString(CultureInfo.InvariantCulture)}).");
    }

    private static void ReadRouter(ConsulDocument<ServiceRouter> doc, ServiceRef host, ConsulImportIndex index, List<(string Route, List<HttpRouteRule> Rules)> drafts, HashSet<(string, string)> usedSplitters, ImportContext ctx)
    {
        ctx.ReportMetadata(doc.Resource.Metadata, doc.Source, RouterCarried);
        var list = doc.Resource.Spec?.Routes ?? [];
        if (list.Count == 0) return;
        if (!L7(index, (host.Namespace, host.Name), doc.Source, "ServiceRouter", ctx)) return;
        var sources = Annotation(doc.Resource.Metadata, ConsulEntries.RouteSources)?.Split(',');
        if (sources is not null && (sources.Length != list.Count || sources.Any(s => ParseSource(s) is null)))
        {
            ctx.NotImported(doc.Source, "$.metadata.annotations" + JsonPaths.Segment(ConsulEntries.RouteSources), "The annotation does not name one route/rule per Consul route: every Consul route is read as a rule of a route named after the service.");
            sources = null;
        }
        string? previous = null;
        for (var i = 0; i < list.Count; i++)
        {
            var path = $"$.spec.routes[{i}]";
            var route = list[i];
            var source = sources?[i];
            var routeName = source is null ? host.Name : ParseSource(source)!.Value.Route;
            var matches = ReadMatch(route?.Match?.Http, doc.Source, $"{path}.match.http", ctx, out var valid);
            var rule = valid ? ReadDestination(route?.Destination, host, doc.Source, $"{path}.destination", index, usedSplitters, ctx) : null;
            if (rule is null) { previous = null; continue; }
            rule = ApplyRewrite(rule, route?.Destination?.PrefixRewrite, route?.Match?.Http, ref matches);
            if (drafts.Count == 0 || drafts[^1].Route != routeName) drafts.Add((routeName, []));
            var rules = drafts[^1].Rules;
            if (source is not null && source == previous && rules.Count > 0 && rules[^1] with { Matches = default } == rule with { Matches = default })
            {
                // A Consul route without a match matches everything: so does the rule it is one match of.
                rules[^1] = rules[^1] with { Matches = rules[^1].Matches.IsEmpty || matches.Count == 0 ? [] : [.. rules[^1].Matches, .. matches] };
            }
            else
            {
                rules.Add(rule with { Matches = [.. matches] });
            }
            previous = source;
        }
    }

    public static string? Annotation(k8s.Models.V1ObjectMeta? metadata, string key) =>
        metadata?.Annotations is { } annotations && annotations.TryGetValue(key, out var value) ? value : null;

    private static (string Route, int Rule)? ParseSource(string text)
    {
        var slash = text.LastIndexOf('/');
        if (slash <= 0 || !int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var rule)) return null;
        return (text[..slash], rule);
    }

    private static HttpRouteRule ApplyRewrite(HttpRouteRule rule, string? prefixRewrite, ServiceRouteHttpMatch? http, ref List<HttpMatch> matches)
    {
        if (prefixRewrite is null) return rule;
        if (http?.PathExact is not null) return rule with { Rewrite = new Rewrite { FullPath = prefixRewrite } };
        // The export adds pathPrefix: / to a prefix rewrite of a rule without a path match.
        if (http?.PathPrefix == "/") matches = [.. matches.Select(m => m with { Path = null })];
        return rule with { Rewrite = new Rewrite { PathPrefix = prefixRewrite } };
    }

    private static List<HttpMatch> ReadMatch(ServiceRouteHttpMatch? http, string source, string path, ImportContext ctx, out bool valid)
    {
        valid = true;
        if (http is null) return [];
        PathMatch? p = null;
        var paths = 0;
        if (http.PathExact is { } exact) { p = new PathMatch(PathMatchKind.Exact, exact); paths++; }
        if (http.PathPrefix is { } prefix) { p = new PathMatch(PathMatchKind.Prefix, prefix); paths++; }
        if (http.PathRegex is { } regex) { p = new PathMatch(PathMatchKind.Regex, regex); paths++; }
        if (paths > 1)
        {
            ctx.Invalid(source, path, "Consul rejects a match with more than one of pathExact, pathPrefix and pathRegex.");
            valid = false;
        }
        if (p is { Kind: not PathMatchKind.Regex } && !p.Value.StartsWith('/'))
        {
            ctx.Invalid(source, path + (p.Kind == PathMatchKind.Exact ? ".pathExact" : ".pathPrefix"), $"Consul rejects a path that does not start with '/' ('{p.Value}').");
            valid = false;
        }
        if (http.CaseInsensitive == true) ctx.NotImported(source, path + ".caseInsensitive", "The model matches paths case-sensitively: caseInsensitive is not carried.");
        var headers = new List<ValueMatch>();
        for (var i = 0; i < (http.Header?.Count ?? 0); i++)
        {
            var h = http.Header![i];
            var hp = $"{path}.header[{i}]";
            if (h.Name is not { Length: > 0 } name) { ctx.Invalid(source, hp + ".name", "A header match needs a name."); valid = false; continue; }
            Mesh.Model.ValueMatch? m = h switch
            {
                { Present: true, Invert: true } => new ValueMatch(name, ValueMatchKind.Absent),
                { Present: true } => new ValueMatch(name, ValueMatchKind.Present),
                { Exact: { } v } => new ValueMatch(name, ValueMatchKind.Exact, v),
                { Prefix: { } v } => new ValueMatch(name, ValueMatchKind.Prefix, v),
                { Regex: MatchMapping.EmptyValue } => new ValueMatch(name, ValueMatchKind.Exact, string.Empty),
                { Regex: { } v } => new ValueMatch(name, ValueMatchKind.Regex, v),
                _ => null,
            };
            if (h.Suffix is not null) ctx.NotImported(source, hp + ".suffix", "The model has no suffix match: the header criterion is not carried.");
            if (h.Invert == true && h.Present != true) ctx.NotImported(source, hp + ".invert", "The model inverts only presence: the inverted criterion is not carried.");
            if (m is null || h.Suffix is not null || (h.Invert == true && h.Present != true)) continue;
            headers.Add(m!);
        }
        var queries = new List<ValueMatch>();
        for (var i = 0; i < (http.QueryParam?.Count ?? 0); i++)
        {
            var q = http.QueryParam![i];
            if (q.Name is not { Length: > 0 } name) { ctx.Invalid(source, $"{path}.queryParam[{i}].name", "A query parameter match needs a name."); valid = false; continue; }
            Mesh.Model.ValueMatch? m = q switch
            {
                { Present: true } => new ValueMatch(name, ValueMatchKind.Present),
                { Exact: { } v } => new ValueMatch(name, ValueMatchKind.Exact, v),
                { Regex: MatchMapping.EmptyValue } => new ValueMatch(name, ValueMatchKind.Exact, string.Empty),
                { Regex: { } v } when PrefixOf(v) is { } pre => new ValueMatch(name, ValueMatchKind.Prefix, pre),
                { Regex: { } v } => new ValueMatch(name, ValueMatchKind.Regex, v),
                _ => null,
            };
            if (m is not null) queries.Add(m!);
        }
        var methods = http.Methods ?? [];
        foreach (var method in methods)
        {
            if (!MatchMapping.Methods.Contains(method))
            {
                ctx.Invalid(source, path + ".methods", $"Consul rejects the method '{method}': methods are the nine standard ones, upper-case.");
                valid = false;
            }
        }
        var matches = new List<HttpMatch>();
        if (methods.Count == 0) matches.Add(new HttpMatch { Path = p, Headers = [.. headers], QueryParams = [.. queries] });
        foreach (var method in methods.Distinct(StringComparer.Ordinal))
        {
            matches.Add(new HttpMatch { Path = p, Headers = [.. headers], QueryParams = [.. queries], Method = method });
        }
        if (matches.Count == 1 && matches[0] is { Path: null, Method: null, Headers.Count: 0, QueryParams.Count: 0 }) return [];
        return matches;
    }

    /// <summary>The prefix of a regex <c>&lt;escaped&gt;.*</c> (the export's form of a query prefix match), or null.</summary>
    private static string? PrefixOf(string regex)
    {
        if (!regex.EndsWith(".*", StringComparison.Ordinal)) return null;
        var body = regex[..^2];
        string unescaped;
        try { unescaped = System.Text.RegularExpressions.Regex.Unescape(body); }
        catch (ArgumentException) { return null; }
        return Re2.Escape(unescaped) == body ? unescaped : null;
    }

    private static HttpRouteRule? ReadDestination(ServiceRouteDestination? d, ServiceRef host, string source, string path, ConsulImportIndex index, HashSet<(string, string)> usedSplitters, ImportContext ctx)
    {
        var service = new ServiceRef(d?.Service is { Length: > 0 } s ? s : host.Name, index.NamespaceOf(d?.Namespace, host.Namespace, source, path + ".namespace", ctx));
        if (d?.Partition is not null) ctx.NotImported(source, path + ".partition", "The model has no admin partitions: the partition is not carried.");
        if (d?.IdleTimeout is not null) ctx.NotImported(source, path + ".idleTimeout", "The model has no per-route idle timeout: it is not carried.");
        List<WeightedBackend> backends;
        if (d?.ServiceSubset is null && index.Splitters.TryGetValue((service.Namespace, service.Name), out var splitter))
        {
            usedSplitters.Add((service.Namespace, service.Name));
            backends = Backends(splitter, index, ctx);
            if (backends.Count == 0) return null;
        }
        else
        {
            backends = [new WeightedBackend { Service = service, Subset = d?.ServiceSubset }];
        }
        TimeSpan? timeout = null;
        if (d?.RequestTimeout is { } text)
        {
            if (GoDuration.TryParse(text, out var value)) timeout = value;
            else ctx.Invalid(source, path + ".requestTimeout", $"'{text}' is not a duration.");
        }
        return new HttpRouteRule
        {
            Backends = [.. backends],
            Timeout = timeout,
            Retry = RetryMapping.ToModel(d, source, path, ctx),
            RequestHeaders = HeaderMapping.ToModel(d?.RequestHeaders),
            ResponseHeaders = HeaderMapping.ToModel(d?.ResponseHeaders),
        };
    }

    /// <summary>A splitter's splits as backends, percentages reduced to the smallest integer weights of the same ratios.</summary>
    private static List<WeightedBackend> Backends(ConsulDocument<ServiceSplitter> doc, ConsulImportIndex index, ImportContext ctx)
    {
        var splits = doc.Resource.Spec?.Splits ?? [];
        var backends = new List<WeightedBackend>();
        var hundredths = new List<long>();
        for (var i = 0; i < splits.Count; i++)
        {
            var split = splits[i];
            var path = $"$.spec.splits[{i}]";
            if (split.RequestHeaders is not null) ctx.NotImported(doc.Source, path + ".requestHeaders", "The model modifies headers per rule, not per backend: the split's header modifiers are not carried.");
            if (split.ResponseHeaders is not null) ctx.NotImported(doc.Source, path + ".responseHeaders", "The model modifies headers per rule, not per backend: the split's header modifiers are not carried.");
            if (split.Partition is not null) ctx.NotImported(doc.Source, path + ".partition", "The model has no admin partitions: the partition is not carried.");
            var weight = split.Weight ?? 0m;
            // Above 100 is reported by CheckSplitter (and the model is refused); it is left out here rather than overflow.
            if (weight > 100m) continue;
            if (weight <= 0) { ctx.NotImportedInfo(doc.Source, path + ".weight", "A split of weight 0 receives nothing: it is not imported."); continue; }
            var service = new ServiceRef(split.Service is { Length: > 0 } s ? s : doc.Name, index.NamespaceOf(split.Namespace, doc.Namespace, doc.Source, path + ".namespace", ctx));
            if (splits.Count == 1) ctx.NotImportedInfo(doc.Source, path + ".weight", "A single split takes all traffic: its weight has no model form.");
            // A virtual service's split of its own name names the host (the export writes the host's backends).
            backends.Add(new WeightedBackend { Service = service, Subset = split.ServiceSubset });
            hundredths.Add((long)Math.Round(weight * 100m));
        }
        var gcd = hundredths.Aggregate(0L, Gcd);
        if (gcd == 0) return [];
        for (var i = 0; i < backends.Count; i++) backends[i] = backends[i] with { Weight = (int)(hundredths[i] / gcd) };
        return backends;
    }

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);
}
