using CsCheck;
using Mesh.Collections;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Mapping;
using Mesh.Testing;
using Mesh.Translation;

namespace Mesh.Providers.GatewayApi.Tests.Generators;

/// <summary>
/// The shared generators seen through Gateway API: <see cref="Any"/> is every valid model; <see cref="WithinCapabilities"/>
/// drops what Gateway API reports Unsupported and maps, one by one, what it approximates or leaves out to the nearest model
/// it expresses exactly (written with every service as a core Service).
/// </summary>
internal static class GatewayApiModels
{
    private static readonly ProviderCapabilities Capabilities = GatewayApiCapabilities.Instance;

    /// <summary>Valid models using every model feature.</summary>
    public static Gen<MeshConfig> Any => MeshGenerators.Config;

    /// <summary>Valid models within Gateway API's capabilities, mapped by <see cref="ToGatewayApi"/>.</summary>
    public static Gen<MeshConfig> WithinCapabilities =>
        MeshGenerators.ConfigSupporting(f => Capabilities[f].Support != CapabilitySupport.Unsupported).Select(ToGatewayApi)
            .Where(m => Mesh.Providers.Conformance.Support.MatchPrecedenceConflicts.None(Translator, m));

    private static readonly GatewayApiTranslator Translator = new(new GatewayApiOptions { ServiceOutput = ServiceOutput.All });

    /// <summary>
    /// Maps a model to what Gateway API writes and reads back exactly with every service written as a core Service
    /// (<see cref="ServiceOutput.All"/>):
    /// <list type="bullet">
    /// <item>only services, routes, TCP routes and the client TLS of destination policies are written: the other settings of
    /// destination policies, mTLS, access and egress are dropped (each reported Unsupported);</item>
    /// <item>a destination policy keeps only its client TLS, and only in mode <c>simple</c> (mode <c>mesh</c> writes nothing,
    /// reported) and for the whole service or a subset something sends to (its leaf Service is the target); the generated
    /// SNIs and subject alternative names are forms BackendTLSPolicy takes;</item>
    /// <item>gateways and gateway routes are dropped (the default options name no gateway class; GatewayExportTests cover them);</item>
    /// <item>services keep their selector, ports (names, protocols, target ports) and the subsets a backend, mirror or TCP
    /// backend sends to (as leaf Services); a subset's labels that its service's selector already says are dropped (the leaf
    /// selects the same), and subsets nothing sends to are dropped;</item>
    /// <item>a backend (of a route or a TCP route) or mirror without a port keeps none when its service has exactly one port
    /// (that port is written), or when the route is written for one port of its host that the service has (the route's port
    /// is written), or when the route is written once per parent port because some backend or mirror without a port has
    /// every one of them (then each route's own port); otherwise it is left out (reported), and a rule or TCP route left
    /// without a backend with a share of traffic is dropped;</item>
    /// <item>a redirect or rewrite that replaces both the full path and the prefix keeps the full path; one that replaces the
    /// prefix keeps it beside no match or one PathPrefix match, replaces the full path instead beside exact-path matches
    /// only, and loses it beside any other matches (a rewrite left with nothing is dropped);</item>
    /// <item>header and query matches and header values that are empty are dropped (the CRD requires one character);</item>
    /// <item>CORS maxAge is rounded up to whole seconds, and origins that include <c>*</c> become just <c>*</c>.</item>
    /// </list>
    /// </summary>
    public static MeshConfig ToGatewayApi(MeshConfig m)
    {
        var services = m.Services.ToDictionary(s => s.Reference);
        var routes = m.Routes.Select(r => Ports(r with { Rules = [.. r.Rules.Select(Rule)] }, services)).ToList();
        var tcpRoutes = m.TcpRoutes.Select(t => Ports(t, services)).OfType<TcpRoute>().ToList();
        var routed = new HashSet<(ServiceRef, string)>();
        foreach (var rule in routes.SelectMany(r => r.Rules))
        {
            foreach (var b in rule.Backends) if (b.Subset is { } subset) routed.Add((b.Service, subset));
            if (rule.Mirror is { Subset: { } mirrored } mirror) routed.Add((mirror.Service, mirrored));
        }
        foreach (var b in tcpRoutes.SelectMany(t => t.Backends)) if (b.Subset is { } subset) routed.Add((b.Service, subset));
        return new MeshConfig
        {
            Name = "imported",
            Services = [.. m.Services.Select(s => s with
            {
                Subsets = [.. s.Subsets.Where(sub => routed.Contains((s.Reference, sub.Name))).Select(sub => sub with
                {
                    Labels = sub.Labels.Where(l => !(s.EffectiveSelector.TryGetValue(l.Key, out var v) && v == l.Value)).ToEquatableMap(),
                })],
            })],
            Routes = [.. routes],
            TcpRoutes = [.. tcpRoutes],
            DestinationPolicies = [.. m.DestinationPolicies
                .Where(p => p.Tls is { Mode: ClientTlsMode.Simple } && (p.Target.Subset is null || routed.Contains((p.Target.Service, p.Target.Subset))))
                .Select(p => new DestinationPolicy { Target = p.Target, Tls = p.Tls })],
        };
    }

    /// <summary>The route with the ports of its backends and mirrors as written (see <see cref="ToGatewayApi"/>).</summary>
    private static HttpRoute Ports(HttpRoute route, Dictionary<ServiceRef, MeshService> services)
    {
        var host = services[route.Host];
        var parents = HttpRouteMapping.ParentPorts(host, HttpRouteMapping.IsGrpc(route, host));
        int Has(ServiceRef service) => parents.Count(p => services[service].FindPort(p) is not null);
        bool Dependent(ServiceRef service) => services[service].Ports.Count != 1;
        var dependents = route.Rules
            .SelectMany(rule => (rule.Redirect is null && !IsParentBackend(rule, route.Host) ? rule.Backends.Where(b => b.Port is null).Select(b => b.Service) : [])
                .Concat(rule.Mirror is { Port: null } m ? [m.Service] : []))
            .Where(Dependent)
            .ToList();
        var split = parents.Count >= 2 && dependents.Any(d => Has(d) == parents.Count) && dependents.All(d => Has(d) == 0 || Has(d) == parents.Count);
        // Whether a reference without a port is written: with its service's only port, the route's one port, or per port.
        bool Written(ServiceRef service) =>
            !Dependent(service) || (parents.Count == 1 && Has(service) == 1) || (split && Has(service) == parents.Count);
        // The port written and read back: its own, its service's only one, the route's one parent port, or none (per port).
        int? Port(ServiceRef service, int? port) =>
            port ?? (services[service].Ports.Count == 1 ? services[service].Ports[0].Port : parents.Count == 1 ? parents[0] : null);
        var rules = new List<HttpRouteRule>();
        foreach (var rule in route.Rules)
        {
            if (rule.Redirect is not null || IsParentBackend(rule, route.Host))
            {
                rules.Add(rule with { Mirror = Mirror(rule.Mirror) });
                continue;
            }
            var backends = rule.Backends.Where(b => b.Port is not null || Written(b.Service)).Select(b => b with { Port = Port(b.Service, b.Port) }).ToList();
            if (!backends.Exists(b => b.Weight > 0)) continue;
            rules.Add(rule with { Backends = [.. backends], Mirror = Mirror(rule.Mirror) });
        }
        return route with { Rules = [.. rules] };

        Mirror? Mirror(Mirror? mirror) =>
            mirror is null || (mirror.Port is null && !Written(mirror.Service)) ? null : mirror with { Port = Port(mirror.Service, mirror.Port) };
    }

    /// <summary>The TCP route with the ports of its backends as written, or null when none with a share of connections is.</summary>
    private static TcpRoute? Ports(TcpRoute route, Dictionary<ServiceRef, MeshService> services)
    {
        var backends = route.Backends
            .Where(b => b.Port is not null || services[b.Service].Ports.Count == 1 || (route.Port is { } p && services[b.Service].FindPort(p) is not null))
            .Select(b => b with { Port = b.Port ?? (services[b.Service].Ports.Count == 1 ? services[b.Service].Ports[0].Port : route.Port) })
            .ToList();
        return backends.Exists(b => b.Weight > 0) ? route with { Backends = [.. backends] } : null;
    }

    /// <summary>A rule written without backendRefs: its one backend is the host, without port or subset (GEP-1426).</summary>
    private static bool IsParentBackend(HttpRouteRule rule, ServiceRef host) =>
        rule.Backends.Count == 1 && rule.Backends[0] is { Port: null, Subset: null } only && only.Service == host;

    private static HttpRouteRule Rule(HttpRouteRule rule) => rule with
    {
        // A match port is written as the route's parentRef port (or reported), and read back as no condition.
        Matches = [.. rule.Matches.Select(m => m with { Headers = [.. m.Headers.Where(Writable)], QueryParams = [.. m.QueryParams.Where(Writable)], Port = null })],
        RequestHeaders = Headers(rule.RequestHeaders),
        ResponseHeaders = Headers(rule.ResponseHeaders),
        Redirect = rule.Redirect is { } r ? r with { Path = r.Path ?? FullPath(rule, r.PathPrefix), PathPrefix = r.Path is null ? Prefix(rule, r.PathPrefix) : null } : null,
        Rewrite = Rewrite(rule),
        Cors = Cors(rule.Cors),
    };

    private static CorsPolicy? Cors(CorsPolicy? cors)
    {
        if (cors is null) return null;
        if (cors.MaxAge is { } age) cors = cors with { MaxAge = TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(age.TotalSeconds))) };
        return cors.AllowOrigins.Count > 1 && cors.AllowOrigins.Contains("*") ? cors with { AllowOrigins = ["*"] } : cors;
    }

    private static Rewrite? Rewrite(HttpRouteRule rule)
    {
        if (rule.Rewrite is not { } w) return null;
        var mapped = w.FullPath is not null ? w with { PathPrefix = null } : w with { FullPath = FullPath(rule, w.PathPrefix), PathPrefix = Prefix(rule, w.PathPrefix) };
        return mapped is { FullPath: null, PathPrefix: null, Authority: null } ? null : mapped;
    }

    /// <summary>A prefix replacement kept as one: beside no match or one PathPrefix match.</summary>
    private static string? Prefix(HttpRouteRule rule, string? prefix) =>
        PathModifierMapping.PrefixReplacement(rule) == PathModifierMapping.PrefixForm.ReplacePrefixMatch ? prefix : null;

    /// <summary>A prefix replacement read back as a full-path one: beside exact-path matches only.</summary>
    private static string? FullPath(HttpRouteRule rule, string? prefix) =>
        PathModifierMapping.PrefixReplacement(rule) == PathModifierMapping.PrefixForm.ReplaceFullPath ? prefix : null;

    private static bool Writable(ValueMatch m) => !string.IsNullOrEmpty(m.Value);

    private static HeaderModifier? Headers(HeaderModifier? modifier)
    {
        if (modifier is null) return null;
        var result = modifier with
        {
            Set = modifier.Set.Where(e => e.Value.Length > 0).ToEquatableMap(),
            Add = modifier.Add.Where(e => e.Value.Length > 0).ToEquatableMap(),
        };
        return result.Set.IsEmpty && result.Add.IsEmpty && result.Remove.IsEmpty ? null : result;
    }
}
