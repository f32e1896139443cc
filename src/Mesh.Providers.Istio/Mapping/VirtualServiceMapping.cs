using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Istio.Resources;
using Mesh.Providers.Istio.Translation;

namespace Mesh.Providers.Istio.Mapping;

/// <summary>
/// HTTP and TCP routes ↔ <c>VirtualService</c>s: one per route name and namespace, its host the FQDN of the route's host
/// (a TCP route sharing the name of an HTTP route with another host becomes <c>NAME-tcp</c>); read back as the routes of
/// the first host that is a mesh service. Rules are mapped by <see cref="HttpRouteMapping"/> and <see cref="TcpRouteMapping"/>.
/// A VirtualService with <c>gateways</c> is also (or, without <c>mesh</c> among them, only) a gateway route: its hosts are
/// the host names, its HTTP rules the route's (<see cref="GatewayRouteMapping"/>).
/// </summary>
internal static class VirtualServiceMapping
{
    public static SortedDictionary<(string Namespace, string Name), VirtualService>.ValueCollection ToIstio(MeshConfig config, IstioExportContext ctx)
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
                    // An external service's routes apply to calls to each of its hosts.
                    Spec = { Hosts = ctx.FindExternal(host) is { Hosts.Count: > 1 } external ? [.. external.Hosts] : [ctx.Fqdn(host)] },
                };
                byName[(ns, name)] = vs;
                hosts[(ns, name)] = host;
            }
            return vs;
        }

        for (var i = 0; i < config.Routes.Count; i++)
        {
            var route = config.Routes[i];
            var vs = Ownership.From(For(route.Namespace, route.Name, route.Host), ModelObjectNames.Of(route));
            vs.Spec.Http = Lists.OrNull(route.Rules, (r, k) => HttpRouteMapping.ToIstio(r, $"$.spec.routes[{i}].rules[{k}]", ctx));
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
            var vs = Ownership.From(For(route.Namespace, name, route.Host), ModelObjectNames.Of(route));
            (vs.Spec.Tcp ??= []).Add(TcpRouteMapping.ToIstio(route, $"$.spec.tcpRoutes[{i}]", ctx));
        }
        GatewayRouteMapping.ToIstio(config, byName, ctx);
        GatewayStreamRouteMapping.ToIstio(config, byName, ctx);
        return byName.Values;
    }

    public static void ToModel(VirtualService vs, string ns, string source, ModelBuilder model, IstioImportContext ctx)
    {
        var name = ctx.NameOf(vs, source);
        var spec = vs.Spec;
        if (spec?.Hosts is not { Count: > 0 } hosts)
        {
            ctx.Invalid(source, "$.spec.hosts", "A VirtualService needs at least one host.");
            return;
        }
        var bound = false;
        if (spec.Gateways is { Count: > 0 } gateways)
        {
            bound = GatewayRouteMapping.ToModel(vs, name, ns, source, model, ctx);
            // Without 'mesh' the rules apply at the gateways only.
            var mesh = gateways.IndexOf(GatewayRouteMapping.MeshGateway);
            if (mesh < 0) return;
            if (!bound) ctx.NotImportedInfo(source, $"$.spec.gateways[{mesh}]", "'mesh' alone is the default (the rules apply to the sidecars); it is written back left out.");
        }
        // Bound to gateways too, the hosts are the gateway route's host names, carried there: a host that is no service nor a
        // ServiceEntry's is not read as an external service for the mesh's callers.
        var atGateways = bound;
        ServiceRef? host = null;
        for (var i = 0; i < hosts.Count; i++)
        {
            // A wildcard host of a ServiceEntry is an external service's too; other wildcards (a gateway's '*') are not.
            var resolved = atGateways
                ? HostMapping.TryToModel(hosts[i], ns, ctx.Options, out var service) || (hosts[i] is { } h && ctx.ExternalHosts.TryGetValue(h, out service))
                : HostMapping.TryResolve(hosts[i], ns, source, ctx, out service);
            if (resolved && (host is null || host == service))
            {
                // The other hosts of the same external service: its routes apply to each of them.
                host = service;
                continue;
            }
            if (atGateways && !resolved) continue;
            ctx.NotImported(source, $"$.spec.hosts[{i}]", host is null
                ? $"'{hosts[i]}' is neither a mesh service (short name or *.svc.{ctx.Options.ClusterDomain}) nor an external service's host; the model routes calls to services."
                : "A model route has one host service; only the first one was imported.");
        }
        if (!atGateways && spec.Tls is not null) ctx.NotImported(source, "$.spec.tls", "TLS routing by SNI is in the model at gateways only (gateway TLS routes); the sidecars' TLS rules were not imported.");
        if (host is null && atGateways) return;
        if (host is null)
        {
            if (spec.Http is not null) ctx.NotImported(source, "$.spec.http", "No host of this VirtualService is a service, so its HTTP rules have no place in the model.");
            if (spec.Tcp is not null) ctx.NotImported(source, "$.spec.tcp", "No host of this VirtualService is a service, so its TCP rules have no place in the model.");
            return;
        }

        if (spec.Http is { } http)
        {
            var rules = new List<HttpRouteRule>();
            for (var i = 0; i < http.Count; i++)
            {
                if (http[i] is { } rule && HttpRouteMapping.ToModel(rule, ns, source, $"$.spec.http[{i}]", ctx) is { } imported) rules.Add(imported);
            }
            model.Routes.Add(new Model.HttpRoute { Name = name, Namespace = ns, Host = host.Value, Rules = [.. rules] });
        }
        if (spec.Tcp is { } tcp) TcpRouteMapping.ToModel(tcp, name, ns, host.Value, source, model, ctx);
    }
}
