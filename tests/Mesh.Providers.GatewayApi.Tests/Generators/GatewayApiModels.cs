using CsCheck;
using Mesh.Collections;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Mapping;
using Mesh.Testing;
using Mesh.Translation;

namespace Mesh.Providers.GatewayApi.Tests.Generators;

/// <summary>
/// The shared generators seen through Gateway API: <see cref="Any"/> is every valid model; <see cref="WithinCapabilities"/>
/// drops what Gateway API reports Unsupported and maps, one by one, what it approximates to the nearest model it
/// expresses exactly.
/// </summary>
internal static class GatewayApiModels
{
    private static readonly ProviderCapabilities Capabilities = GatewayApiCapabilities.Instance;

    /// <summary>Valid models using every model feature.</summary>
    public static Gen<MeshConfig> Any => MeshGenerators.Config;

    /// <summary>Valid models within Gateway API's capabilities, mapped by <see cref="ToGatewayApi"/>.</summary>
    public static Gen<MeshConfig> WithinCapabilities =>
        MeshGenerators.ConfigSupporting(f => Capabilities[f].Support != CapabilitySupport.Unsupported).Select(ToGatewayApi);

    /// <summary>
    /// Maps a model to what Gateway API writes and reads back exactly:
    /// <list type="bullet">
    /// <item>only routes and TCP routes are written: policies, mTLS, access and egress are dropped (each reported Unsupported);</item>
    /// <item>subsets are dropped from services, backends and mirrors (backends are whole Services);</item>
    /// <item>a service survives only as a route host with HTTP-family ports (named by the route's parentRefs) or as the
    /// host of a TCP route on one port: its ports keep their numbers, lose their names, and read back as <c>grpc</c> when
    /// the route is a GRPCRoute, <c>http</c> for an HTTPRoute, else <c>tcp</c> (a TCP route without a port names none);</item>
    /// <item>a redirect or rewrite that replaces both the full path and the prefix keeps the full path; one that replaces the
    /// prefix keeps it beside no match or one PathPrefix match, replaces the full path instead beside exact-path matches
    /// only, and loses it beside any other matches (a rewrite left with nothing is dropped);</item>
    /// <item>header and query matches and header values that are empty are dropped (the CRD requires one character);</item>
    /// <item>a backend (of a route or a TCP route) or mirror without a port takes the port of its service when the mapped model has that service with exactly one port;</item>
    /// <item>CORS maxAge is rounded up to whole seconds, and origins that include <c>*</c> become just <c>*</c>.</item>
    /// </list>
    /// </summary>
    public static MeshConfig ToGatewayApi(MeshConfig m)
    {
        var routes = m.Routes.Select(r => r with { Rules = [.. r.Rules.Select(Rule)] }).ToList();
        var services = new List<MeshService>();
        var tcpRoutes = m.TcpRoutes.Select(t => t with { Backends = [.. t.Backends.Select(b => b with { Subset = null })] }).ToList();
        foreach (var service in m.Services)
        {
            var hosted = routes.Where(r => r.Host == service.Reference).ToList();
            var grpc = hosted.Any(r => HttpRouteMapping.IsGrpc(r, service));
            var ports = hosted.Count == 0 ? new List<ServicePort>() : HttpRouteMapping.ParentPorts(service, grpc).Select(p => new ServicePort { Port = p, Protocol = grpc ? Protocol.Grpc : Protocol.Http }).ToList();
            // A TCP route's port reads back as a tcp port, unless an HTTP or gRPC route names it too.
            foreach (var tcp in tcpRoutes.Where(t => t.Host == service.Reference && t.Port is not null && ports.All(p => p.Port != t.Port)))
            {
                ports.Add(new ServicePort { Port = tcp.Port!.Value, Protocol = Protocol.Tcp });
            }
            if (ports.Count > 0) services.Add(new MeshService { Name = service.Name, Namespace = service.Namespace, Ports = [.. ports] });
        }
        // A backend or mirror without a port takes its service's only port (the CRDs require one).
        var single = services.Where(s => s.Ports.Count == 1).ToDictionary(s => s.Reference, s => s.Ports[0].Port);
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
        return new MeshConfig { Name = "imported", Services = [.. services], Routes = [.. routes], TcpRoutes = [.. tcpRoutes] };
    }

    private static HttpRouteRule Rule(HttpRouteRule rule) => rule with
    {
        Matches = [.. rule.Matches.Select(m => m with { Headers = [.. m.Headers.Where(Writable)], QueryParams = [.. m.QueryParams.Where(Writable)] })],
        RequestHeaders = Headers(rule.RequestHeaders),
        ResponseHeaders = Headers(rule.ResponseHeaders),
        Backends = [.. rule.Backends.Select(b => b with { Subset = null })],
        Mirror = rule.Mirror is { } mirror ? mirror with { Subset = null } : null,
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
