using CsCheck;
using Mesh.Model;
using Mesh.Collections;
using Mesh.Providers.Osm.Mapping;
using Mesh.Testing;
using Mesh.Translation;

namespace Mesh.Providers.Osm.Tests.Generators;

/// <summary>
/// The shared generators seen through OSM: <see cref="Any"/> is every valid model; <see cref="WithinCapabilities"/> drops what OSM
/// reports Unsupported, feature by feature (the capabilities) and where a supported feature is used in a way OSM cannot write
/// (<see cref="ToOsm"/>). The import will refine <see cref="ToOsm"/> into the model OSM reads back, for the round trip.
/// </summary>
internal static class OsmModels
{
    private static readonly ProviderCapabilities Capabilities = OsmCapabilities.Instance;

    /// <summary>Valid models using every model feature.</summary>
    public static Gen<MeshConfig> Any => MeshGenerators.Config;

    /// <summary>
    /// Valid models within OSM's capabilities, mapped by <see cref="ToOsm"/>. IP blocks are left out: their IngressBackend reads
    /// back as a policy of its own, whose name and port the IngressBackend import and export tests check.
    /// </summary>
    public static Gen<MeshConfig> WithinCapabilities =>
        MeshGenerators.ConfigSupporting(f => Capabilities[f].Support != CapabilitySupport.Unsupported && f != MeshFeature.AccessFromIpBlocks).Select(ToOsm);

    /// <summary>
    /// A rate limit as OSM reads it back: per second, minute or hour (another interval as the same average rate in the nearest
    /// unit, rounded, at least 1, with the same bucket size), and a regex route that is an escaped literal (with <c>.*</c>) as an
    /// exact path (a prefix).
    /// </summary>
    private static LocalRateLimit RateLimit(LocalRateLimit limit)
    {
        static (int Requests, TimeSpan? Interval, int? Burst) Unit(int requests, TimeSpan? interval, int? burst)
        {
            var length = interval ?? TimeSpan.FromSeconds(1);
            if (length == TimeSpan.FromSeconds(1) || length == TimeSpan.FromMinutes(1) || length == TimeSpan.FromHours(1)) return (requests, interval, burst);
            var unit = length < TimeSpan.FromMinutes(1) ? TimeSpan.FromSeconds(1) : length < TimeSpan.FromHours(1) ? TimeSpan.FromMinutes(1) : TimeSpan.FromHours(1);
            var perUnit = (int)Math.Max(1m, decimal.Round(requests * (decimal)unit.Ticks / length.Ticks, MidpointRounding.AwayFromZero));
            return (perUnit, unit, Math.Max(burst ?? requests, perUnit));
        }
        var (requests, interval, burst) = limit.Requests is { } r ? Unit(r, limit.Interval, limit.Burst) : (0, null, null);
        return limit with
        {
            Requests = limit.Requests is null ? null : requests,
            Interval = interval,
            Burst = burst,
            Routes = [.. limit.Routes.Select(route =>
            {
                var (n, i, b) = Unit(route.Requests, route.Interval, route.Burst);
                return route with { Path = Mesh.Providers.Osm.Mapping.RateLimitMapping.Path(Mesh.Providers.Osm.Mapping.RateLimitMapping.Regex(route.Path)), Requests = n, Interval = i, Burst = b };
            })],
        };
    }

    /// <summary>
    /// Maps a model to what the OSM export writes and the import reads back exactly, with every Service written
    /// (<see cref="ServiceOutput.All"/>):
    /// <list type="bullet">
    /// <item>the name is the import's, <c>imported</c>; a port's protocol is what its <c>appProtocol</c> says (HTTP/2 → HTTP, TLS → TCP);</item>
    /// <item>a route keeps its first rule (OSM has no matching; the generator writes none), without backends in another namespace than
    /// its host, backends naming one Service merged (their weights added; a port kept only where the export keeps it: every merged
    /// backend names the one port a request to the host can come on); one TrafficSplit per host (the first route, HTTP before TCP) and
    /// per host namespace and name; a route whose only backend is its host is no split: it is kept, named after the host, only to carry
    /// a retry; a route sending nothing is dropped;</item>
    /// <item>a retry: no retriable status codes (dropped with no other condition), 5xx for the mesh default, 15s per try and a 25ms
    /// back-off base when unset, Envoy's maximum interval; none without a service to call from;</item>
    /// <item>only the subsets a route or TCP route sends to (their leaf Services are what OSM has); destination policies keep only their
    /// connection pool, on a service, a routed subset or an external service written as an Egress; an access policy's target subset is kept when routed;</item>
    /// <item>mTLS is one mesh-wide strict policy when the model has one (narrower strict scopes are met by OSM's mesh-wide mTLS);</item>
    /// <item>allow policies from service accounts, with the rules OSM writes (methods of HTTPRouteGroup's enum; a rule with methods or
    /// paths holds on the HTTP ports; the path <c>*</c> is any path); a policy left without rules is dropped;</item>
    /// <item>external services with ports and a service to call from: IPv4 addresses, DNS resolution, HTTP/2 and gRPC ports as HTTP,
    /// ports without names.</item>
    /// </list>
    /// </summary>
    public static MeshConfig ToOsm(MeshConfig m)
    {
        m = ServiceCallerModels.AsServiceAccounts(m); // callers named as services read back as the service accounts named like them
        var services = m.Services.ToDictionary(s => s.Reference);
        var hosts = new HashSet<ServiceRef>();
        var splitNames = new HashSet<(string, string)>();
        var routes = new List<HttpRoute>();
        var carriers = new List<(ServiceRef Host, RetryPolicy Retry)>();
        foreach (var route in m.Routes)
        {
            if (route.Rules.IsEmpty) continue;
            var rule = route.Rules[0];
            // The export writes a Retry for the rule whatever becomes of its split.
            var retry = m.Services.IsEmpty ? null : Retry(rule.Retry);
            var backends = Merge(rule.Backends, route.Host, null, services);
            var split = !rule.Backends.IsEmpty && hosts.Add(route.Host) && backends.Any(b => b.Weight > 0)
                && !(backends is [{ Subset: null } only] && only.Service == route.Host)
                && splitNames.Add((route.Host.Namespace, route.Name));
            if (split) routes.Add(route with { Rules = [new HttpRouteRule { Backends = [.. backends], Retry = retry }] });
            else if (retry is not null) carriers.Add((route.Host, retry));
        }
        var tcpRoutes = new List<TcpRoute>();
        foreach (var tcp in m.TcpRoutes)
        {
            var backends = Merge(tcp.Backends, tcp.Host, tcp.Port, services);
            if (!hosts.Add(tcp.Host) || !backends.Any(b => b.Weight > 0)) continue;
            if (backends is [{ Subset: null } only] && only.Service == tcp.Host) continue;
            if (!splitNames.Add((tcp.Host.Namespace, tcp.Name))) continue;
            tcpRoutes.Add(tcp with { Backends = [.. backends] });
        }
        // A host's Retry without a split is read as a route of its own, named after the host, unless that name is taken.
        var taken = routes.Select(r => (r.Namespace, r.Name)).Concat(tcpRoutes.Select(t => (t.Namespace, t.Name))).ToHashSet();
        foreach (var (host, retry) in carriers)
        {
            if (tcpRoutes.Exists(t => t.Host == host) || routes.Exists(r => r.Host == host) || !taken.Add((host.Namespace, host.Name))) continue;
            routes.Add(new HttpRoute { Name = host.Name, Namespace = host.Namespace, Host = host, Rules = [new HttpRouteRule { Backends = [new WeightedBackend { Service = host }], Retry = retry }] });
        }
        var routed = routes.SelectMany(r => r.Rules[0].Backends).Concat(tcpRoutes.SelectMany(t => t.Backends))
            .Where(b => b.Subset is not null).Select(b => (b.Service, b.Subset!)).ToHashSet();
        PolicyTarget Target(PolicyTarget t) => t.Subset is null || routed.Contains((t.Service, t.Subset)) ? t : t with { Subset = null };
        return new MeshConfig
        {
            Name = "imported",
            Services = [.. m.Services.Select(s => s with
            {
                Ports = [.. s.Ports.Select(p => p with { Name = p.EffectiveName, Protocol = p.Protocol switch { Protocol.Http2 => Protocol.Http, Protocol.Tls => Protocol.Tcp, _ => p.Protocol } })],
                Subsets = [.. s.Subsets.Where(x => routed.Contains((s.Reference, x.Name)))],
            })],
            Routes = [.. routes],
            TcpRoutes = [.. tcpRoutes],
            DestinationPolicies = [.. m.DestinationPolicies
                .Select(p => p.ConnectionPool == new ConnectionPool() ? p with { ConnectionPool = null } : p)
                .Where(p => (p.ConnectionPool is not null || p.RateLimit is not null) && (p.Target.Subset is null || routed.Contains((p.Target.Service, p.Target.Subset))))
                .Where(p => services.ContainsKey(p.Target.Service) || !m.ExternalServices.Any(e => e.Name == p.Target.Service.Name && e.Namespace == p.Target.Service.Namespace) || (!m.Services.IsEmpty && m.ExternalServices.Any(e => e.Name == p.Target.Service.Name && e.Namespace == p.Target.Service.Namespace && !e.Ports.IsEmpty)))
                .Select(p => p with { LoadBalancer = null, OutlierDetection = null, RateLimit = p.RateLimit is { } limit ? RateLimit(limit) : null })],
            Mtls = m.Mtls.Any(p => p.Mode == MtlsMode.Strict && p.Scope.Kind == MtlsScopeKind.Mesh) ? [new MtlsPolicy { Scope = MtlsScope.Mesh, Mode = MtlsMode.Strict }] : [],
            AccessPolicies = [.. m.AccessPolicies
                .Where(p => p.Action == AccessAction.Allow && p.Target is not null)
                .Select(p => p with { Target = Target(p.Target!), Rules = [.. p.Rules.Select(r => Access(r, services.GetValueOrDefault(p.Target!.Service))).OfType<AccessRule>()] })
                .Where(p => !p.Rules.IsEmpty)],
            ExternalServices = m.Services.IsEmpty ? [] : [.. m.ExternalServices.Where(e => !e.Ports.IsEmpty).Select(e => e with
            {
                Resolution = Resolution.Dns,
                Addresses = [.. e.Addresses.Where(a => !a.Contains(':', StringComparison.Ordinal)).Select(a => a.EndsWith("/32", StringComparison.Ordinal) ? a[..^3] : a).Distinct()],
                Ports = [.. e.Ports.Select(p => new ServicePort { Port = p.Port, Protocol = p.Protocol is Protocol.Http2 or Protocol.Grpc ? Protocol.Http : p.Protocol })],
            })],
        };
    }

    /// <summary>The backends a TrafficSplit keeps: those of the host's namespace, one per Service (weights added), a port only where exact.</summary>
    private static List<WeightedBackend> Merge(EquatableArray<WeightedBackend> backends, ServiceRef host, int? routePort, Dictionary<ServiceRef, MeshService> services)
    {
        var only = services.TryGetValue(host, out var h) && h.Ports.Count == 1 ? h.Ports[0].Port : (int?)null;
        var merged = new List<WeightedBackend>();
        var portless = new HashSet<(ServiceRef, string?)>();
        foreach (var b in backends.Where(b => b.Service.Namespace == host.Namespace))
        {
            var exact = b.Port is { } p && (p == routePort || p == only);
            var at = merged.FindIndex(x => x.Service == b.Service && x.Subset == b.Subset);
            if (at < 0)
            {
                if (!exact) portless.Add((b.Service, b.Subset));
                merged.Add(b with { Port = exact ? b.Port : null });
                continue;
            }
            if (!exact || merged[at].Port != b.Port) portless.Add((b.Service, b.Subset));
            merged[at] = merged[at] with { Weight = merged[at].Weight + b.Weight, Port = portless.Contains((b.Service, b.Subset)) ? null : merged[at].Port };
        }
        return merged;
    }

    /// <summary>An access rule as OSM writes it for the target <paramref name="service"/>, or null when nothing of it is written.</summary>
    private static AccessRule? Access(AccessRule rule, MeshService? service)
    {
        if (rule.From is not { ServiceAccounts.IsEmpty: false } from) return null;
        var to = rule.To ?? new AccessOperation();
        var methods = to.Methods.Where(AccessPolicyMapping.Methods.Contains).Distinct().ToList();
        if (methods.Count == 0 && !to.Methods.IsEmpty) return null;
        var paths = to.Paths.Contains("*") ? [] : to.Paths.Distinct().ToList();
        var ports = service?.Ports ?? default;
        var selected = ports.IsEmpty ? [] : to.Ports.IsEmpty ? [.. ports] : ports.Where(p => to.Ports.Contains(p.Port)).ToList();
        var http = ports.IsEmpty || selected.Any(p => p.Protocol is Protocol.Http or Protocol.Http2 or Protocol.Grpc);
        var tcp = selected.Any(p => p.Protocol is Protocol.Tcp or Protocol.Tls) || to.Ports.Any(p => !ports.Any(q => q.Port == p));
        var restricted = methods.Count > 0 || paths.Count > 0;
        if (!http && !(tcp && !restricted)) return null;
        var portList = to.Ports.Distinct().ToList();
        // A rule with methods or paths holds on the HTTP ports only (no TCPRoute is written for it).
        if (portList.Count == 0 && restricted && !ports.IsEmpty && ports.Any(p => p.Protocol is Protocol.Tcp or Protocol.Tls))
        {
            portList = [.. ports.Where(p => p.Protocol is Protocol.Http or Protocol.Http2 or Protocol.Grpc).Select(p => p.Port)];
        }
        var operation = new AccessOperation { Methods = [.. methods], Paths = [.. paths], Ports = [.. portList] };
        return new AccessRule
        {
            From = new AccessSource { ServiceAccounts = [.. from.ServiceAccounts.Distinct()] },
            To = operation == new AccessOperation() ? null : operation,
        };
    }

    /// <summary>
    /// The model with only the subsets a route, TCP route, mirror or policy names: OSM has no subsets, only the leaf Services of those routed to (the kit's
    /// <see cref="Mesh.Kubernetes.LeafServicePlan"/>), which the import folds back.
    /// </summary>
    public static MeshConfig RoutedSubsetsOnly(MeshConfig m)
    {
        var routed = m.Routes.SelectMany(r => r.Rules.SelectMany(rule => rule.Backends)).Concat(m.TcpRoutes.SelectMany(t => t.Backends))
            .Where(b => b.Subset is not null).Select(b => (b.Service, b.Subset!)).ToHashSet();
        // Subsets other references name stay (the model must validate); the export reports those it cannot write.
        routed.UnionWith(m.GatewayRoutes.SelectMany(r => r.Rules.SelectMany(rule => rule.Backends)).Where(b => b.Subset is not null).Select(b => (b.Service, b.Subset!)));
        routed.UnionWith(m.GatewayTlsRoutes.SelectMany(r => r.Backends).Concat(m.GatewayTcpRoutes.SelectMany(r => r.Backends)).Where(b => b.Subset is not null).Select(b => (b.Service, b.Subset!)));
        routed.UnionWith(m.Routes.SelectMany(r => r.Rules).Select(rule => rule.Mirror).OfType<Mirror>().Where(x => x.Subset is not null).Select(x => (x.Service, x.Subset!)));
        routed.UnionWith(m.DestinationPolicies.Select(p => p.Target).Concat(m.AccessPolicies.Select(p => p.Target)).OfType<PolicyTarget>().Where(t => t.Subset is not null).Select(t => (t.Service, t.Subset!)));
        return m with { Services = [.. m.Services.Select(s => s with { Subsets = [.. s.Subsets.Where(x => routed.Contains((s.Reference, x.Name)))] })] };
    }

    private static RetryPolicy? Retry(RetryPolicy? retry)
    {
        if (retry is null) return null;
        var on = retry.On.Where(c => c != RetryCondition.RetriableStatusCodes).Distinct().ToList();
        if (on.Count == 0 && !retry.On.IsEmpty) return null;
        return retry with
        {
            On = on.Count == 0 ? [RetryCondition.ServerError] : [.. on],
            StatusCodes = default,
            PerTryTimeout = retry.PerTryTimeout ?? RetryMapping.DefaultPerTryTimeout,
            Backoff = new RetryBackoff { BaseInterval = retry.Backoff?.BaseInterval ?? RetryMapping.DefaultBaseInterval },
        };
    }
}
