using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Istio.Resources;
using Mesh.Providers.Istio.Translation;
using Mesh.Validation;

namespace Mesh.Providers.Istio.Mapping;

/// <summary>
/// Gateway TLS and TCP routes ↔ VirtualServices with <c>gateways</c> and <c>tls</c> / <c>tcp</c> rules. A TLS route's server
/// names are the <c>hosts</c> and each match's <c>sniHosts</c>; a TCP route's host is <c>*</c>. Each gateway reference is a
/// match naming its gateway (<c>gateways</c>), with the listener's <c>port</c> when the route binds to one listener. Istio
/// routes TLS that a gateway terminates with <c>tcp</c> rules (SNI chose the server already) and passed-through TLS with
/// <c>tls</c> rules, so a TLS route bound to terminating listeners is written as <c>tcp</c> matches, read back as a TLS
/// route because its VirtualService's hosts are server names and the listener the match selects is a terminating one. One
/// VirtualService per route, named after it (<c>NAME-tls</c> or <c>NAME-tcp</c> when another route has the name).
/// </summary>
internal static class GatewayStreamRouteMapping
{
    public static void ToIstio(MeshConfig config, SortedDictionary<(string Namespace, string Name), VirtualService> byName, IstioExportContext ctx)
    {
        for (var i = 0; i < config.GatewayTlsRoutes.Count; i++)
        {
            var route = config.GatewayTlsRoutes[i];
            var path = $"$.spec.gatewayTlsRoutes[{i}]";
            var tls = new List<TlsMatchAttributes>();
            var tcp = new List<L4MatchAttributes>();
            foreach (var reference in route.Gateways)
            {
                if (config.FindGateway(reference.Name, reference.Namespace) is not { } gateway) continue;
                var gatewayName = Written(reference, route.Namespace);
                var listeners = gateway.Listeners.Where(l => l.Protocol == ListenerProtocol.Tls && (reference.Listener is null || l.Name == reference.Listener)).ToList();
                int? port = reference.Listener is null ? null : listeners.FirstOrDefault()?.Port;
                if (listeners.Any(l => l.Tls?.Mode == GatewayTlsMode.Passthrough))
                {
                    tls.Add(new TlsMatchAttributes { SniHosts = [.. route.Hostnames], Port = port, Gateways = [gatewayName] });
                }
                if (listeners.Any(l => l.Tls?.Mode != GatewayTlsMode.Passthrough))
                {
                    tcp.Add(new L4MatchAttributes { Port = port, Gateways = [gatewayName] });
                }
            }
            if (tcp.Count > 0)
            {
                ctx.Approximated($"{path}.hostnames", "Istio routes TLS that a gateway terminates with tcp rules, which do not match SNI: on a terminating listener the route takes every connection of the servers whose hosts are its server names.");
            }
            var destinations = Destinations(route.Backends, $"{path}.backends", ctx);
            Add(byName, route.Namespace, route.Name, "tls", path, ctx, ModelObjectNames.Of(route), new VirtualServiceSpec
            {
                Hosts = [.. route.Hostnames],
                Gateways = [.. route.Gateways.Select(r => Written(r, route.Namespace)).Distinct(StringComparer.Ordinal)],
                Tls = tls.Count == 0 ? null : [new TlsRoute { Match = tls, Route = destinations }],
                Tcp = tcp.Count == 0 ? null : [new Resources.TcpRoute { Match = tcp, Route = destinations }],
            });
        }
        for (var i = 0; i < config.GatewayTcpRoutes.Count; i++)
        {
            var route = config.GatewayTcpRoutes[i];
            var path = $"$.spec.gatewayTcpRoutes[{i}]";
            var matches = new List<L4MatchAttributes>();
            foreach (var reference in route.Gateways)
            {
                if (config.FindGateway(reference.Name, reference.Namespace) is not { } gateway) continue;
                var listener = reference.Listener is null ? null : gateway.Listeners.FirstOrDefault(l => l.Name == reference.Listener);
                if (reference.Listener is null && gateway.Listeners.Any(l => l.Protocol == ListenerProtocol.Tls && l.Tls?.Mode != GatewayTlsMode.Passthrough))
                {
                    ctx.Approximated($"{path}.gateways", $"Istio applies tcp rules without a port to every TCP and terminating TLS server of gateway '{reference.Namespace}/{reference.Name}': the route also takes the connections of its terminating TLS listeners.");
                }
                matches.Add(new L4MatchAttributes { Port = listener?.Port, Gateways = [Written(reference, route.Namespace)] });
            }
            Add(byName, route.Namespace, route.Name, "tcp", path, ctx, ModelObjectNames.Of(route), new VirtualServiceSpec
            {
                Hosts = ["*"],
                Gateways = [.. route.Gateways.Select(r => Written(r, route.Namespace)).Distinct(StringComparer.Ordinal)],
                Tcp = [new Resources.TcpRoute { Match = matches, Route = Destinations(route.Backends, $"{path}.backends", ctx) }],
            });
        }
    }

    private static string Written(GatewayRef reference, string routeNamespace) =>
        reference.Namespace == routeNamespace ? reference.Name : $"{reference.Namespace}/{reference.Name}";

    private static List<RouteDestination>? Destinations(IReadOnlyList<WeightedBackend> backends, string path, IstioExportContext ctx) =>
        Lists.OrNull(BackendMapping.ToIstio(backends, path, ctx).Select(b => new RouteDestination { Destination = b.Destination, Weight = b.Weight }));

    private static void Add(SortedDictionary<(string Namespace, string Name), VirtualService> byName, string ns, string name, string suffix, string path, IstioExportContext ctx, string owner, VirtualServiceSpec spec)
    {
        var written = name;
        if (byName.ContainsKey((ns, written)))
        {
            written = $"{name}-{suffix}";
            if (byName.ContainsKey((ns, written)))
            {
                ctx.Unsupported(path, $"VirtualServices '{name}' and '{written}' are both taken by other routes in '{ns}'; the gateway {suffix.ToUpperInvariant()} route is not written. Rename it.");
                return;
            }
            ctx.Note($"{path}.name", $"Another route is written as VirtualService '{name}'; the gateway {suffix.ToUpperInvariant()} route is written as VirtualService '{written}'.");
        }
        byName[(ns, written)] = Ownership.From(new VirtualService { Metadata = { Name = written, NamespaceProperty = ns }, Spec = spec }, owner);
    }

    /// <summary>
    /// Istio → model: the <c>tls</c> rules, and with <paramref name="tcp"/> the <c>tcp</c> rules, of a VirtualService bound to
    /// gateways (<paramref name="refs"/>, the gateways of the input it names). A <c>tls</c> rule is a TLS route. A <c>tcp</c>
    /// match is a TLS route's binding when the VirtualService's hosts are server names and the match selects terminating TLS
    /// listeners, else a TCP route's. Rules after the first of a kind are routes <c>NAME-tls-N</c> / <c>NAME-tcp-N</c>.
    /// </summary>
    public static void ToModel(VirtualService vs, string name, string ns, List<GatewayRef> refs, string source, ModelBuilder model, IstioImportContext ctx, bool tcp)
    {
        var spec = vs.Spec!;
        var hosts = (spec.Hosts ?? []).Where(h => h is not null && h != "*" && DnsNames.IsHostName(h)).Select(h => h.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        var tlsCount = 0;
        var first = model.GatewayTlsRoutes.Count;
        for (var i = 0; i < (spec.Tls?.Count ?? 0); i++)
        {
            if (spec.Tls![i] is not { } rule) continue;
            var path = $"$.spec.tls[{i}]";
            var backends = BackendMapping.ToModel(rule.Route?.Select(r => (r?.Destination, r?.Weight)).ToList(), ns, source, $"{path}.route", ctx);
            if (backends.IsEmpty)
            {
                ctx.NotImported(source, path, "The TLS rule has no mesh-service destination; it was not imported.");
                continue;
            }
            var gateways = new List<GatewayRef>();
            var names = new List<string>();
            for (var m = 0; m < (rule.Match?.Count ?? 0); m++)
            {
                if (rule.Match![m] is not { } match) continue;
                var sniHosts = match.SniHosts ?? [];
                for (var h = 0; h < sniHosts.Count; h++)
                {
                    if (sniHosts[h] is { } sni && sni != "*" && DnsNames.IsHostName(sni)) names.Add(sni.ToLowerInvariant());
                    else ctx.NotImported(source, $"{path}.match[{m}].sniHosts[{h}]", $"'{sniHosts[h]}' is not a server name a gateway TLS route can hold; it was not imported.");
                }
                gateways.AddRange(Bind(match.Gateways, match.Port, refs, ns, model, wantTcp: false, terminating: false, source, $"{path}.match[{m}]", ctx));
            }
            if (rule.Match is not { Count: > 0 }) gateways.AddRange(Bind(null, null, refs, ns, model, wantTcp: false, terminating: false, source, path, ctx));
            if (names.Count == 0) names.AddRange(hosts);
            if (gateways.Count == 0 || names.Count == 0)
            {
                ctx.NotImported(source, path, "The TLS rule names no server name, or no TLS passthrough server of the input's gateways; it was not imported.");
                continue;
            }
            model.GatewayTlsRoutes.Add(new GatewayTlsRoute { Name = Next(name, "tls", ref tlsCount), Namespace = ns, Gateways = [.. gateways.Distinct()], Hostnames = [.. names.Distinct(StringComparer.Ordinal)], Backends = backends });
        }
        var tcpCount = 0;
        for (var i = 0; tcp && i < (spec.Tcp?.Count ?? 0); i++)
        {
            if (spec.Tcp![i] is not { } rule) continue;
            var path = $"$.spec.tcp[{i}]";
            var backends = BackendMapping.ToModel(rule.Route?.Select(r => (r?.Destination, r?.Weight)).ToList(), ns, source, $"{path}.route", ctx);
            if (backends.IsEmpty)
            {
                ctx.NotImported(source, path, "The TCP rule has no mesh-service destination; it was not imported.");
                continue;
            }
            var tcpRefs = new List<GatewayRef>();
            var terminated = new List<GatewayRef>();
            var matches = rule.Match is { Count: > 0 } list ? list : [new L4MatchAttributes()];
            for (var m = 0; m < matches.Count; m++)
            {
                if (matches[m] is not { } match) continue;
                var at = rule.Match is { Count: > 0 } ? $"{path}.match[{m}]" : path;
                // With server names for hosts, a tcp match on terminating TLS listeners is a TLS route's binding.
                var tlsRefs = hosts.Count > 0 ? Bind(match.Gateways, match.Port, refs, ns, model, wantTcp: false, terminating: true, null, at, ctx).ToList() : [];
                terminated.AddRange(tlsRefs);
                if (tlsRefs.Count == 0) tcpRefs.AddRange(Bind(match.Gateways, match.Port, refs, ns, model, wantTcp: true, terminating: false, source, at, ctx));
            }
            if (tcpRefs.Count > 0)
            {
                model.GatewayTcpRoutes.Add(new GatewayTcpRoute { Name = Next(name, "tcp", ref tcpCount), Namespace = ns, Gateways = [.. tcpRefs.Distinct()], Backends = backends });
            }
            if (terminated.Count > 0)
            {
                // The terminating half of a TLS route also bound to passed-through listeners (a tls rule of this VirtualService with the same destinations) joins it.
                var index = model.GatewayTlsRoutes.FindIndex(first, r => r.Backends == backends);
                if (index >= 0)
                {
                    var joined = model.GatewayTlsRoutes[index];
                    model.GatewayTlsRoutes[index] = joined with { Gateways = [.. joined.Gateways.Concat(terminated).Distinct()] };
                }
                else
                {
                    model.GatewayTlsRoutes.Add(new GatewayTlsRoute { Name = Next(name, "tls", ref tlsCount), Namespace = ns, Gateways = [.. terminated.Distinct()], Hostnames = [.. hosts], Backends = backends });
                }
            }
        }
    }

    private static string Next(string name, string kind, ref int count) => count++ == 0 ? name : $"{name}-{kind}-{count - 1}";

    /// <summary>
    /// The model bindings of a match: its gateways (else the VirtualService's, <paramref name="refs"/>), each to the listener
    /// of the match's port of the wanted kind (a TCP listener; a TLS listener, passed through or, with
    /// <paramref name="terminating"/>, terminating) or, without a port, to the whole gateway when it has such a listener. A
    /// gateway without one is reported when <paramref name="source"/> is given.
    /// </summary>
    private static List<GatewayRef> Bind(List<string>? gateways, int? port, List<GatewayRef> refs, string ns, ModelBuilder model, bool wantTcp, bool terminating, string? source, string path, IstioImportContext ctx)
    {
        var bound = new List<GatewayRef>();
        var named = gateways is null ? refs : [.. gateways.Where(g => g is not null).Select(g => Parse(g, ns)).Where(refs.Contains)];
        foreach (var reference in named)
        {
            if (model.Gateways.FirstOrDefault(x => x.Name == reference.Name && x.Namespace == reference.Namespace) is not { } gateway) continue;
            var listeners = gateway.Listeners.Where(l => (port is null || l.Port == port) && (wantTcp
                ? l.Protocol == ListenerProtocol.Tcp
                : l.Protocol == ListenerProtocol.Tls && (l.Tls?.Mode != GatewayTlsMode.Passthrough) == terminating)).ToList();
            if (listeners.Count == 0)
            {
                if (source is not null)
                {
                    ctx.NotImported(source, path, $"Gateway '{reference.Namespace}/{reference.Name}' has no {(wantTcp ? "TCP" : "TLS passthrough")} server{(port is null ? "" : $" on port {port}")}; the binding was not imported.");
                }
                continue;
            }
            bound.Add(port is null || listeners.Count > 1 ? reference : reference with { Listener = listeners[0].Name });
        }
        return bound;
    }

    private static GatewayRef Parse(string entry, string ns)
    {
        var slash = entry.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? new GatewayRef { Name = entry, Namespace = ns } : new GatewayRef { Name = entry[(slash + 1)..], Namespace = entry[..slash] };
    }
}
