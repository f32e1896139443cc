using Mesh.Kubernetes;
using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.Istio.Mapping;
using Mesh.Providers.Istio.Resources;

namespace Mesh.Providers.Istio.Export;

/// <summary>Model → Istio resources, in a deterministic order: DestinationRules, VirtualServices, ServiceEntries, PeerAuthentications, AuthorizationPolicies.</summary>
internal static class IstioExporter
{
    public static (IReadOnlyList<object> Resources, IReadOnlyList<Diagnostic> Diagnostics) Export(MeshConfig config, IstioOptions options)
    {
        var ctx = new IstioExportContext(options, config);
        var resources = new List<object>();
        resources.AddRange(PolicyExporter.DestinationRules(config, ctx));
        resources.AddRange(VirtualServices(config, ctx));
        resources.AddRange(EgressExporter.ServiceEntries(config, ctx));
        resources.AddRange(SecurityExporter.PeerAuthentications(config, ctx));
        resources.AddRange(SecurityExporter.AuthorizationPolicies(config, ctx));
        return (resources, ctx.Diagnostics);
    }

    private static SortedDictionary<(string Namespace, string Name), VirtualService>.ValueCollection VirtualServices(MeshConfig config, IstioExportContext ctx)
    {
        var byName = new SortedDictionary<(string Namespace, string Name), VirtualService>(OrdinalKeyComparer.Instance);
        var hosts = new Dictionary<(string, string), ServiceRef>();
        VirtualService For(string ns, string name, ServiceRef host)
        {
            if (!byName.TryGetValue((ns, name), out var vs))
            {
                vs = new VirtualService
                {
                    Metadata = { Name = name, NamespaceProperty = ns },
                    Spec = { Hosts = [ctx.Fqdn(host)] },
                };
                byName[(ns, name)] = vs;
                hosts[(ns, name)] = host;
            }
            return vs;
        }

        for (var i = 0; i < config.Routes.Count; i++)
        {
            var route = config.Routes[i];
            var vs = For(route.Namespace, route.Name, route.Host);
            vs.Spec.Http = Lists.OrNull(route.Rules.Select((r, k) => RouteExporter.Rule(r, $"$.spec.routes[{i}].rules[{k}]", ctx)));
        }
        for (var i = 0; i < config.TcpRoutes.Count; i++)
        {
            var route = config.TcpRoutes[i];
            var name = route.Name;
            if (hosts.TryGetValue((route.Namespace, name), out var existing) && existing != route.Host)
            {
                name = $"{route.Name}-tcp";
                ctx.Approximated($"$.spec.tcpRoutes[{i}].name", $"An HTTP route named '{route.Name}' has another host; the TCP route is written as VirtualService '{name}'.");
            }
            var vs = For(route.Namespace, name, route.Host);
            (vs.Spec.Tcp ??= []).Add(RouteExporter.Tcp(route, $"$.spec.tcpRoutes[{i}]", ctx));
        }
        return byName.Values;
    }
}
