using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Translation;

namespace Mesh.Providers.GatewayApi.Mapping;

/// <summary>
/// A model route on several ports of its host whose backends (or mirror) without a port keep the port a request came in on
/// ↔ one Gateway API route per parent port. A Gateway API rule applies to every parent of its route and a Service
/// backendRef needs a port, so only one route per port can send each port's requests to that port: the routes are named
/// <c>&lt;route&gt;-&lt;port&gt;</c>, have the one parentRef of their port, and carry the annotation
/// <see cref="HttpRouteMapping.SplitOfAnnotation"/> with the model route's name, by which the importer reads them back as
/// one route (backends whose port is each route's own parent port read back without a port).
/// </summary>
internal static class PortSplitMapping
{
    /// <summary>The name of the route written for <paramref name="port"/>.</summary>
    public static string Name(string route, int port) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{route}-{port}");

    /// <summary>
    /// Model → Gateway API: whether <paramref name="route"/>, written for <paramref name="ports"/> (two or more) of
    /// <paramref name="host"/>, is written once per port: some backend or mirror without a port has a service with every one
    /// of the ports (and other than exactly one port), and none has only some of them (each route of the split would then
    /// route differently, and they would not read back as one route; such a backend is left out instead, reported).
    /// </summary>
    public static bool IsNeeded(Model.HttpRoute route, MeshService host, List<int> ports, RouteExportContext ctx)
    {
        var needed = false;
        foreach (var rule in route.Rules)
        {
            if (rule.Redirect is null && !BackendMapping.IsParentBackend(rule, host.Reference))
            {
                foreach (var b in rule.Backends)
                {
                    if (b.Port is null && !Covers(b.Service)) return false;
                }
            }
            if (rule.Mirror is { Port: null } mirror && ctx.Dialect.Mirror && !Covers(mirror.Service)) return false;
        }
        return needed;

        // Whether the service's ports do not make the routes of a split differ; notes whether it needs the split.
        bool Covers(ServiceRef service)
        {
            var known = ctx.FindService(service);
            if (known is { Ports.Count: 1 }) return true;
            var covered = 0;
            foreach (var p in ports)
            {
                if (known?.FindPort(p) is not null) covered++;
            }
            if (covered == ports.Count) needed = true;
            return covered == 0 || covered == ports.Count;
        }
    }

    /// <summary>The services of the model a route names (host, backends, mirrors), for a context that writes only that route.</summary>
    public static List<MeshService> Services(Model.HttpRoute route, RouteExportContext ctx)
    {
        var seen = new HashSet<ServiceRef>();
        var result = new List<MeshService>();
        void Add(ServiceRef reference)
        {
            if (seen.Add(reference) && ctx.FindService(reference) is { } service) result.Add(service);
        }
        Add(route.Host);
        foreach (var rule in route.Rules)
        {
            foreach (var b in rule.Backends) Add(b.Service);
            if (rule.Mirror is { } m) Add(m.Service);
        }
        return result;
    }

    /// <summary>One imported route that carries <see cref="HttpRouteMapping.SplitOfAnnotation"/>.</summary>
    /// <param name="Route">The route as imported (named as its resource).</param>
    /// <param name="SplitOf">The annotation's value: the model route it is part of.</param>
    /// <param name="Port">The port of its one Service parentRef, or null when it has not exactly one.</param>
    /// <param name="Source">Its source name.</param>
    public sealed record Part(Model.HttpRoute Route, string SplitOf, int? Port, string Source);

    /// <summary>
    /// Gateway API → model: reads the routes of each split (same namespace and annotation) back as one route of the
    /// annotation's name in <paramref name="routes"/>; a split that does not read back as one route is reported and left as
    /// its routes.
    /// </summary>
    public static void ToModel(IReadOnlyList<Part> parts, List<Model.HttpRoute> routes, ImportContext ctx)
    {
        foreach (var group in parts.GroupBy(p => (p.Route.Namespace, p.SplitOf)))
        {
            var members = group.ToList();
            var why = Merge(members, out var merged);
            if (merged is not null)
            {
                var at = routes.IndexOf(members[0].Route);
                routes[at] = merged;
                foreach (var member in members.Skip(1)) routes.Remove(member.Route);
                continue;
            }
            foreach (var member in members)
            {
                ctx.NotImported(member.Source, "$.metadata.annotations" + JsonPaths.Segment(HttpRouteMapping.SplitOfAnnotation), $"This route is one of the routes written per parent port for route '{group.Key.SplitOf}', but they do not read back as one route ({why}); it is imported as a route of its own.");
            }
        }
    }

    private static string? Merge(List<Part> parts, out Model.HttpRoute? merged)
    {
        merged = null;
        if (parts.Count < 2) return "only one of them is in the input";
        if (parts.Any(p => p.Port is null) || parts.Select(p => p.Port).Distinct().Count() != parts.Count) return "each needs one Service parent on a port of its own";
        var first = parts[0].Route;
        if (parts.Any(p => p.Route.Host != first.Host)) return "their parents are different Services";
        if (parts.Any(p => p.Route.Rules.Count != first.Rules.Count)) return "they have different numbers of rules";
        var rules = new List<HttpRouteRule>(first.Rules.Count);
        for (var r = 0; r < first.Rules.Count; r++)
        {
            var rule = first.Rules[r];
            if (parts.Any(p => p.Route.Rules[r].Backends.Count != rule.Backends.Count || (p.Route.Rules[r].Mirror is null) != (rule.Mirror is null))) return $"rule {r} differs";
            var backends = new List<WeightedBackend>(rule.Backends.Count);
            for (var j = 0; j < rule.Backends.Count; j++)
            {
                var b = rule.Backends[j];
                if (parts.Any(p => p.Route.Rules[r].Backends[j] with { Port = b.Port } != b)) return $"rule {r} differs";
                if (!TryPort(parts, p => p.Route.Rules[r].Backends[j].Port, out var port)) return $"rule {r} differs in the port of backend {j}";
                backends.Add(b with { Port = port });
            }
            var mirror = rule.Mirror;
            if (mirror is not null)
            {
                if (parts.Any(p => p.Route.Rules[r].Mirror! with { Port = mirror.Port } != mirror)) return $"rule {r} differs";
                if (!TryPort(parts, p => p.Route.Rules[r].Mirror!.Port, out var port)) return $"rule {r} differs in its mirror's port";
                mirror = mirror with { Port = port };
            }
            var candidate = rule with { Backends = [.. backends], Mirror = mirror };
            if (parts.Any(p => p.Route.Rules[r] with { Backends = candidate.Backends, Mirror = candidate.Mirror } != candidate)) return $"rule {r} differs";
            rules.Add(candidate);
        }
        merged = first with { Name = parts[0].SplitOf, Rules = [.. rules] };
        return null;
    }

    /// <summary>
    /// The port of a backend or mirror across the routes of a split: the same in every route (that port), or each route's own
    /// parent port (no port: the request's); false when neither.
    /// </summary>
    private static bool TryPort(List<Part> parts, Func<Part, int?> port, out int? merged)
    {
        var first = port(parts[0]);
        merged = first;
        if (parts.TrueForAll(p => port(p) == first)) return true;
        merged = null;
        return parts.TrueForAll(p => port(p) == p.Port);
    }
}
