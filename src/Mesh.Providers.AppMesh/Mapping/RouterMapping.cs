using System.Globalization;
using Mesh.Collections;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.AppMesh.Resources;
using Mesh.Providers.AppMesh.Translation;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>The model routes one router gives its host.</summary>
internal sealed record RouterRoutes(List<HttpRoute> Http, List<TcpRoute> Tcp);

/// <summary>
/// A virtual router's routes → the host's model routes: routes taken in priority order (unprioritised ones after, in document
/// order), their names parsed with <see cref="RouteNames"/> to regroup one model rule written as several App Mesh routes (per
/// match, per port), a name that does not parse being one rule of a route named after the router. The implicit route the export
/// writes for a service with subsets and no route is skipped.
/// </summary>
internal static partial class RouterMapping
{
    /// <summary>The annotation naming the route the export wrote only to spread traffic over subsets.</summary>
    public const string ImplicitRoute = "mesh-sdk.io/implicit-route";

    /// <summary>The router's listeners (ports and protocols), reporting what the model does not carry.</summary>
    public static List<(int Port, Protocol Protocol)> ReadListeners(ImportDocument<VirtualRouter> router, ImportContext ctx)
    {
        var (source, spec) = (router.Source, router.Resource.Spec);
        if (spec.AwsName is not null) ctx.NotImportedInfo(source, "$.spec.awsName", "The App Mesh name of a router is derived on export; it is not part of the model.");
        if (spec.MeshRef is not null) ctx.NotImportedInfo(source, "$.spec.meshRef", "The mesh reference is set by the App Mesh controller.");
        var result = new List<(int, Protocol)>();
        for (var i = 0; i < (spec.Listeners?.Count ?? 0); i++)
        {
            if (ListenerMapping.ToModel(spec.Listeners![i]?.PortMapping, source, $"$.spec.listeners[{i}].portMapping", ctx) is { } port) result.Add(port);
        }
        return result;
    }

    /// <summary>Every weighted target reference of the router (to find the labels its targets share).</summary>
    public static IEnumerable<AppMeshReference> TargetRefs(VirtualRouter router) =>
        (router.Spec.Routes ?? []).Where(r => r is not null)
            .SelectMany(r => (r.HttpRoute?.Action ?? r.Http2Route?.Action ?? r.GrpcRoute?.Action ?? r.TcpRoute?.Action)?.WeightedTargets ?? [])
            .Where(t => t?.VirtualNodeRef is { Name.Length: > 0 })
            .Select(t => t.VirtualNodeRef!);

    /// <summary>The routes of <paramref name="router"/> on <paramref name="host"/>.</summary>
    public static RouterRoutes ToModel(
        ImportDocument<VirtualRouter> router,
        ServiceRef host,
        IReadOnlyList<(int Port, Protocol Protocol)> listeners,
        Func<AppMeshReference, NodeTarget?> resolve,
        Func<string, string> routeName,
        bool report,
        ImportContext ctx)
    {
        var quiet = report ? ctx : new ImportContext(ctx.Provider, ctx.DefaultNamespace);
        var source = router.Source;
        var implicitRoute = router.Resource.Metadata?.Annotations is { } annotations && annotations.TryGetValue(ImplicitRoute, out var implicitName) ? implicitName : null;
        var rules = new RuleGroups();
        var tcp = new List<TcpRoute>();
        foreach (var (route, index) in Ordered(router.Resource.Spec.Routes, source, quiet))
        {
            var path = $"$.spec.routes[{index}]";
            if (string.IsNullOrEmpty(route.Name))
            {
                quiet.Invalid(source, path + ".name", "A route needs a name.");
                continue;
            }
            var kinds = (route.HttpRoute is null ? 0 : 1) + (route.Http2Route is null ? 0 : 1) + (route.GrpcRoute is null ? 0 : 1) + (route.TcpRoute is null ? 0 : 1);
            if (kinds != 1)
            {
                quiet.Invalid(source, path, "A route takes exactly one of httpRoute, http2Route, grpcRoute or tcpRoute.");
                continue;
            }
            if (string.Equals(route.Name, implicitRoute, StringComparison.Ordinal)) continue;
            if (route.TcpRoute is { } tcpRoute)
            {
                if (Tcp(tcpRoute, route.Name, router, host, listeners, resolve, routeName, tcp.Count, source, path + ".tcpRoute", quiet) is { } t) tcp.Add(t);
                continue;
            }
            var (field, match, action, retry, timeout, grpc) = route switch
            {
                { HttpRoute: { } h } => ("httpRoute", MatchMapping.ToModel(h.Match, source, path + ".httpRoute.match", quiet), h.Action, h.RetryPolicy, h.Timeout, false),
                { Http2Route: { } h2 } => ("http2Route", MatchMapping.ToModel(h2.Match, source, path + ".http2Route.match", quiet), h2.Action, h2.RetryPolicy, h2.Timeout, false),
                _ => ("grpcRoute", MatchMapping.ToModel(route.GrpcRoute!.Match, source, path + ".grpcRoute.match", quiet), route.GrpcRoute.Action, route.GrpcRoute.RetryPolicy, route.GrpcRoute.Timeout, true),
            };
            if (match is null) continue;
            var at = $"{path}.{field}";
            var parsed = RouteNames.TryParse(route.Name, out var modelRoute, out var rule, out _);
            var matchPort = route.HttpRoute?.Match?.Port ?? route.Http2Route?.Match?.Port ?? route.GrpcRoute?.Match?.Port;
            if (matchPort is { } mp && !(listeners.Count == 1 && listeners[0].Port == mp) && !(parsed && listeners.Count > 1 && listeners.Any(l => l.Port == mp)))
            {
                quiet.NotImported(source, at + ".match.port", string.Create(CultureInfo.InvariantCulture, $"The model's rules apply on every port of the host; the condition port={mp} was dropped."));
            }
            if (TargetMapping.ToModel(action, resolve, source, at + ".action", quiet) is not { } backends) continue;
            if (backends.Count == 0)
            {
                quiet.NotImported(source, at + ".action", "No target of this route is in the input; the rule was skipped.");
                continue;
            }
            if (listeners.Count > 1 && matchPort is { } port)
            {
                // A multi-listener router repeats each rule per port, its targets on the request's port: the model's backend without a port.
                backends = [.. backends.Select(b => b.Port == port ? b with { Port = null } : b)];
            }
            var draft = new RuleDraft(match.Match, backends, RetryMapping.ToModel(retry, grpc, source, at + ".retryPolicy", quiet), TimeoutMapping.ToModel(timeout, source, at + ".timeout", quiet));
            var name = routeName(parsed ? modelRoute : router.Name);
            rules.Add(name, parsed ? rule.ToString(CultureInfo.InvariantCulture) : "#" + index.ToString(CultureInfo.InvariantCulture), draft, source, at, quiet);
        }
        var http = rules.Routes().Select(r => new HttpRoute { Name = r.Name, Namespace = host.Namespace, Host = host, Rules = r.Rules }).ToList();
        return new RouterRoutes(http, tcp);
    }

    /// <summary>Routes by priority (0 first), then those without one in document order; two or more of those are noted.</summary>
    private static IEnumerable<(VirtualRouterRoute Route, int Index)> Ordered(List<VirtualRouterRoute>? routes, string source, ImportContext ctx)
    {
        var prioritised = new List<(VirtualRouterRoute, int, int)>();
        var unprioritised = new List<(VirtualRouterRoute, int)>();
        for (var i = 0; i < (routes?.Count ?? 0); i++)
        {
            if (routes![i] is not { } route) continue;
            if (route.Priority is not { } priority) unprioritised.Add((route, i));
            else if (priority is < 0 or > 1000) ctx.Invalid(source, $"$.spec.routes[{i}].priority", "A route's priority is between 0 and 1000.");
            else prioritised.Add((route, i, priority));
        }
        if (unprioritised.Count >= 2)
        {
            foreach (var (_, i) in unprioritised)
            {
                ImportNotes.Note(ctx, source, $"$.spec.routes[{i}].priority", "App Mesh does not order routes without a priority; they were read after the prioritised ones, in document order.");
            }
        }
        return prioritised.OrderBy(r => r.Item3).Select(r => (r.Item1, r.Item2)).Concat(unprioritised);
    }

    private static TcpRoute? Tcp(TcpRouteSpec spec, string name, ImportDocument<VirtualRouter> router, ServiceRef host, IReadOnlyList<(int Port, Protocol Protocol)> listeners,
        Func<AppMeshReference, NodeTarget?> resolve, Func<string, string> routeName, int count, string source, string path, ImportContext ctx)
    {
        TimeoutMapping.Report(spec.Timeout, source, path + ".timeout", ctx);
        if (TargetMapping.ToModel(spec.Action, resolve, source, path + ".action", ctx) is not { Count: > 0 } backends) return null;
        var port = spec.Match?.Port ?? (listeners.Count(l => l.Protocol == Protocol.Tcp) == 1 ? listeners.First(l => l.Protocol == Protocol.Tcp).Port : null);
        var modelName = RouteNames.TryParseTcp(name, out var parsed) ? parsed : count == 0 ? router.Name : $"{router.Name}-{count}";
        return new TcpRoute { Name = routeName(modelName), Namespace = host.Namespace, Host = host, Port = port, Backends = [.. backends] };
    }
}

/// <summary>One model rule being regrouped from its App Mesh routes.</summary>
internal sealed record RuleDraft(HttpMatch Match, List<WeightedBackend> Backends, Model.RetryPolicy? Retry, TimeSpan? Timeout);

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
