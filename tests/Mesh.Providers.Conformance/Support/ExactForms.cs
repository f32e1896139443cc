using Mesh.Model;
using Mesh.Translation;

namespace Mesh.Providers.Conformance.Support;

/// <summary>
/// Generated models moved into the forms a provider writes exactly, for forms its capability row does not separate but its
/// export reports as changed. The migration matrix draws within them so that its exact part stays large; the changes outside
/// are each export's own tests (and the matrix still accepts them only where an export names the rule).
/// </summary>
public static class ExactForms
{
    /// <summary>The label that gives each service's pods their own identity where a mesh needs disjoint selectors.</summary>
    public const string ServiceLabel = "svc";

    /// <summary><paramref name="model"/> in the forms <paramref name="provider"/> writes exactly (unchanged for most providers).</summary>
    /// <param name="provider">The provider.</param>
    /// <param name="model">A generated model.</param>
    public static MeshConfig For(ProviderName provider, MeshConfig model) =>
        provider == ProviderName.AppMesh ? AppMesh(model) : provider == ProviderName.Osm ? Osm(model) : provider == ProviderName.Consul ? Consul(model)
        : provider == ProviderName.GatewayApi || provider == ProviderName.Linkerd ? ByPrecedence(model) : model;

    /// <summary>
    /// Gateway API and Linkerd (HTTPRoute): each route's rules in an order whose first match is the most specific one, as
    /// HTTPRoute applies them (<see cref="Mesh.Providers.GatewayApi.Mapping.MatchPrecedence"/>); other orders are reported by
    /// the export and covered by the precedence tests.
    /// </summary>
    private static MeshConfig ByPrecedence(MeshConfig model) =>
        model with { Routes = [.. model.Routes.Select(r => r with { Rules = [.. Mesh.Providers.GatewayApi.Mapping.MatchPrecedence.Order([.. r.Rules])] })] };

    /// <summary>
    /// Consul: routes go to a service, not to one of its ports (a request keeps its port: exact when services have one port, an
    /// HTTP-family one where there is one); an empty header prefix is written as presence; the discovery chain is L7 only (a service whose port is not HTTP, HTTP/2 or gRPC is
    /// tcp), so HTTP routes are kept on hosts that are not tcp, and rules only where no backend is tcp either.
    /// </summary>
    private static MeshConfig Consul(MeshConfig model)
    {
        static bool L7(ServicePort p) => p.Protocol is Protocol.Http or Protocol.Http2 or Protocol.Grpc;
        var services = model.Services.Select(s => s with { Ports = [.. s.Ports.Where(L7).Concat(s.Ports).Take(1)] }).ToList();
        var tcp = services.Where(s => s.Ports.Count > 0 && !s.Ports.Any(L7)).Select(s => s.Reference).ToHashSet();
        return model with
        {
            Services = [.. services],
            Routes = [.. model.Routes
                .Where(r => !tcp.Contains(r.Host))
                .Select(r => r with
                {
                    Rules = [.. r.Rules
                        .Where(rule => !rule.Backends.Any(b => b.Service != r.Host && tcp.Contains(b.Service)))
                        .Select(rule => rule with
                        {
                            // Consul drops empty strings: an empty header prefix is written as presence (a match of another key).
                            Matches = [.. rule.Matches.Select(m => m with { Headers = [.. m.Headers.Select(h => h.Kind == ValueMatchKind.Prefix && string.IsNullOrEmpty(h.Value) ? h with { Value = "empty" } : h)] })],
                            Backends = [.. rule.Backends.Select(b => b with { Port = null })],
                        })],
                })
                .Where(r => !r.Rules.IsEmpty)],
        };
    }

    /// <summary>
    /// OSM: a host has one TrafficSplit — its first route's first rule — over Services of its namespace, without ports (a
    /// request keeps its port: exact when services have one port), and not a split of the host to itself alone.
    /// </summary>
    private static MeshConfig Osm(MeshConfig model)
    {
        // One port per service, an HTTP one where there is one (the routes are HTTP routes).
        static IEnumerable<ServicePort> One(MeshService s) =>
            s.Ports.Where(p => p.Protocol is Protocol.Http or Protocol.Http2 or Protocol.Grpc).Concat(s.Ports).Take(1);
        var services = model.Services.Select(s => s with { Ports = [.. One(s)] }).ToList();
        var routes = new List<HttpRoute>();
        foreach (var route in model.Routes)
        {
            if (routes.Any(r => r.Host == route.Host) || route.Rules.IsEmpty) continue;
            var rule = route.Rules[0];
            var backends = rule.Backends.Where(b => b.Service.Namespace == route.Host.Namespace).Select(b => b with { Port = null }).ToList();
            if (backends.Sum(b => (long)b.Weight) <= 0 || backends.All(b => b.Service == route.Host && b.Subset is null)) continue;
            routes.Add(route with { Namespace = route.Host.Namespace, Rules = [rule with { Matches = [], Backends = [.. backends] }] });
        }
        return model with { Services = [.. services], Routes = [.. routes], TcpRoutes = [] };
    }

    /// <summary>
    /// App Mesh: a gRPC listener matches only gRPC services and methods (ports are HTTP/2 here); HTTP routes need an HTTP,
    /// HTTP/2 or gRPC listener and TCP routes a tcp one (routes without are left out); each subset's pods are their own node,
    /// so a whole-service backend of a service with subsets names its first subset; a pod belongs to one node, so services
    /// select disjoint pods (each its own <see cref="ServiceLabel"/>).
    /// </summary>
    private static MeshConfig AppMesh(MeshConfig model)
    {
        // A pod is one node: two services selecting the same pods are told apart by a label of their own.
        var services = model.Services
            .Select(s => s with
            {
                Selector = s.EffectiveSelector.SetItem(ServiceLabel, s.Name),
                Ports = [.. s.Ports.Select(p => p.Protocol == Protocol.Grpc ? p with { Protocol = Protocol.Http2 } : p)],
            })
            .ToList();
        var byRef = services.GroupBy(s => s.Reference).ToDictionary(g => g.Key, g => g.First());
        bool HasHttp(ServiceRef host) => byRef.TryGetValue(host, out var s) && s.Ports.Any(p => p.Protocol is Protocol.Http or Protocol.Http2);
        bool TcpPort(ServiceRef host, int? port) =>
            byRef.TryGetValue(host, out var s) && s.Ports.Any(p => p.Protocol is Protocol.Tcp or Protocol.Tls && (port is null || p.Port == port));
        WeightedBackend Node(WeightedBackend b) =>
            b.Subset is null && byRef.TryGetValue(b.Service, out var s) && s.Subsets is [{ } first, ..] ? b with { Subset = first.Name } : b;
        return model with
        {
            Services = [.. services],
            Routes = [.. model.Routes.Where(r => HasHttp(r.Host)).Select(r => r with
            {
                Rules = [.. r.Rules.Select(rule => rule with { Backends = [.. rule.Backends.Select(Node)] })],
            })],
            TcpRoutes = [.. model.TcpRoutes.Where(t => TcpPort(t.Host, t.Port)).Select(t => t with { Backends = [.. t.Backends.Select(Node)] })],
        };
    }
}
