using Mesh.Collections;
using CsCheck;
using Mesh.Model;
using Mesh.Providers.Consul.Mapping;
using Mesh.Testing;
using Mesh.Translation;
using Mesh.Validation;

namespace Mesh.Providers.Consul.Tests.Generators;

/// <summary>
/// The shared generators seen through Consul: <see cref="Any"/> is every valid model; <see cref="WithinCapabilities"/> uses
/// only the features Consul expresses (natively or approximately), so its export raises no Unsupported diagnostic but for
/// the combinations the capability table cannot say (a TCP host of an HTTP route, a query parameter that must be absent);
/// <see cref="RoundTripModels"/> maps those into the model Consul reads back (<see cref="ToConsul"/>).
/// </summary>
internal static class ConsulModels
{
    private static readonly ProviderCapabilities Capabilities = ConsulCapabilities.Instance;

    /// <summary>Valid models using every model feature.</summary>
    public static Gen<MeshConfig> Any => MeshGenerators.Config;

    /// <summary>
    /// Valid models using only the features Consul declares Native or Approximated, but for the edge (gateways and their routes):
    /// the shared edge generator's rules use the whole route model (regexes, prefixes of headers, precedence across rules) that
    /// Gateway API holds only approximately, so its round trip is <see cref="EdgeModels"/>' (as Gateway API's own generators leave it out).
    /// </summary>
    public static Gen<MeshConfig> WithinCapabilities =>
        MeshGenerators.ConfigSupporting(f => f.Area != "Edge" && Capabilities[f].Support != CapabilitySupport.Unsupported);

    /// <summary>Valid models within Consul's capabilities, mapped by <see cref="ToConsul"/>.</summary>
    public static Gen<MeshConfig> RoundTripModels => WithinCapabilities.Select(m => ToConsul(m));

    /// <summary>
    /// Valid models within Consul's capabilities in one namespace (<see cref="OneNamespace"/>), as Community Edition reads them
    /// back: it has one Consul namespace, so a model across Kubernetes namespaces folds (each collision reported, covered by the
    /// export tests) and its round trip is the single-namespace one.
    /// </summary>
    public static Gen<MeshConfig> CommunityRoundTripModels =>
        WithinCapabilities.Select(OneNamespace).Where(m => !MeshValidator.Validate(m).Any(d => d.IsError)).Select(m => ToConsul(m, enterprise: false));

    /// <summary>
    /// The model with everything in one namespace (the first service's): references follow, and a service or external service
    /// whose name is taken is left out (references to it then reach the one kept).
    /// </summary>
    public static MeshConfig OneNamespace(MeshConfig m)
    {
        var ns = m.Services.IsEmpty ? "default" : m.Services[0].Namespace;
        ServiceRef Fold(ServiceRef r) => new(r.Name, ns);
        WeightedBackend Backend(WeightedBackend b) => b with { Service = Fold(b.Service) };
        AccessSource? From(AccessSource? source) => source is null ? null : source with
        {
            ServiceAccounts = [.. source.ServiceAccounts.Select(a => new ServiceAccountRef(ns, a.Name)).Distinct()],
            Namespaces = [.. source.Namespaces.Select(_ => ns).Distinct()],
        };
        return m with
        {
            Services = [.. m.Services.Select(s => s with { Namespace = ns }).DistinctBy(s => s.Name)],
            Routes = [.. m.Routes.Select(r => r with
            {
                Namespace = ns,
                Host = Fold(r.Host),
                Rules = [.. r.Rules.Select(x => x with { Backends = [.. x.Backends.Select(Backend)], Mirror = x.Mirror is { } mirror ? mirror with { Service = Fold(mirror.Service) } : null })],
            })],
            TcpRoutes = [.. m.TcpRoutes.Select(r => r with { Namespace = ns, Host = Fold(r.Host), Backends = [.. r.Backends.Select(Backend)] })],
            DestinationPolicies = [.. m.DestinationPolicies.Select(p => p with { Target = p.Target with { Service = Fold(p.Target.Service) } })],
            Mtls = [.. m.Mtls.Select(p => p.Scope.Namespace is null ? p : p with { Scope = p.Scope with { Namespace = ns } })],
            AccessPolicies = [.. m.AccessPolicies.Select(p => p with
            {
                Namespace = ns,
                Target = p.Target is { } t ? t with { Service = Fold(t.Service) } : null,
                Rules = [.. p.Rules.Select(r => r with { From = From(r.From) })],
            })],
            ExternalServices = [.. m.ExternalServices.Select(e => e with { Namespace = ns }).DistinctBy(e => e.Name)],
            RequestAuthentications = [.. m.RequestAuthentications.Select(a => a with { Namespace = ns, Target = a.Target is { } t ? t with { Service = Fold(t.Service) } : null }).DistinctBy(a => a.Name)],
        };
    }

    /// <summary>
    /// Maps a model to what the Consul export (Enterprise, every Service written) writes and the import reads back exactly:
    /// <list type="bullet">
    /// <item>the name is the import's, <c>imported</c>;</item>
    /// <item>HTTP routes only on services that are not tcp, rules only to services that are not tcp, without weight-0 backends, weights
    /// as the hundredths of a percent a ServiceSplitter holds; a catch-all split that is the host's last rule and carries nothing else
    /// is the host's own splitter, read back as a rule without matches; retries of zero attempts are none; an empty header or query
    /// prefix is presence; a rewrite is per match (<see cref="Rewritten"/>);</item>
    /// <item>connection pools and outlier detection only where a model service may call the target (they are written on the callers),
    /// without the settings Consul lacks;</item>
    /// <item>access logging as one mesh-wide setting (<see cref="AccessLogging"/>);</item>
    /// <item>mTLS as a mode per service (<see cref="Mtls"/>); access policies as their intentions read back (<see cref="Access"/>);</item>
    /// <item>external services with a host Consul can name and not named like a model service (<see cref="External"/>).</item>
    /// </list>
    /// </summary>
    public static MeshConfig ToConsul(MeshConfig m, bool enterprise = true)
    {
        m = ServiceCallerModels.AsServiceAccounts(m); // callers named as services read back as the service accounts named like them
        m = WithoutTokens(m);
        var services = m.Services.ToDictionary(s => s.Reference);
        // Consul's discovery chain is L7 only: a service declared with ports but no HTTP-family one is tcp.
        bool Tcp(ServiceRef service) => services.TryGetValue(service, out var s) && s.Ports.Count > 0 && !s.Ports.Any(p => L7(p.Protocol));
        var routes = new List<HttpRoute>();
        foreach (var route in m.Routes)
        {
            // Consul rejects a ServiceRouter for a tcp service.
            if (Tcp(route.Host)) continue;
            var rules = new List<HttpRouteRule>();
            for (var k = 0; k < route.Rules.Count; k++)
            {
                var rule = route.Rules[k];
                // A rule routing to a tcp service is not written (the discovery chain needs L7 on every target).
                if (rule.Backends.Any(b => b.Service != route.Host && Tcp(b.Service))) continue;
                // Consul rejects a split of weight 0: such backends are not written.
                var backends = rule.Backends.Where(b => b.Weight > 0).ToList();
                // A rule without a backend of positive weight has no Consul route.
                if (backends.Count == 0) continue;
                // Consul splits by percentages in 0.01 steps: the weights read back are those hundredths.
                var (percentages, _) = SplitWeights.ToPercentages([.. backends.Select(b => b.Weight)]);
                var written = rule with
                {
                    Matches = [.. rule.Matches.Select(Match)],
                    Backends = [.. backends.Select((b, i) => b with { Weight = backends.Count == 1 ? 1 : (int)(percentages[i] * 100) })],
                    // numRetries: 0 does not disable retries in Consul: no retry field is written.
                    Retry = rule.Retry is { Attempts: > 0 } retry ? retry : null,
                };
                // The host's own splitter is used only when no other rule sends to the host as a whole (Consul would split that too).
                var whole = m.Routes.Sum(r => r.Rules.Sum(x => x.Backends.Count(b => b.Service == route.Host && b.Subset is null)));
                var final = k == route.Rules.Count - 1 && route == m.Routes.Last(r => r.Host == route.Host)
                    && whole == rule.Backends.Count(b => b.Service == route.Host && b.Subset is null);
                var catchAll = written.Matches.All(x => x is { Path: null or { Kind: PathMatchKind.Prefix, Value: "/" }, Headers.IsEmpty: true, QueryParams.IsEmpty: true, Method: null });
                if (backends.Count > 1 && final && catchAll && written is { Timeout: null, Retry: null, Rewrite: null, RequestHeaders: null, ResponseHeaders: null })
                {
                    // The host's own splitter without a router route: read back as a final rule matching everything.
                    rules.Add(written with { Matches = [] });
                    continue;
                }
                rules.AddRange(Rewritten(written));
            }
            if (rules.Count > 0) routes.Add(route with { Rules = [.. rules] });
        }
        var access = Access(m, enterprise);
        var callers = new Callers(m with { AccessPolicies = [.. access] });
        return m with
        {
            // The import names the model.
            Name = "imported",
            Routes = [.. routes],
            // Limits and health checks are written on the callers: without one in the model they are not written.
            DestinationPolicies = [.. m.DestinationPolicies
                .Select(p => callers.Of(p.Target.Service).Count > 0 ? p : p with { ConnectionPool = null, OutlierDetection = null })
                // An outlier detection without a setting Consul has writes no passive health check.
                .Select(p => p.OutlierDetection is { Consecutive5xx: null, Interval: null, BaseEjectionTime: null, MaxEjectionPercent: null } ? p with { OutlierDetection = null } : p)
                .Select(p => p.ConnectionPool is { MaxConnections: null, MaxPendingRequests: null, MaxRequests: null, ConnectTimeout: null } ? p with { ConnectionPool = null } : p)
                // Consul's maglev policy has no table size.
                .Select(p => p.LoadBalancer?.ConsistentHash?.Ring is { Kind: HashRingKind.Maglev, Size: not null } ring
                    ? p with { LoadBalancer = p.LoadBalancer with { ConsistentHash = p.LoadBalancer.ConsistentHash with { Ring = ring with { Size = null } } } }
                    : p)
                // Consul counts requests per second: another interval is read back as the same rate per second.
                .Select(p => p.RateLimit is { } limit ? p with { RateLimit = PerSecond(limit) } : p)
                .Where(p => p.LoadBalancer is not null || p.ConnectionPool is not null || p.OutlierDetection is not null || p.RateLimit is not null)],
            Mtls = [.. Mtls(m)],
            Telemetry = [.. AccessLogging(m)],
            AccessPolicies = [.. access],
            RequestAuthentications = [.. RequestAuthentications(m)],
            // An external service named like a model service is the same Consul service (one ServiceDefaults): the pair is not generated.
            ExternalServices = [.. m.ExternalServices.Where(e => !services.ContainsKey(new ServiceRef(e.Name, e.Namespace))).Select(External).OfType<ExternalService>()],
        };
    }

    /// <summary>
    /// The shared generator's access rules without what needs a verified token (request principals, token conditions): whether
    /// Consul can require a token depends on the providers of the protected service, which the dedicated JWT round trip
    /// (<see cref="JwtModels"/>) generates together. A rule whose only callers were request principals is left out.
    /// </summary>
    private static MeshConfig WithoutTokens(MeshConfig m) => m with
    {
        AccessPolicies = [.. m.AccessPolicies.Select(p => p with
        {
            Rules = [.. p.Rules
                .Where(r => r.From is not { RequestPrincipals.IsEmpty: false } source || (source with { RequestPrincipals = default }).HasAlternatives)
                .Select(r => r with
                {
                    From = r.From is { } source ? source with { RequestPrincipals = default } : null,
                    When = [.. r.When.Where(c => !JwtRequirements.IsToken(c))],
                })],
        })],
    };

    /// <summary>
    /// Request authentications as their JWTProviders read back (each names its policy): not of a gateway or a subset; rules with a
    /// key set (Consul discovers none), without claim headers; the token kept only when a header carries it (Consul sets forward
    /// per header location), and Envoy's default locations written explicitly to keep it read back as none.
    /// </summary>
    public static IEnumerable<RequestAuthentication> RequestAuthentications(MeshConfig m) => m.RequestAuthentications
        .Where(a => a.Gateway is null && a.Target?.Subset is null)
        .Select(a => a with
        {
            JwtRules = [.. a.JwtRules.Where(j => j.Jwks is not null || j.JwksUri is not null).Select(j =>
            {
                var locations = !j.FromHeaders.IsEmpty || !j.FromParams.IsEmpty || !j.FromCookies.IsEmpty;
                var forward = j.ForwardOriginalToken && (!locations || !j.FromHeaders.IsEmpty);
                var defaults = forward && j.FromHeaders is [{ Name: var h, Prefix: "Bearer " }] && string.Equals(h, "authorization", StringComparison.OrdinalIgnoreCase) && j.FromParams is ["access_token"] && j.FromCookies.IsEmpty;
                return j with
                {
                    OutputClaimToHeaders = default,
                    JwksTimeout = j.JwksUri is null ? null : j.JwksTimeout,
                    ForwardOriginalToken = forward,
                    FromHeaders = defaults ? default : j.FromHeaders,
                    FromParams = defaults ? default : j.FromParams,
                };
            })],
        })
        .Where(a => !a.JwtRules.IsEmpty);

    /// <summary>
    /// Telemetry as ProxyDefaults <c>accessLogs.enabled</c> reads it back: one mesh-wide policy with the mesh-wide setting, else
    /// on when a namespace's or workloads' policy turns logging on (Consul has one setting for every proxy); no tracing.
    /// </summary>
    private static List<TelemetryPolicy> AccessLogging(MeshConfig m)
    {
        var mesh = m.Telemetry.Where(p => p.Namespace is null).Select(p => p.AccessLogging).LastOrDefault(a => a is not null);
        var written = mesh ?? (m.Telemetry.Any(p => p.Namespace is not null && p.AccessLogging == true) ? true : null);
        return written is { } on ? [new TelemetryPolicy { AccessLogging = on }] : [];
    }

    /// <summary>
    /// A rate limit as Consul's per-second <c>rateLimits</c> read it back: requests per another interval become the same average
    /// rate per second (rounded, at least 1) with the bucket's size (the burst, else the requests) as the burst.
    /// </summary>
    private static LocalRateLimit PerSecond(LocalRateLimit limit)
    {
        static (int Requests, int? Burst) Convert(int requests, TimeSpan? interval, int? burst)
        {
            if (interval is not { } i || i == TimeSpan.FromSeconds(1)) return (requests, burst);
            var perSecond = (int)Math.Max(1m, decimal.Round(requests * TimeSpan.TicksPerSecond / (decimal)i.Ticks, MidpointRounding.AwayFromZero));
            return (perSecond, Math.Max(burst ?? requests, perSecond));
        }
        var (requests, burst) = limit.Requests is { } r ? Convert(r, limit.Interval, limit.Burst) : (0, null);
        return limit with
        {
            Requests = limit.Requests is null ? null : requests,
            Interval = null,
            Burst = burst,
            Routes = [.. limit.Routes.Select(route => Convert(route.Requests, route.Interval, route.Burst) is var (n, b) ? route with { Requests = n, Interval = null, Burst = b } : route)],
        };
    }

    /// <summary>
    /// mTLS as Consul holds it: a mode per service (its ServiceDefaults, read back as the workload scope of the service's selector;
    /// the narrowest policy covering it wins, a port scope being the whole service) and the mesh scope on ProxyDefaults.
    /// </summary>
    private static List<MtlsPolicy> Mtls(MeshConfig m)
    {
        var result = new List<MtlsPolicy>();
        var modes = new Dictionary<ServiceRef, (int Rank, MtlsMode Mode)>();
        foreach (var policy in m.Mtls)
        {
            if (policy.Scope.Kind == MtlsScopeKind.Mesh) result.Add(policy);
            var rank = policy.Scope.Kind switch { MtlsScopeKind.Mesh => 0, MtlsScopeKind.Namespace => 1, MtlsScopeKind.Workload => 2, _ => 3 };
            if (rank == 0) continue;
            var covered = m.Services.Where(s => s.Namespace == policy.Scope.Namespace
                && (rank == 1 || s.EffectiveSelector.All(l => policy.Scope.Workload.TryGetValue(l.Key, out var v) && v == l.Value)));
            foreach (var service in covered)
            {
                if (modes.TryGetValue(service.Reference, out var current) && current.Rank > rank) continue;
                modes[service.Reference] = (rank, policy.Mode);
            }
        }
        foreach (var service in m.Services)
        {
            if (modes.TryGetValue(service.Reference, out var mode))
            {
                var scope = new MtlsScope { Namespace = service.Namespace, Workload = service.EffectiveSelector };
                // Services selecting the same pods share one workload scope (and are covered alike).
                if (!result.Exists(p => p.Scope == scope)) result.Add(new MtlsPolicy { Scope = scope, Mode = mode.Mode });
            }
        }
        return result;
    }

    /// <summary>One intention source's rules: L4 allow or deny, and L7 permissions.</summary>
    private sealed class SourceRules
    {
        public bool L4Allow;
        public bool L4Deny;
        public List<Permission> Allow { get; } = [];
        public List<Permission> Deny { get; } = [];
    }

    /// <summary>
    /// Access policies as their ServiceIntentions read back: per protected service a <c>-deny</c> and an <c>-allow</c> policy, one rule
    /// per intention source (a service account, a namespace as <c>'*'</c> in it, or anyone) and L7 permission (one per path, with the
    /// methods); a wildcard source's rules copied into the more specific sources (Consul applies only the most specific one); an L4
    /// deny of a source hides its permissions; a service without allow policies allows the rest (the export's artefact, dropped on
    /// a deny-only service); a service whose allow policies admit no one denies everyone; ports are dropped; L7 rules of a tcp
    /// service are not written.
    /// </summary>
    private static List<AccessPolicy> Access(MeshConfig m, bool enterprise)
    {
        var result = new List<AccessPolicy>();
        var protectedServices = new List<ServiceRef>();
        var hasAllow = new HashSet<ServiceRef>();
        var sources = new Dictionary<ServiceRef, Dictionary<(string Name, string? Ns), SourceRules>>();
        var services = m.Services.ToDictionary(s => s.Reference);
        foreach (var policy in m.AccessPolicies)
        {
            var targets = policy.Target is { } t ? [t.Service] : m.Services.Where(s => s.Namespace == policy.Namespace).Select(s => s.Reference).ToList();
            foreach (var target in targets)
            {
                if (!sources.TryGetValue(target, out var bySource))
                {
                    sources[target] = bySource = [];
                    protectedServices.Add(target);
                }
                var allow = policy.Action == AccessAction.Allow;
                if (allow) hasAllow.Add(target);
                foreach (var rule in policy.Rules)
                {
                    var operations = Operations(rule.To, rule.When);
                    // L7 permissions need an HTTP-family protocol: a tcp service's L7 rule is not written.
                    if (operations is not null && services.TryGetValue(target, out var service) && service.Ports.Count > 0 && !service.Ports.Any(p => p.Protocol is Protocol.Http or Protocol.Http2 or Protocol.Grpc)) continue;
                    foreach (var key in Keys(rule.From, m, enterprise))
                    {
                        if (!bySource.TryGetValue(key, out var rules)) bySource[key] = rules = new SourceRules();
                        if (operations is null)
                        {
                            if (allow) rules.L4Allow = true;
                            else rules.L4Deny = true;
                        }
                        else (allow ? rules.Allow : rules.Deny).AddRange(operations);
                    }
                }
            }
        }
        foreach (var service in protectedServices)
        {
            var bySource = sources[service];
            var allowRest = !hasAllow.Contains(service);
            if (allowRest) bySource.TryAdd(("*", null), new SourceRules());
            if (allowRest) bySource[("*", null)].L4Allow = true;
            var deny = new List<AccessRule>();
            var allowed = new List<(AccessRule Rule, bool Artefact)>();
            foreach (var (key, own) in bySource)
            {
                var general = bySource.Where(g => g.Key != key && g.Key.Name == "*" && (g.Key.Ns is null || g.Key.Ns == key.Ns)).Select(g => g.Value).Prepend(own).ToList();
                var from = key.Name == "*" ? key.Ns is null ? null : new AccessSource { Namespaces = [key.Ns] } : new AccessSource { ServiceAccounts = [new ServiceAccountRef(key.Ns!, key.Name)] };
                if (general.Any(r => r.L4Deny)) { deny.Add(new AccessRule { From = from }); continue; }
                var denies = general.SelectMany(r => r.Deny).ToList();
                var allows = general.SelectMany(r => r.Allow).ToList();
                if (denies.Count > 0 || allows.Count > 0)
                {
                    deny.AddRange(denies.Select(o => new AccessRule { From = from, To = o.To, When = o.When }));
                    allowed.AddRange(allows.Select(o => (new AccessRule { From = from, To = o.To, When = o.When }, false)));
                    // The closing allow of every path where the model allows the rest.
                    if (general.Any(r => r.L4Allow) || allowRest) allowed.Add((new AccessRule { From = from }, true));
                }
                else if (general.Any(r => r.L4Allow)) allowed.Add((new AccessRule { From = from }, key == ("*", null)));
            }
            // A service whose allow policies admit no one: one '*' deny.
            if (deny.Count == 0 && allowed.Count == 0) deny.Add(new AccessRule());
            var denyOnly = allowed.All(a => a.Artefact);
            var allowRules = allowed.Where(a => !denyOnly || !a.Artefact).Select(a => a.Rule).Distinct().ToList();
            if (deny.Count > 0) result.Add(Policy(service, "deny", AccessAction.Deny, deny.Distinct()));
            if (allowRules.Count > 0) result.Add(Policy(service, "allow", AccessAction.Allow, allowRules));
        }
        return result;
    }

    private static AccessPolicy Policy(ServiceRef service, string suffix, AccessAction action, IEnumerable<AccessRule> rules) => new()
    {
        Name = $"{service.Name}-{suffix}",
        Namespace = service.Namespace,
        Target = new PolicyTarget { Service = service },
        Action = action,
        Rules = [.. rules],
    };

    /// <summary>
    /// Intention sources: a service account is the service of its name in its namespace, no caller is anyone; a namespace is
    /// <c>'*'</c> in it on Enterprise, and on Community Edition each model service of it (by name, read back in the entry's namespace).
    /// </summary>
    private static IEnumerable<(string Name, string? Ns)> Keys(AccessSource? from, MeshConfig m, bool enterprise)
    {
        if (from is null || (from.ServiceAccounts.IsEmpty && from.Namespaces.IsEmpty)) return [("*", null)];
        var namespaces = enterprise
            ? from.Namespaces.Select(n => ("*", (string?)n))
            : from.Namespaces.SelectMany(n => m.Services.Where(s => s.Namespace == n).Select(s => (s.Name, (string?)s.Namespace)));
        // Any authenticated caller is the wildcard source.
        var authenticated = from.Authenticated ? new[] { ("*", (string?)null) } : [];
        return from.ServiceAccounts.Select(a => (a.Name, (string?)a.Namespace)).Concat(namespaces).Concat(authenticated);
    }

    /// <summary>The L7 permissions of an operation (one per path, each with the methods; the path <c>*</c> is none), or null for any request (ports are dropped).</summary>
    /// <summary>An L7 permission as it reads back: the operation of one path and the header conditions.</summary>
    private readonly record struct Permission(AccessOperation? To, EquatableArray<AccessCondition> When);

    private static List<Permission>? Operations(AccessOperation? to, EquatableArray<AccessCondition> when)
    {
        var headers = Headers(when);
        if (to is null || (to.Methods.IsEmpty && to.Paths.IsEmpty)) return headers.IsEmpty ? null : [new Permission(null, headers)];
        if (to.Paths.IsEmpty) return [new Permission(new AccessOperation { Methods = to.Methods }, headers)];
        return [.. to.Paths.Select(p => new Permission(new AccessOperation { Methods = to.Methods, Paths = p == "*" ? [] : [p] }, headers))];
    }

    /// <summary>Header conditions as their criteria read back: one condition for the values (any <c>*</c> among them is presence) and one for the excluded values.</summary>
    private static EquatableArray<AccessCondition> Headers(EquatableArray<AccessCondition> when) =>
    [
        .. when.Where(c => c.Key.Attribute == AccessAttribute.RequestHeader).SelectMany(c => new[]
        {
            c.Values.IsEmpty ? null : new AccessCondition { Key = c.Key, Values = c.Values.Contains("*") ? ["*"] : c.Values },
            c.NotValues.IsEmpty ? null : new AccessCondition { Key = c.Key, NotValues = c.NotValues.Contains("*") ? ["*"] : c.NotValues },
        }).OfType<AccessCondition>(),
    ];

    /// <summary>An external service as its destination reads back, or null when Consul cannot name it.</summary>
    private static ExternalService? External(ExternalService e)
    {
        // A destination names hosts (with static resolution, and its IP addresses), not wildcards; without a host it is not written.
        var hosts = e.Hosts.Where(h => !h.Contains('*', StringComparison.Ordinal)).ToList();
        var addresses = e.Resolution == Resolution.Static ? e.Addresses.ToList() : [];
        if (hosts.Count == 0) return null;
        return e with
        {
            Hosts = [.. hosts],
            Addresses = [.. addresses],
            // Passthrough is not expressible: the terminating gateway resolves by DNS, unless the destination has addresses.
            Resolution = addresses.Count > 0 ? Resolution.Static : Resolution.Dns,
            // A destination has one port, typed by the entry's protocol (TLS is tcp), without a name.
            Ports = [.. e.Ports.Take(1).Select(p => new ServicePort { Port = p.Port, Protocol = p.Protocol == Protocol.Tls ? Protocol.Tcp : p.Protocol })],
        };
    }

    private static bool L7(Protocol protocol) => protocol is Protocol.Http or Protocol.Http2 or Protocol.Grpc;

    /// <summary>
    /// A rule's rewrite as Consul holds it per match (one Consul route each): <c>prefixRewrite</c> needs a pathPrefix or pathExact
    /// match (a match without a path gets <c>pathPrefix: /</c>, read back as no path; on an exact path it reads back as the full
    /// path); a full-path rewrite only on an exact path. Consecutive matches with the same rewrite read back as one rule.
    /// </summary>
    private static IEnumerable<HttpRouteRule> Rewritten(HttpRouteRule rule)
    {
        if (rule.Rewrite is not { } rewrite) return [rule];
        var matches = rule.Matches.IsEmpty ? [new HttpMatch()] : rule.Matches.ToList();
        var groups = new List<(Rewrite? Rewrite, List<HttpMatch> Matches)>();
        foreach (var match in matches)
        {
            var (m, w) = (match, (Rewrite?)null);
            if (rewrite.PathPrefix is { } prefix && match.Path?.Kind != PathMatchKind.Regex)
            {
                if (match.Path?.Kind == PathMatchKind.Exact) w = new Rewrite { FullPath = prefix };
                else
                {
                    w = new Rewrite { PathPrefix = prefix };
                    if (match.Path is null or { Value: "/" }) m = match with { Path = null };
                }
            }
            else if (rewrite.FullPath is { } full && match.Path?.Kind == PathMatchKind.Exact) w = new Rewrite { FullPath = full };
            if (groups.Count > 0 && groups[^1].Rewrite == w) groups[^1].Matches.Add(m);
            else groups.Add((w, [m]));
        }
        return groups.Select(g => rule with { Rewrite = g.Rewrite, Matches = [.. g.Matches] });
    }

    private static HttpMatch Match(HttpMatch match) => match with
    {
        // An empty prefix is written as presence (Consul drops empty strings).
        Headers = [.. match.Headers.Select(Empty)],
        QueryParams = [.. match.QueryParams.Select(Empty)],
    };

    private static ValueMatch Empty(ValueMatch v) =>
        v.Kind == ValueMatchKind.Prefix && string.IsNullOrEmpty(v.Value) ? new ValueMatch(v.Name, ValueMatchKind.Present) : v;
}
