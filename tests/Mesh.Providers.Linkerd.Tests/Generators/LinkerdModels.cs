using CsCheck;
using Mesh.Collections;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Mapping;
using Mesh.Providers.Linkerd.Mapping;
using Mesh.Testing;
using Mesh.Translation;

namespace Mesh.Providers.Linkerd.Tests.Generators;

/// <summary>
/// The shared generators seen through Linkerd: <see cref="Any"/> is every valid model; <see cref="WithinCapabilities"/>
/// drops what Linkerd reports Unsupported and maps what it approximates to the nearest model it expresses exactly.
/// </summary>
internal static class LinkerdModels
{
    private static readonly ProviderCapabilities Capabilities = LinkerdCapabilities.Instance;

    /// <summary>Valid models using every model feature.</summary>
    public static Gen<MeshConfig> Any => MeshGenerators.Config;

    /// <summary>
    /// Valid routing models within Linkerd's capabilities, mapped by <see cref="ToLinkerd"/> (models the mapping cannot keep
    /// valid are left out). Authorization, egress and outlier detection have their own round-trip properties
    /// (<c>AuthorizationRoundTrip</c>, <c>EgressTests</c> over <c>EgressModels</c>), since their Servers and EgressNetworks
    /// carry services and hosts of their own.
    /// </summary>
    public static Gen<MeshConfig> WithinCapabilities =>
        MeshGenerators.ConfigSupporting(f => Capabilities[f].Support != CapabilitySupport.Unsupported && !OwnProperty(f)).Select(ToLinkerd).Where(m => m is not null).Select(m => m!)
            .Where(m => Mesh.Providers.Conformance.Support.MatchPrecedenceConflicts.None(Translator, m));

    private static readonly LinkerdTranslator Translator = new();

    private static bool OwnProperty(MeshFeature f) => f.Area is "Security" or "Egress" || f.Id.StartsWith("destination.outlierDetection", StringComparison.Ordinal) || f.Id.StartsWith("destination.rateLimit", StringComparison.Ordinal);

    /// <summary>
    /// Maps a model to what the Linkerd provider writes and reads back exactly (with the default
    /// <see cref="LinkerdOptions.ServiceOutput"/>, which writes no service's own Service): as for Gateway API (only routes and
    /// TCP routes; no subsets; empty header values dropped), plus:
    /// <list type="bullet">
    /// <item>the services are what the import declares: a route or TCP route host with the ports its parentRefs name (a TCP
    /// route's port read back as <c>tcp</c> unless an HTTP or gRPC route names it too), and every other service a backend
    /// names, with the ports backends name (<c>http</c> from a route, <c>tcp</c> from a TCP route, the first reference
    /// deciding), all with the default selector; services nothing names are not written, so they are dropped;</item>
    /// <item>a model where a backend names a port of a route's host that the host's parentRefs do not name is left out (null):
    /// the import would add the port with a warning;</item>
    /// <item>retries survive only when every rule of the route has the same policy (Linkerd's annotations are per route),
    /// keeping the conditions the route kind takes (5xx, gateway-error, status codes for HTTP; the gRPC codes for GRPCRoutes);</item>
    /// <item>redirect codes other than 301 and 302 become 302 (Linkerd's schema takes those two);</item>
    /// <item>a redirect's prefix replacement is kept beside no match or one PathPrefix match, replaces the full path instead
    /// beside exact-path matches only, and is lost beside any other matches (as for Gateway API);</item>
    /// <item>a backend (of a route or a TCP route) without a port takes the port of its service when the mapped model has that service with exactly one port;</item>
    /// <item>mTLS policies are dropped (strict is always on in Linkerd and nothing is written).</item>
    /// </list>
    /// </summary>
    public static MeshConfig? ToLinkerd(MeshConfig m)
    {
        m = ServiceCallerModels.AsServiceAccounts(m); // callers named as services read back as the service accounts named like them
        var tcpRoutes = m.TcpRoutes.Select(t => t with { Backends = [.. t.Backends.Select(b => b with { Subset = null })] }).ToList();
        var routes = new List<HttpRoute>();
        foreach (var route in m.Routes)
        {
            var host = m.FindService(route.Host);
            var mapped = route with { Rules = [.. route.Rules.Select(Rule)] };
            var grpc = HttpRouteMapping.IsGrpc(mapped, host, RouteMapping.Dialect);
            var retry = mapped.Rules.Count > 0 && mapped.Rules.All(r => r.Retry == mapped.Rules[0].Retry) ? Retry(mapped.Rules[0].Retry, grpc) : null;
            routes.Add(mapped with { Rules = [.. mapped.Rules.Select(r => r with { Retry = retry })] });
        }
        // The hosts read back with ports from their parentRefs (the input's services); other services are declared from references.
        var read = new Dictionary<ServiceRef, List<ServicePort>>();
        foreach (var service in m.Services)
        {
            var hosted = routes.Where(r => r.Host == service.Reference).ToList();
            var grpc = hosted.Any(r => HttpRouteMapping.IsGrpc(r, service, RouteMapping.Dialect));
            var ports = hosted.Count == 0 ? new List<ServicePort>() : HttpRouteMapping.ParentPorts(service, grpc).Select(p => new ServicePort { Port = p, Protocol = grpc ? Protocol.Grpc : Protocol.Http }).ToList();
            foreach (var tcp in tcpRoutes.Where(t => t.Host == service.Reference && t.Port is not null && ports.All(p => p.Port != t.Port)))
            {
                ports.Add(new ServicePort { Port = tcp.Port!.Value, Protocol = Protocol.Tcp });
            }
            if (ports.Count > 0) read[service.Reference] = ports;
        }
        void Declare(Dictionary<ServiceRef, List<ServicePort>> declared, List<ServiceRef> order, ServiceRef service, int? port, Protocol protocol)
        {
            if (read.ContainsKey(service)) return;
            if (!declared.TryGetValue(service, out var ports))
            {
                declared[service] = ports = [];
                order.Add(service);
            }
            if (port is { } p && ports.All(x => x.Port != p)) ports.Add(new ServicePort { Port = p, Protocol = protocol });
        }
        // The services the import declares, in the order it meets their references: routes' hosts and backends, then TCP routes'.
        List<MeshService> Services()
        {
            var declared = new Dictionary<ServiceRef, List<ServicePort>>();
            var order = new List<ServiceRef>();
            foreach (var route in routes)
            {
                Declare(declared, order, route.Host, null, Protocol.Http);
                foreach (var backend in route.Rules.SelectMany(r => r.Backends)) Declare(declared, order, backend.Service, backend.Port, Protocol.Http);
            }
            foreach (var tcp in tcpRoutes)
            {
                Declare(declared, order, tcp.Host, null, Protocol.Tcp);
                foreach (var backend in tcp.Backends) Declare(declared, order, backend.Service, backend.Port, Protocol.Tcp);
            }
            return [.. read.Select(e => new MeshService { Name = e.Key.Name, Namespace = e.Key.Namespace, Ports = [.. e.Value] })
                .Concat(order.Select(r => new MeshService { Name = r.Name, Namespace = r.Namespace, Ports = [.. declared[r]] }))];
        }
        // A backend or mirror without a port takes its service's only port (the CRDs require one).
        var single = Services().Where(s => s.Ports.Count == 1).ToDictionary(s => s.Reference, s => s.Ports[0].Port);
        int? Port(ServiceRef service, int? port) => port ?? (single.TryGetValue(service, out var p) ? p : null);
        routes = [.. routes.Select(r => r with
        {
            Rules = [.. r.Rules.Select(rule => rule with
            {
                Backends = [.. rule.Backends.Select(b => b with { Port = Port(b.Service, b.Port) })],
                Mirror = rule.Mirror is { } mirror ? mirror with { Port = Port(mirror.Service, mirror.Port) } : null,
            })],
        })];
        tcpRoutes = [.. tcpRoutes.Select(t => t with { Backends = [.. t.Backends.Select(b => b with { Port = Port(b.Service, b.Port) })] })];
        // Declared again: a port a backend now names decides the protocol where a later reference named it before.
        var services = Services();
        // The ports the import reads from parentRefs, as the export writes them for these services; a backend naming another
        // port of such a service is added by the import with a warning, so the model is left out.
        var parents = new Dictionary<ServiceRef, HashSet<int>>();
        foreach (var route in routes)
        {
            var host = services.Find(s => s.Reference == route.Host);
            var ports = HttpRouteMapping.ParentPorts(host, HttpRouteMapping.IsGrpc(route, host, RouteMapping.Dialect));
            if (ports.Count > 0) parents[route.Host] = [.. ports];
        }
        foreach (var tcp in tcpRoutes.Where(t => t.Port is not null)) parents[tcp.Host] = [.. parents.GetValueOrDefault(tcp.Host) ?? [], tcp.Port!.Value];
        var backends = routes.SelectMany(r => r.Rules.SelectMany(x => x.Backends)).Concat(tcpRoutes.SelectMany(t => t.Backends));
        if (backends.Any(b => b.Port is { } p && parents.TryGetValue(b.Service, out var named) && !named.Contains(p))) return null;
        return new MeshConfig { Name = "imported", Services = [.. services], Routes = [.. routes], TcpRoutes = [.. tcpRoutes] };
    }

    private static readonly HashSet<RetryCondition> HttpConditions = [RetryCondition.ServerError, RetryCondition.GatewayError, RetryCondition.RetriableStatusCodes];

    private static readonly HashSet<RetryCondition> GrpcConditions = [RetryCondition.Cancelled, RetryCondition.DeadlineExceeded, RetryCondition.Internal, RetryCondition.ResourceExhausted, RetryCondition.Unavailable];

    private static RetryPolicy? Retry(RetryPolicy? retry, bool grpc)
    {
        if (retry is null) return null;
        var on = retry.On.Where(c => (grpc ? GrpcConditions : HttpConditions).Contains(c)).ToList();
        return retry with
        {
            On = [.. on],
            StatusCodes = on.Contains(RetryCondition.RetriableStatusCodes) ? retry.StatusCodes : default,
            Backoff = null,
        };
    }

    private static HttpRouteRule Rule(HttpRouteRule rule) => rule with
    {
        Backends = [.. rule.Backends.Select(b => b with { Subset = null })],
        // A match port is written as the route's parentRef port (or reported), and read back as no condition.
        Matches = [.. rule.Matches.Select(m => m with { Headers = [.. m.Headers.Where(h => !string.IsNullOrEmpty(h.Value))], QueryParams = [.. m.QueryParams.Where(q => !string.IsNullOrEmpty(q.Value))], Port = null })],
        Redirect = rule.Redirect is { } r ? r with { Path = r.Path ?? FullPath(rule, r.PathPrefix), PathPrefix = r.Path is null ? Prefix(rule, r.PathPrefix) : null, StatusCode = r.StatusCode is 301 or 302 ? r.StatusCode : 302 } : null,
        RequestHeaders = Headers(rule.RequestHeaders),
        ResponseHeaders = null,
        Mirror = null,
        Rewrite = null,
        Cors = null,
        Fault = null,
    };

    /// <summary>A prefix replacement kept as one: beside no match or one PathPrefix match.</summary>
    private static string? Prefix(HttpRouteRule rule, string? prefix) =>
        PathModifierMapping.PrefixReplacement(rule) == PathModifierMapping.PrefixForm.ReplacePrefixMatch ? prefix : null;

    /// <summary>A prefix replacement read back as a full-path one: beside exact-path matches only.</summary>
    private static string? FullPath(HttpRouteRule rule, string? prefix) =>
        PathModifierMapping.PrefixReplacement(rule) == PathModifierMapping.PrefixForm.ReplaceFullPath ? prefix : null;

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
