using Mesh.Collections;

namespace Mesh.Model;

/// <summary>Computes <see cref="MeshConfig.Normalize"/>: stable order, explicit defaults, no empty policy shells.</summary>
internal static class Normalizer
{
    public static MeshConfig Normalize(MeshConfig config) => config with
    {
        Services = Sort(config.Services.Select(Service), s => (s.Namespace, s.Name)),
        Routes = Sort(config.Routes.Select(Route), r => (r.Namespace, r.Name)),
        TcpRoutes = Sort(config.TcpRoutes.Select(Tcp), r => (r.Namespace, r.Name)),
        DestinationPolicies = Sort(config.DestinationPolicies.Select(Destination), p => (p.Target.Service.ToString(), (p.Target.Subset ?? "") + "|" + (p.Target.Port ?? 0).ToString("D5", System.Globalization.CultureInfo.InvariantCulture))),
        Mtls = Sort(config.Mtls, m => (m.Scope.Namespace ?? "", m.Scope.Workload.ToString() + "|" + (m.Scope.Port ?? 0).ToString("D5", System.Globalization.CultureInfo.InvariantCulture))),
        AccessPolicies = Sort(config.AccessPolicies.Select(Access), p => (p.Namespace, p.Name)),
        RequestAuthentications = Sort(config.RequestAuthentications.Select(RequestAuthentication), p => (p.Namespace, p.Name)),
        ExternalServices = Sort(config.ExternalServices.Select(External), e => (e.Namespace, e.Name)),
        Outbound = Outbound(config.Outbound),
        Telemetry = Sort(config.Telemetry.Select(Telemetry).Where(t => t.AccessLogging is not null || t.Tracing is not null), t => (t.Namespace ?? "", t.Workload.ToString())),
        Gateways = Sort(config.Gateways.Select(Gateway), g => (g.Namespace, g.Name)),
        GatewayRoutes = Sort(config.GatewayRoutes.Select(GatewayRoute), r => (r.Namespace, r.Name)),
        GatewayTlsRoutes = Sort(config.GatewayTlsRoutes.Select(r => r with { Gateways = GatewayRefs(r.Gateways), Hostnames = HostNames(r.Hostnames), Backends = Backends(r.Backends) }), r => (r.Namespace, r.Name)),
        GatewayTcpRoutes = Sort(config.GatewayTcpRoutes.Select(r => r with { Gateways = GatewayRefs(r.Gateways), Backends = Backends(r.Backends) }), r => (r.Namespace, r.Name)),
    };

    /// <summary>Listeners by port and name, host lists distinct and sorted (a list with <c>*</c> is every host, i.e. empty).</summary>
    private static Gateway Gateway(Gateway g) => g with
    {
        Listeners = [.. g.Listeners.Select(l => l with
        {
            Hosts = HostNames(l.Hosts),
            Tls = l.Tls is null ? null : l.Tls with { SubjectAltNames = Set(l.Tls.SubjectAltNames) },
        }).OrderBy(l => l.Port).ThenBy(l => l.Name, StringComparer.Ordinal)],
    };

    /// <summary>Gateways distinct and sorted, host names as for listeners; rule order is semantic and kept.</summary>
    private static GatewayRoute GatewayRoute(GatewayRoute r) => r with
    {
        Gateways = GatewayRefs(r.Gateways),
        Hostnames = HostNames(r.Hostnames),
        Rules = [.. r.Rules.Select(Rule)],
    };

    private static EquatableArray<GatewayRef> GatewayRefs(EquatableArray<GatewayRef> refs) =>
        [.. refs.Distinct().OrderBy(g => g.Namespace, StringComparer.Ordinal).ThenBy(g => g.Name, StringComparer.Ordinal).ThenBy(g => g.Listener ?? "", StringComparer.Ordinal)];

    private static EquatableArray<string> HostNames(EquatableArray<string> hosts) =>
        hosts.Contains("*") ? [] : [.. hosts.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Tags in name order; tracing that sets nothing is no tracing.</summary>
    private static TelemetryPolicy Telemetry(TelemetryPolicy t) => t with
    {
        Tracing = t.Tracing is not { } tracing || (tracing.SamplingPercentage is null && tracing.CustomTags.IsEmpty)
            ? null
            : tracing with { CustomTags = [.. tracing.CustomTags.OrderBy(x => x.Name, StringComparer.Ordinal)] },
    };

    /// <summary>
    /// Hosts distinct and sorted; a policy that says what applies anyway is left out: the mesh-wide one when it is the default
    /// (allow any, every host), a namespace's when it is the same as the mesh-wide one it replaces.
    /// </summary>
    private static EquatableArray<OutboundPolicy> Outbound(EquatableArray<OutboundPolicy> policies)
    {
        var normal = policies.Select(p => p with { Hosts = [.. p.Hosts.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)] }).ToList();
        var meshWide = normal.FirstOrDefault(p => p.Namespace is null) ?? new OutboundPolicy();
        return Sort(normal.Where(p => p.Mode != meshWide.Mode || p.Hosts != meshWide.Hosts || (p.Namespace is null && !IsDefault(p))), p => (p.Namespace ?? "", ""));

        static bool IsDefault(OutboundPolicy p) => p.Mode == OutboundMode.AllowAny && p.Hosts.IsEmpty;
    }

    internal static MeshService Service(MeshService s) => s with
    {
        Selector = s.EffectiveSelector,
        Ports = Ports(s.Ports, target: true),
        Subsets = [.. s.Subsets.Select(x => Beyond(x, s.EffectiveSelector)).OrderBy(x => x.Name, StringComparer.Ordinal)],
    };

    /// <summary>A subset's labels that the selector does not already say: <c>{ app: reviews, version: v1 }</c> under <c>{ app: reviews }</c> is <c>{ version: v1 }</c> (the same workloads).</summary>
    private static Subset Beyond(Subset subset, EquatableMap<string> selector) =>
        subset.Labels.Any(l => selector.TryGetValue(l.Key, out var v) && v == l.Value)
            ? subset with { Labels = subset.Labels.Where(l => !(selector.TryGetValue(l.Key, out var v) && v == l.Value)).ToEquatableMap() }
            : subset;

    private static EquatableArray<ServicePort> Ports(EquatableArray<ServicePort> ports, bool target = false) =>
        [.. ports.Select(p => p with { Name = p.EffectiveName, TargetPort = target ? p.EffectiveTargetPort : p.TargetPort }).OrderBy(p => p.Port).ThenBy(p => p.Name, StringComparer.Ordinal)];

    private static HttpRoute Route(HttpRoute r) => r with { Rules = [.. r.Rules.Select(Rule)] };

    internal static HttpRouteRule Rule(HttpRouteRule rule)
    {
        var matches = rule.Matches.Select(Match).ToList();
        return rule with
        {
            // One unconditional match makes the rule match everything, which is what no matches means.
            Matches = matches.Any(IsEmpty) ? [] : ByText(matches),
            Backends = Backends(rule.Backends),
            Retry = rule.Retry is null ? null : Retry(rule.Retry),
            Fault = rule.Fault is { Delay: null, Abort: null } ? null : rule.Fault,
            Rewrite = rule.Rewrite is { PathPrefix: null, FullPath: null, Authority: null } ? null : rule.Rewrite,
            RequestHeaders = Headers(rule.RequestHeaders),
            ResponseHeaders = Headers(rule.ResponseHeaders),
            Cors = rule.Cors is null ? null : rule.Cors with
            {
                AllowOrigins = Set(rule.Cors.AllowOrigins),
                AllowMethods = Set(rule.Cors.AllowMethods.Select(m => m.ToUpperInvariant())),
                AllowHeaders = Set(rule.Cors.AllowHeaders),
                ExposeHeaders = Set(rule.Cors.ExposeHeaders),
            },
        };
    }

    private static HttpMatch Match(HttpMatch m) => m with
    {
        Headers = ByText(m.Headers),
        QueryParams = ByText(m.QueryParams),
        Method = m.Method?.ToUpperInvariant(),
    };

    private static bool IsEmpty(HttpMatch m) =>
        m.Path is null && m.Headers.IsEmpty && m.QueryParams.IsEmpty && m.Method is null
        && m.SourceLabels.IsEmpty && m.SourceNamespace is null && m.Port is null;

    private static RetryPolicy Retry(RetryPolicy r) => r with
    {
        On = [.. r.On.Distinct().Order()],
        StatusCodes = [.. r.StatusCodes.Distinct().Order()],
    };

    private static HeaderModifier? Headers(HeaderModifier? h) =>
        h is null || (h.Set.IsEmpty && h.Add.IsEmpty && h.Remove.IsEmpty) ? null : h with { Remove = Set(h.Remove) };

    /// <summary>
    /// Sorts backends and puts their weights in canonical form: the ratio in lowest terms, then scaled to sum to
    /// 100 when that is exact. So 9/1, 90/10 and 900/100 all become 90/10, and 1/1/1 (no exact percentage) stays 1/1/1.
    /// </summary>
    internal static EquatableArray<WeightedBackend> Backends(EquatableArray<WeightedBackend> backends)
    {
        var divisor = 0;
        long sum = 0;
        foreach (var b in backends)
        {
            divisor = Gcd(divisor, Math.Max(b.Weight, 0));
            sum += Math.Max(b.Weight, 0);
        }
        IEnumerable<WeightedBackend> scaled = backends;
        if (divisor > 0 && backends.All(b => b.Weight >= 0))
        {
            var primitiveSum = sum / divisor;
            var factor = 100 % primitiveSum == 0 ? 100 / primitiveSum : 1;
            scaled = backends.Select(b => b with { Weight = (int)(b.Weight / divisor * factor) });
        }
        return [.. scaled.OrderBy(b => b.Service.ToString(), StringComparer.Ordinal).ThenBy(b => b.Subset ?? "", StringComparer.Ordinal).ThenBy(b => b.Port ?? 0).ThenBy(b => b.Weight)];
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }

    private static TcpRoute Tcp(TcpRoute r) => r with { Backends = Backends(r.Backends) };

    internal static DestinationPolicy Destination(DestinationPolicy p) => p with
    {
        LoadBalancer = Balancer(p.LoadBalancer),
        ConnectionPool = p.ConnectionPool == new ConnectionPool() ? null : p.ConnectionPool,
        Tls = p.Tls is null ? null : p.Tls with { SubjectAltNames = Set(p.Tls.SubjectAltNames) },
        RateLimit = RateLimit(p.RateLimit),
    };

    /// <summary>
    /// Defaults are left implicit: an interval of one second, a burst equal to the requests and status 429 are no value
    /// given. Route limits keep their order (the first matching path applies).
    /// </summary>
    private static LocalRateLimit? RateLimit(LocalRateLimit? limit) => limit is null ? null : limit with
    {
        Interval = limit.Interval == LocalRateLimit.DefaultInterval ? null : limit.Interval,
        Burst = limit.Burst is { } burst && burst == limit.Requests ? null : limit.Burst,
        Status = limit.Status == LocalRateLimit.DefaultStatus ? null : limit.Status,
        Routes = [.. limit.Routes.Select(r => r is null ? r! : r with
        {
            Interval = r.Interval == LocalRateLimit.DefaultInterval ? null : r.Interval,
            Burst = r.Burst == r.Requests ? null : r.Burst,
        })],
    };

    /// <summary>
    /// The mesh's default algorithm with nothing else is no load balancer; a ring hash of default size is no table named;
    /// empty locality settings are none; distribution and
    /// failover entries are keyed by their caller locality, so their order carries no meaning (failover priority's does).
    /// </summary>
    private static LoadBalancer? Balancer(LoadBalancer? lb)
    {
        if (lb is null) return null;
        var locality = lb.Locality is not { } l || l == new LocalityLoadBalancing() ? null : l with
        {
            Distribute = [.. l.Distribute.OrderBy(d => d?.From, StringComparer.Ordinal)],
            Failover = [.. l.Failover.OrderBy(f => f?.From, StringComparer.Ordinal)],
        };
        if (lb.Algorithm == LoadBalancerAlgorithm.Default && lb.ConsistentHash is null && locality is null && lb.Warmup is null) return null;
        // A ring hash of the default size is what a consistent hash uses when no table is named (Envoy, Istio, Consul).
        var hash = lb.ConsistentHash is { Ring: { Kind: HashRingKind.RingHash, Size: null } } h ? h with { Ring = null } : lb.ConsistentHash;
        return lb with { ConsistentHash = hash, Locality = locality };
    }

    /// <summary>
    /// Rules by issuer (a token is verified by the rule of its issuer, so their order carries no meaning); audiences, parameters
    /// and cookies as sets; header names, which are case-insensitive, in lower case.
    /// </summary>
    internal static RequestAuthentication RequestAuthentication(RequestAuthentication p) => p with
    {
        JwtRules = [.. p.JwtRules.Select(r => r with
        {
            Audiences = Set(r.Audiences),
            FromHeaders = [.. r.FromHeaders.Select(h => h with { Name = h.Name.ToLowerInvariant() }).Distinct().OrderBy(h => h.Name, StringComparer.Ordinal).ThenBy(h => h.Prefix ?? "", StringComparer.Ordinal)],
            FromParams = Set(r.FromParams),
            FromCookies = Set(r.FromCookies),
            OutputClaimToHeaders = [.. r.OutputClaimToHeaders.Select(h => h with { Header = h.Header.ToLowerInvariant() }).Distinct().OrderBy(h => h.Header, StringComparer.Ordinal).ThenBy(h => h.Claim, StringComparer.Ordinal)],
            OutputPayloadToHeader = r.OutputPayloadToHeader?.ToLowerInvariant(),
        }).OrderBy(r => r.Issuer, StringComparer.Ordinal).ThenBy(r => r.ToString(), StringComparer.Ordinal)],
    };

    internal static AccessPolicy Access(AccessPolicy p) => p with { Rules = ByText(p.Rules.Select(AccessRule)) };

    internal static AccessRule AccessRule(AccessRule r)
    {
        var from = r.From is null ? null : AccessSource(r.From);
        var to = r.To is null ? null : AccessOperation(r.To);
        // An empty source or operation constrains nothing: the same as leaving it out.
        return r with
        {
            From = from is { IsAnyone: true } ? null : from,
            To = to is { IsAnything: true } ? null : to,
            When = ByText(r.When.Where(c => c is not null).Select(c => c with { Values = Set(c.Values), NotValues = Set(c.NotValues) }).Distinct()),
        };
    }

    private static AccessSource AccessSource(AccessSource s)
    {
        var not = s.Not is null ? null : AccessSource(s.Not);
        return s with
        {
            ServiceAccounts = [.. s.ServiceAccounts.Distinct().OrderBy(a => a.ToString(), StringComparer.Ordinal)],
            Services = [.. s.Services.Distinct().OrderBy(a => a.ToString(), StringComparer.Ordinal)],
            Namespaces = Set(s.Namespaces),
            IpBlocks = Set(s.IpBlocks),
            Identities = Set(s.Identities),
            RequestPrincipals = Set(s.RequestPrincipals),
            RemoteIpBlocks = Set(s.RemoteIpBlocks),
            Not = not is { IsAnyone: true } ? null : not,
        };
    }

    private static AccessOperation AccessOperation(AccessOperation o)
    {
        var not = o.Not is null ? null : AccessOperation(o.Not);
        return o with
        {
            Ports = [.. o.Ports.Distinct().Order()],
            Methods = Set(o.Methods.Select(m => m.ToUpperInvariant())),
            Paths = Set(o.Paths),
            Hosts = Set(o.Hosts.Select(h => h.ToLowerInvariant())),
            Not = not is { IsAnything: true } ? null : not,
        };
    }

    internal static ExternalService External(ExternalService e)
    {
        // With static resolution an endpoint with neither ports nor labels is just an address.
        static bool Bare(ExternalEndpoint p) => p is not null && p.Ports.IsEmpty && p.Labels.IsEmpty && p.ServiceAccount is null;
        var fold = e.Resolution == Resolution.Static;
        return e with
        {
            Hosts = Set(e.Hosts.Select(h => h.ToLowerInvariant())),
            Ports = Ports(e.Ports),
            Addresses = Set(fold ? e.Addresses.Concat(e.Endpoints.Where(Bare).Select(p => p.Address)) : e.Addresses),
            Endpoints = [.. e.Endpoints.Where(p => p is not null && !(fold && Bare(p))).Distinct().OrderBy(p => p.Address, StringComparer.Ordinal).ThenBy(p => p.ToString(), StringComparer.Ordinal)],
            Subsets = [.. e.Subsets.OrderBy(x => x.Name, StringComparer.Ordinal)],
        };
    }

    private static EquatableArray<string> Set(IEnumerable<string> items) => [.. items.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Orders records whose order carries no meaning by their printed form, which is deterministic and total.</summary>
    private static EquatableArray<T> ByText<T>(IEnumerable<T> items) where T : notnull =>
        [.. items.Distinct().OrderBy(i => i.ToString(), StringComparer.Ordinal)];

    private static EquatableArray<T> Sort<T>(IEnumerable<T> items, Func<T, (string, string)> key) =>
        [.. items.OrderBy(i => key(i).Item1, StringComparer.Ordinal).ThenBy(i => key(i).Item2, StringComparer.Ordinal)];
}
