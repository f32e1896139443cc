using Mesh.Collections;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Resources;
using Mesh.Providers.GatewayApi.Translation;
using Mesh.Validation;

namespace Mesh.Providers.GatewayApi.Mapping;

/// <summary>
/// Gateway TLS and TCP routes ↔ <c>TLSRoute</c>s and <c>TCPRoute</c>s whose <c>parentRefs</c> name Gateways: a route bound to
/// a gateway has one parentRef without <c>sectionName</c> (Gateway API attaches it to the gateway's listeners that take its
/// kind: TLS listeners for a TLSRoute, TCP listeners for a TCPRoute, as the model binds it), one bound to a listener has a
/// parentRef per Gateway API listener the listener is written as (<see cref="GatewayMapping.Names"/>). A TLS route's server
/// names are the <c>hostnames</c>; the backends are the one rule's <c>backendRefs</c> (1 to 16, each with the port the CRDs
/// require), and a backend in another namespace gets a <c>ReferenceGrant</c> (<see cref="GatewayRouteMapping.Grants"/>).
/// Read back once every Gateway is read; further rules, parents that are not Gateways of the input, and a TLSRoute without
/// hostnames (the model's TLS route names its server names) are reported.
/// </summary>
internal static class GatewayStreamRouteMapping
{
    /// <summary>The most backendRefs a TLSRoute or TCPRoute rule takes.</summary>
    public const int MaxBackends = 16;

    /// <summary>The suffix a gateway TLS or TCP route takes when another route is already written with its kind and name.</summary>
    private const string Suffix = "-gateway";

    /// <summary>
    /// Model → Gateway API: a TLSRoute per gateway TLS route and a TCPRoute per gateway TCP route bound to a gateway written,
    /// in <paramref name="apiVersion"/> (<c>gateway.networking.k8s.io/v1</c>, or <c>v1alpha2</c> for implementations that
    /// serve only that). A route whose name a route of its kind already has (<paramref name="takenTls"/>,
    /// <paramref name="takenTcp"/>) is written as <c>NAME-gateway</c>.
    /// </summary>
    public static (List<TlsRoute> Tls, List<Resources.TcpRoute> Tcp) ToGatewayApi(MeshConfig config, IReadOnlyCollection<Resources.Gateway> written, ISet<(string Namespace, string Name)> takenTls, ISet<(string Namespace, string Name)> takenTcp, GatewayRouteMapping.Grants grants, string apiVersion, RouteExportContext ctx)
    {
        var tls = new List<TlsRoute>();
        for (var i = 0; i < config.GatewayTlsRoutes.Count; i++)
        {
            var route = config.GatewayTlsRoutes[i];
            var path = $"$.spec.gatewayTlsRoutes[{i}]";
            if (route.Hostnames.IsEmpty)
            {
                ctx.Unsupported($"{path}.hostnames", "A TLSRoute names at least one SNI host name and this TLS route has none; it is not written.");
                continue;
            }
            var parents = Parents(config, route.Namespace, route.Gateways, ListenerProtocol.Tls, written, path, ctx);
            if (parents.Count == 0) continue;
            if (Backends(route.Backends, route.Namespace, path, ctx) is not { } backends) continue;
            if (Name(route.Namespace, route.Name, TlsRoute.KubeKind, takenTls, path, ctx) is not { } tlsName) continue;
            if (TerminatingListener(config, route.Gateways) is { } terminating)
            {
                ctx.Note($"{path}.gateways", $"Listener '{terminating}' terminates TLS: a TLSRoute on a Terminate listener is extended support in Gateway API, so the implementation may not route it (on a Passthrough listener it is core).");
            }
            foreach (var b in backends) grants.Need(new ServiceRef(b.Name!, b.Namespace ?? route.Namespace), route.Namespace, TlsRoute.KubeKind, ModelObjectNames.Of(route));
            tls.Add(Ownership.From(new TlsRoute
            {
                ApiVersion = apiVersion,
                Metadata = { Name = tlsName, NamespaceProperty = route.Namespace },
                Spec = { ParentRefs = parents, Hostnames = [.. route.Hostnames], Rules = [new TlsRouteRule { BackendRefs = backends }] },
            }, ModelObjectNames.Of(route)));
        }
        var tcp = new List<Resources.TcpRoute>();
        for (var i = 0; i < config.GatewayTcpRoutes.Count; i++)
        {
            var route = config.GatewayTcpRoutes[i];
            var path = $"$.spec.gatewayTcpRoutes[{i}]";
            var parents = Parents(config, route.Namespace, route.Gateways, ListenerProtocol.Tcp, written, path, ctx);
            if (parents.Count == 0) continue;
            if (Backends(route.Backends, route.Namespace, path, ctx) is not { } backends) continue;
            if (Name(route.Namespace, route.Name, Resources.TcpRoute.KubeKind, takenTcp, path, ctx) is not { } name) continue;
            foreach (var b in backends) grants.Need(new ServiceRef(b.Name!, b.Namespace ?? route.Namespace), route.Namespace, Resources.TcpRoute.KubeKind, ModelObjectNames.Of(route));
            tcp.Add(Ownership.From(new Resources.TcpRoute
            {
                ApiVersion = apiVersion,
                Metadata = { Name = name, NamespaceProperty = route.Namespace },
                Spec = new TcpRouteSpec { ParentRefs = parents, Rules = [new TcpRouteRule { BackendRefs = backends }] },
            }, ModelObjectNames.Of(route)));
        }
        return (tls, tcp);
    }

    /// <summary>The name a route is written with: its own, else <c>NAME-gateway</c> (noted) when a route of its kind has it; null (reported) when both are taken.</summary>
    private static string? Name(string ns, string name, string kind, ISet<(string Namespace, string Name)> taken, string path, RouteExportContext ctx)
    {
        var written = name;
        if (taken.Contains((ns, written)))
        {
            written = name + Suffix;
            if (taken.Contains((ns, written)))
            {
                ctx.Unsupported(path, $"{kind}s '{name}' and '{written}' are both taken by other routes in '{ns}'; the gateway route is not written. Rename it.");
                return null;
            }
            ctx.Note($"{path}.name", $"A route is already written as {kind} '{name}'; the gateway route is written as '{written}'.");
        }
        taken.Add((ns, written));
        return written;
    }

    /// <summary>The parentRefs of a route's gateway references; a gateway or listener that is not written is reported.</summary>
    private static List<ParentReference> Parents(MeshConfig config, string routeNamespace, EquatableArray<GatewayRef> references, ListenerProtocol protocol, IReadOnlyCollection<Resources.Gateway> written, string path, RouteExportContext ctx)
    {
        var parents = new List<ParentReference>();
        for (var g = 0; g < references.Count; g++)
        {
            var reference = references[g];
            var gateway = config.FindGateway(reference.Name, reference.Namespace);
            var resource = gateway is null ? null : written.FirstOrDefault(w => w.Metadata.Name == reference.Name && w.Metadata.NamespaceProperty == reference.Namespace);
            if (gateway is null || resource is null)
            {
                ctx.Unsupported($"{path}.gateways[{g}]", $"Gateway '{reference.Namespace}/{reference.Name}' is not written, so the route is not bound to it.");
                continue;
            }
            var ns = reference.Namespace == routeNamespace ? null : reference.Namespace;
            if (reference.Listener is null)
            {
                if (!gateway.Listeners.Any(l => l.Protocol == protocol && resource.Spec.Listeners!.Any(w => w.Name == l.Name)))
                {
                    ctx.Unsupported($"{path}.gateways[{g}]", $"No {protocol.ToString().ToUpperInvariant()} listener of gateway '{reference.Namespace}/{reference.Name}' is written, so the route is not bound to it.");
                    continue;
                }
                parents.Add(new ParentReference { Group = GatewayRouteMapping.GatewayGroup, Kind = Resources.Gateway.KubeKind, Namespace = ns, Name = reference.Name });
                continue;
            }
            var listener = gateway.Listeners.FirstOrDefault(l => l.Name == reference.Listener);
            if (listener is null || !resource.Spec.Listeners!.Any(w => w.Name == listener.Name))
            {
                ctx.Unsupported($"{path}.gateways[{g}].listener", $"Listener '{reference.Listener}' of gateway '{reference.Namespace}/{reference.Name}' is not written, so the route is not bound to it.");
                continue;
            }
            // A TCP listener is written once (TCP carries no host name); a TLS listener once per host.
            IEnumerable<string> sections = listener.Protocol == ListenerProtocol.Tcp ? [listener.Name] : GatewayMapping.Names(listener);
            parents.AddRange(sections.Select(n => new ParentReference { Group = GatewayRouteMapping.GatewayGroup, Kind = Resources.Gateway.KubeKind, Namespace = ns, Name = reference.Name, SectionName = n }));
        }
        if (parents.Count == 0) ctx.Unsupported(path, "The route is bound to no gateway that is written; it is not written.");
        return parents;
    }

    /// <summary>A terminating TLS listener the route binds to (by name or as one of a whole gateway's), or null.</summary>
    private static string? TerminatingListener(MeshConfig config, EquatableArray<GatewayRef> references)
    {
        foreach (var reference in references)
        {
            if (config.FindGateway(reference.Name, reference.Namespace) is not { } gateway) continue;
            foreach (var l in gateway.Listeners)
            {
                if (l.Protocol == ListenerProtocol.Tls && l.Tls?.Mode != GatewayTlsMode.Passthrough && (reference.Listener is null || reference.Listener == l.Name)) return $"{reference.Namespace}/{reference.Name}/{l.Name}";
            }
        }
        return null;
    }

    /// <summary>
    /// The one rule's backendRefs: each with its port, else its service's only port (one without is left out, reported); the
    /// first <see cref="MaxBackends"/>. Null (reported) when none with a share of connections is left.
    /// </summary>
    private static List<BackendRef>? Backends(EquatableArray<WeightedBackend> backends, string ns, string path, RouteExportContext ctx)
    {
        var result = new List<BackendRef>();
        var ports = new List<int?>();
        var kept = new List<WeightedBackend>();
        for (var i = 0; i < backends.Count; i++)
        {
            var b = backends[i];
            if (kept.Count == MaxBackends)
            {
                ctx.Unsupported($"{path}.backends[{i}]", $"A TLSRoute or TCPRoute rule takes at most {MaxBackends} backendRefs; this backend is not written.");
                continue;
            }
            int? port = b.Port;
            if (port is null && !BackendMapping.TryPort(b.Service, null, RefPath.TcpBackend(path, i), "backend", ctx, out port)) continue;
            var service = BackendMapping.Target(b.Service, b.Subset, RefPath.TcpBackend(path, i), ctx, "Gateway API backends are whole Services; subset '{0}' is not written.");
            kept.Add(b);
            ports.Add(port);
            result.Add(new BackendRef { Name = service.Name, Namespace = service.Namespace == ns ? null : service.Namespace, Port = port });
        }
        for (var i = 0; i < result.Count; i++)
        {
            // A single backend takes every connection: its weight is left out, as is the default weight 1.
            result[i].Weight = kept[i].Weight == 1 || result.Count == 1 ? null : kept[i].Weight;
        }
        if (!kept.Exists(b => b.Weight != 0))
        {
            ctx.Unsupported($"{path}.backends", "No backend of this route with a share of connections can be written with the port a Service backendRef needs, so the route is not written.");
            return null;
        }
        return result;
    }

    /// <summary>A TLSRoute or TCPRoute with Gateway parents, read once every Gateway of the input is.</summary>
    /// <param name="Kind">The route's kind (<c>TLSRoute</c> or <c>TCPRoute</c>).</param>
    /// <param name="Hostnames">A TLSRoute's hostnames.</param>
    /// <param name="ParentRefs">The parentRefs.</param>
    /// <param name="Rules">The backendRefs of each rule (null for a null rule).</param>
    /// <param name="Name">The route's name.</param>
    /// <param name="Namespace">Its namespace.</param>
    /// <param name="Source">Its source name.</param>
    public sealed record Pending(string Kind, List<string>? Hostnames, List<ParentReference>? ParentRefs, List<List<BackendRef>?>? Rules, string Name, string Namespace, string Source);

    /// <summary>Gateway API → model: the gateway TLS and TCP routes of the TLSRoutes and TCPRoutes with Gateway parents.</summary>
    public static void ToModel(IEnumerable<Pending> pending, ModelBuilder model, ImportContext ctx)
    {
        foreach (var route in pending)
        {
            var tls = route.Kind == TlsRoute.KubeKind;
            var protocol = tls ? ListenerProtocol.Tls : ListenerProtocol.Tcp;
            var what = $"{route.Kind} '{route.Namespace}/{route.Name}'";
            var refs = new List<GatewayRef>();
            for (var i = 0; i < (route.ParentRefs?.Count ?? 0); i++)
            {
                var parent = route.ParentRefs![i];
                var path = $"$.spec.parentRefs[{i}]";
                if (!GatewayRouteMapping.IsGateway(parent))
                {
                    // A TCPRoute's Service parents are read as a mesh TCP route (TcpRouteMapping); a TLSRoute's are mesh TLS routing.
                    if (tls && parent is not null) ctx.OutOfScope(route.Source, path, $"A {parent.Kind} parent is not a Gateway; TLS routing inside the mesh (a TLSRoute with a Service parent) is not in the model.");
                    continue;
                }
                if (GatewayRouteMapping.GatewayParent(parent!, route.Namespace, route.Source, path, model, ctx) is not { } reference) continue;
                var gateway = model.Gateways.First(g => g.Name == reference.Name && g.Namespace == reference.Namespace);
                var fits = reference.Listener is { } named
                    ? gateway.Listeners.Any(l => l.Name == named && l.Protocol == protocol)
                    : gateway.Listeners.Any(l => l.Protocol == protocol);
                if (!fits)
                {
                    ctx.NotImported(route.Source, path, reference.Listener is null
                        ? $"Gateway '{reference.Namespace}/{reference.Name}' has no {protocol.ToString().ToUpperInvariant()} listener the model holds; the route is not bound to it."
                        : $"Listener '{reference.Listener}' of gateway '{reference.Namespace}/{reference.Name}' is not a {protocol.ToString().ToUpperInvariant()} listener; the route is not bound to it.");
                    continue;
                }
                if (!refs.Contains(reference)) refs.Add(reference);
            }
            if (refs.Count == 0)
            {
                if (route.Hostnames is not null) ctx.NotImported(route.Source, "$.spec.hostnames", "The route is bound to no gateway of the input; its host names were not imported.");
                if (route.Rules is not null) ctx.NotImported(route.Source, "$.spec.rules", "The route is bound to no gateway of the input; its rules were not imported.");
                continue;
            }
            var hostnames = new List<string>();
            for (var h = 0; h < (route.Hostnames?.Count ?? 0); h++)
            {
                var host = route.Hostnames![h];
                if (host is not null && DnsNames.IsHostName(host)) hostnames.Add(host.ToLowerInvariant());
                else ctx.Invalid(route.Source, $"$.spec.hostnames[{h}]", $"'{host}' is not a host name.");
            }
            if (tls && hostnames.Count == 0)
            {
                ctx.NotImported(route.Source, "$.spec.hostnames", "The TLSRoute names no SNI host name (every one); a model gateway TLS route names its server names, so the route was not imported.");
                continue;
            }
            var rules = route.Rules ?? [];
            var first = rules.FindIndex(r => r is not null);
            if (first < 0)
            {
                ctx.NotImported(route.Source, "$.spec", $"The {route.Kind} has no rule, so it routes no connection; it was not imported.");
                continue;
            }
            for (var k = first + 1; k < rules.Count; k++)
            {
                if (rules[k] is not null) ctx.NotImported(route.Source, $"$.spec.rules[{k}]", $"A model gateway {(tls ? "TLS" : "TCP")} route has one list of backends ({route.Kind} v1 takes exactly one rule); only the first rule was imported.");
            }
            var backends = BackendMapping.ToModel(rules[first], route.Namespace, route.Source, $"$.spec.rules[{first}].backendRefs", ctx, model, tls ? Protocol.Tls : Protocol.Tcp, $"backendRef of {what}");
            if (backends.IsEmpty)
            {
                ctx.NotImported(route.Source, $"$.spec.rules[{first}]", "The rule routes to no Service, so the route was not imported.");
                continue;
            }
            if (tls)
            {
                model.GatewayTlsRoutes.Add(new GatewayTlsRoute { Name = route.Name, Namespace = route.Namespace, Gateways = [.. refs], Hostnames = [.. hostnames.Distinct(StringComparer.Ordinal)], Backends = backends });
            }
            else
            {
                model.GatewayTcpRoutes.Add(new GatewayTcpRoute { Name = route.Name, Namespace = route.Namespace, Gateways = [.. refs], Backends = backends });
            }
        }
    }
}
