using CsCheck;
using Mesh.Collections;
using Mesh.Model;

namespace Mesh.Xds.Tests.Properties;

/// <summary>
/// Small, bounded CsCheck generators of a model plus its endpoints. Cross-references (backends, mirrors,
/// endpoints) are generated as indexes and resolved modulo what exists, and values stay within the model's rules
/// (<c>MeshValidator</c>, which the encoder runs first), so every generated input is valid and shrinking keeps working.
/// </summary>
internal static class XdsGenerators
{
    private static readonly int[] PortNumbers = [80, 8080, 9090, 50051];
    private static readonly string[] Namespaces = ["n1", "n2"];
    // The regions and zones of the shared generators' locality policies (MeshGenerators.Locality), so failover and distribution apply.
    private static readonly EndpointLocality?[] Localities = [null, new("us-east", "zone1"), new("us-east", "zone2"), new("us-west"), new("us-west", "zone1", "s1"), new("eu-central", "zone1")];

    private sealed record ServiceSpec(int Namespace, int PortMask, Protocol[] Protocols, int Subsets);

    private sealed record BackendSpec(int Service, int Subset, int Port, int Weight);

    private sealed record RuleSpec(HttpMatch[] Matches, BackendSpec[] Backends, TimeSpan? Timeout, RetryPolicy? Retry, FaultInjection? Fault, BackendSpec? Mirror, decimal MirrorPercent, Rewrite? Rewrite, HeaderModifier? Headers, Redirect? Redirect);

    private sealed record PolicySpec(int Service, LoadBalancer? LoadBalancer, ConnectionPool? Pool, OutlierDetection? Outlier, bool Subset, LocalRateLimit? RateLimit = null);

    private sealed record AddressSpec(int Service, int Port, int Octet, int Label, int Locality, int Weight, EndpointHealth Health, int? TargetPort);

    private static Gen<TimeSpan> PositiveDuration => Gen.Int[1, 120_000].Select(ms => TimeSpan.FromMilliseconds(ms));

    private static Gen<decimal> Percentage => Gen.OneOf(0m, 0.5m, 10m, 12.5m, 33.3333m, 100m);

    private static Gen<ValueMatch> ValueMatch =>
        Gen.Select(Gen.OneOf("x-a", "x-b", "user"), Gen.Enum<ValueMatchKind>(), Gen.OneOf("1", "abc", "a.*", ""))
            .Select((name, kind, value) => new ValueMatch(name, kind, kind is ValueMatchKind.Present or ValueMatchKind.Absent ? null : value));

    private static Gen<HttpMatch> Match =>
        Gen.Select(
            Gen.Select(Gen.Enum<PathMatchKind>(), Gen.OneOf("/", "/api", "/v1/items"), Gen.OneOf("^/x/[0-9]+$", "/api", ""))
                .Select((k, path, regex) => new PathMatch(k, k == PathMatchKind.Regex ? regex : path)).Null(0.3),
            ValueMatch.Array[0, 2],
            ValueMatch.Array[0, 1],
            Gen.OneOf("GET", "POST").Null(0.7))
        .Select((path, headers, query, method) => new HttpMatch { Path = path, Headers = headers, QueryParams = query, Method = method });

    private static Gen<BackendSpec> Backend =>
        Gen.Select(Gen.Int[0, 99], Gen.Int[0, 99], Gen.Int[0, 99], Gen.Int[0, 100]).Select((s, u, p, w) => new BackendSpec(s, u, p, w));

    private static Gen<RetryPolicy> Retry =>
        Gen.Select(Gen.Int[0, 5], PositiveDuration.Nullable(), Gen.Enum<RetryCondition>().Array[0, 3], Gen.OneOf(500, 503, 429).Array[0, 2], PositiveDuration.Nullable(0.5))
            .Select((attempts, perTry, on, codes, backoff) => new RetryPolicy
            {
                Attempts = attempts,
                PerTryTimeout = perTry,
                On = on.Distinct().ToArray(),
                // retriable-status-codes needs a status code; codes without it are allowed (a warning: ignored).
                StatusCodes = codes.Length == 0 && on.Contains(RetryCondition.RetriableStatusCodes) ? [503] : codes,
                Backoff = backoff is null ? null : new RetryBackoff { BaseInterval = backoff.Value, MaxInterval = backoff.Value * 2 },
            });

    private static Gen<FaultInjection> Fault =>
        Gen.Select(Gen.Bool, PositiveDuration, Percentage, Gen.Bool, Gen.OneOf(500, 503, 404), Percentage)
            .Select((delay, d, dp, abort, status, ap) => new FaultInjection
            {
                Delay = delay || !abort ? new FaultDelay { Duration = d, Percentage = dp } : null,
                Abort = abort ? new FaultAbort { HttpStatus = status, Percentage = ap } : null,
            });

    private static Gen<Rewrite> Rewrite =>
        Gen.Select(Gen.OneOf("/new", "/v2").Null(0.5), Gen.OneOf("/full/path").Null(0.7), Gen.OneOf("internal.example").Null(0.5))
            .Select((prefix, full, authority) => new Rewrite { PathPrefix = full is null ? prefix : null, FullPath = full, Authority = authority });

    private static Gen<HeaderModifier> Headers =>
        Gen.Select(Gen.OneOf("x-set", "x-env").Array[0, 2], Gen.OneOf("x-add").Array[0, 1], Gen.OneOf("x-rm", "server").Array[0, 2])
            .Select((set, add, remove) => new HeaderModifier
            {
                Set = set.Distinct().ToDictionary(k => k, k => k + "-value"),
                Add = add.Distinct().ToDictionary(k => k, _ => "1"),
                Remove = remove.Distinct().ToArray(),
            });

    private static Gen<Redirect> Redirect =>
        Gen.Select(Gen.OneOf("https").Null(0.5), Gen.OneOf("other.example").Null(0.5), Gen.OneOf(301, 302, 303, 307, 308), Gen.Int[1, 65535].Nullable())
            .Select((scheme, host, code, port) => new Redirect { Scheme = scheme, Host = host, StatusCode = code, Port = port, Path = "/moved" });

    private static Gen<RuleSpec> Rule =>
        Gen.Select(
            Gen.Select(Match.Array[0, 2], Backend.Array[0, 3], PositiveDuration.Nullable(), Retry.Null(0.5), Fault.Null(0.7)),
            Gen.Select(Backend.Null(0.7), Percentage, Rewrite.Null(0.7), Headers.Null(0.6), Redirect.Null(0.9)))
        .Select((a, b) => new RuleSpec(a.Item1, a.Item2, a.Item3, a.Item4, a.Item5, b.Item1, b.Item2, b.Item3, b.Item4, b.Item5));

    private static Gen<ConsistentHash> Hash =>
        Gen.Select(Gen.Enum<HashKey>(), Gen.OneOf("x-user", "session")).Select((k, n) => new ConsistentHash(k, k == HashKey.SourceIp ? null : n));

    private static Gen<PolicySpec> Policy =>
        Gen.Select(
            Gen.Int[0, 99],
            Gen.Select(Gen.Enum<LoadBalancerAlgorithm>(), Hash).Select((a, h) => new LoadBalancer(a, a == LoadBalancerAlgorithm.ConsistentHash ? h : null)).Null(0.3),
            Gen.Select(Gen.Int[1, 1000].Nullable(), Gen.Int[1, 100].Nullable(), Gen.Int[1, 100].Nullable(), PositiveDuration.Nullable()).Select((c, p, r, t) => new ConnectionPool { MaxConnections = c, MaxPendingRequests = p, MaxRequestsPerConnection = r, ConnectTimeout = t }).Null(0.5),
            Gen.Select(Gen.Int[1, 10].Nullable(), Gen.Int[1, 10].Nullable(), PositiveDuration.Nullable(), Gen.Int[0, 100].Nullable()).Select((c, g, i, m) => new OutlierDetection { Consecutive5xx = c, ConsecutiveGatewayErrors = g, Interval = i, MaxEjectionPercent = m }).Null(0.5),
            Gen.Bool,
            Mesh.Testing.MeshGenerators.RateLimit.Null(0.5))
        .Select((s, lb, pool, outlier, subset, limit) => new PolicySpec(s, lb, pool, outlier, subset, limit));

    private static Gen<AddressSpec> Address =>
        Gen.Select(
            Gen.Select(Gen.Int[0, 99], Gen.Int[0, 99], Gen.Int[1, 254], Gen.Int[0, 3]),
            Gen.Select(Gen.Int[0, Localities.Length - 1], Gen.Int[1, 5], Gen.Enum<EndpointHealth>(), Gen.Int[1000, 2000].Nullable(0.8)))
        .Select((a, b) => new AddressSpec(a.Item1, a.Item2, a.Item3, a.Item4, b.Item1, b.Item2, b.Item3, b.Item4));

    private static Gen<AccessRule> AccessRule =>
        Gen.Select(
            Gen.Select(
                Gen.Select(Gen.OneOf("n1", "n2"), Gen.OneOf("default", "reader")).Select((n, a) => new ServiceAccountRef(n, a)).Array[0, 2],
                Gen.OneOf("n1", "n2", "kube-system").Array[0, 1],
                Gen.OneOf("10.0.0.0/8", "192.168.1.1", "fd00::/64").Array[0, 2],
                Gen.Bool)
            .Select((accounts, namespaces, blocks, unauthenticated) => new AccessSource { ServiceAccounts = accounts, Namespaces = namespaces, IpBlocks = blocks, Unauthenticated = unauthenticated }).Null(0.3),
            Gen.Select(Gen.OneOf(80, 8080).Array[0, 2], Gen.OneOf("GET", "POST").Array[0, 2], Gen.OneOf("/api/*", "*.js", "/exact", "*").Array[0, 2])
            .Select((ports, methods, paths) => new AccessOperation { Ports = ports, Methods = methods, Paths = paths }).Null(0.3))
        .Select((from, to) => new AccessRule { From = from, To = to });

    private static Gen<(AccessAction Action, bool Targeted, AccessRule[] Rules)> Access =>
        Gen.Select(Gen.Enum<AccessAction>(), Gen.Bool, AccessRule.Array[0, 2]);

    private static Gen<ServiceSpec> Service =>
        Gen.Select(Gen.Int[0, 1], Gen.Int[1, 15], Gen.Enum<Protocol>().Array[4], Gen.Int[0, 3]).Select((n, m, p, s) => new ServiceSpec(n, m, p, s));

    private sealed record ExternalSpec(ExternalService Service, RuleSpec[] Rules, PolicySpec? Policy, ClientTls? Tls);

    private sealed record OutboundSpec(int Namespace, OutboundMode Mode, int HostMask);

    /// <summary>The outbound policies' host entries: own namespace, another namespace, an external host, one service, a wildcard external host.</summary>
    private static readonly string[] OutboundHosts = ["./*", "n2/*", "*/api.stripe.com", "n1/s0.n1.svc.cluster.local", "*/*.googleapis.com"];

    /// <summary>An external service of the shared generator (any resolution, hosts, ports, endpoints, subsets), maybe routed and with a policy.</summary>
    private static Gen<ExternalSpec> External =>
        Gen.Select(Mesh.Testing.MeshGenerators.ExternalService, Rule.Array[0, 2], Policy.Null(0.5), Mesh.Testing.MeshGenerators.ClientTls.Null(0.5))
            .Select((e, rules, policy, tls) => new ExternalSpec(e, rules, policy, tls));

    private static Gen<OutboundSpec> Outbound =>
        Gen.Select(Gen.Int[0, 2], Gen.Enum<OutboundMode>(), Gen.Int[0, (1 << OutboundHosts.Length) - 1]).Select((n, m, h) => new OutboundSpec(n, m, h));

    /// <summary>A model with 1–4 services, routes, policies and maybe strict mTLS, external services and outbound policies, plus endpoints for it.</summary>
    public static Gen<(MeshConfig Config, EndpointSnapshot Endpoints)> MeshWithEndpoints =>
        Gen.Select(
            Gen.Select(Service.Array[1, 4], Rule.Array[0, 3].Array[4], Policy.Array[0, 3], Gen.Bool, Address.Array[0, 12], Access.Array[0, 3]),
            External.Array[0, 3],
            Outbound.Array[0, 2])
        .Select((core, externals, outbound) =>
        {
            var (config, endpoints) = Resolve(core.Item1, core.Item2, core.Item3, core.Item4, core.Item5, core.Item6);
            return (Egress(config, externals, outbound), endpoints);
        });

    /// <summary>
    /// Adds external services (named <c>e0</c>, <c>e1</c>… so that none is also a service; their hosts may repeat, which the
    /// encoder reports), HTTP routes on those with an HTTP port and a host that has clusters, policies targeting them, and
    /// outbound policies (one per namespace at most).
    /// </summary>
    private static MeshConfig Egress(MeshConfig config, ExternalSpec[] specs, OutboundSpec[] outbound)
    {
        var externals = specs.Select((spec, i) => spec.Service with { Name = $"e{i}" }).ToArray();
        var routes = new List<HttpRoute>(config.Routes);
        var policies = new List<DestinationPolicy>(config.DestinationPolicies);
        for (var i = 0; i < externals.Length; i++)
        {
            var external = externals[i];
            var reference = new ServiceRef(external.Name, external.Namespace);
            var spec = specs[i];
            if (spec.Policy is { } p)
            {
                var subset = p.Subset && external.Subsets.Count > 0 ? external.Subsets[p.Service % external.Subsets.Count].Name : null;
                policies.Add(new DestinationPolicy { Target = new PolicyTarget { Service = reference, Subset = subset }, LoadBalancer = p.LoadBalancer, ConnectionPool = p.Pool, OutlierDetection = p.Outlier, Tls = spec.Tls });
            }
            var resolvable = external.Resolution != Resolution.Dns || !external.Endpoints.IsEmpty || external.Hosts.Any(h => !h.StartsWith('*'));
            if (spec.Rules.Length == 0 || !resolvable || !external.Ports.Any(x => x.Protocol is Protocol.Http or Protocol.Http2 or Protocol.Grpc)) continue;
            routes.Add(new HttpRoute
            {
                Name = $"egress-{i}",
                Namespace = external.Namespace,
                Host = reference,
                Rules = spec.Rules.Select(r => new HttpRouteRule
                {
                    Matches = r.Matches,
                    Backends = r.Redirect is not null ? [] : [.. r.Backends.DefaultIfEmpty(new BackendSpec(0, 0, 0, 1)).Select(b => new WeightedBackend
                    {
                        Service = reference,
                        Subset = external.Subsets.Count == 0 || b.Subset % (external.Subsets.Count + 1) == 0 ? null : external.Subsets[b.Subset % (external.Subsets.Count + 1) - 1].Name,
                        Port = external.Ports[b.Port % external.Ports.Count].Port,
                        Weight = Math.Max(1, b.Weight),
                    })],
                    Timeout = r.Timeout,
                    Retry = r.Retry,
                    RequestHeaders = r.Headers,
                    Redirect = r.Redirect,
                }).ToArray(),
            });
        }
        string?[] namespaces = [null, "n1", "n2"];
        var scopes = outbound
            .DistinctBy(o => o.Namespace)
            .Select(o => new OutboundPolicy
            {
                Namespace = namespaces[o.Namespace],
                Mode = o.Mode,
                Hosts = [.. OutboundHosts.Where((_, h) => (o.HostMask & (1 << h)) != 0)],
            })
            .ToArray();
        return config with { ExternalServices = externals, Routes = [.. routes], DestinationPolicies = [.. policies], Outbound = scopes };
    }

    private static (MeshConfig, EndpointSnapshot) Resolve(ServiceSpec[] specs, RuleSpec[][] rules, PolicySpec[] policies, bool strict, AddressSpec[] addresses, (AccessAction Action, bool Targeted, AccessRule[] Rules)[] access)
    {
        var services = specs.Select((spec, i) => new MeshService
        {
            Name = $"s{i}",
            Namespace = Namespaces[spec.Namespace],
            Ports = Enumerable.Range(0, PortNumbers.Length).Where(p => (spec.PortMask & (1 << p)) != 0)
                .Select(p => new ServicePort { Port = PortNumbers[p], Protocol = spec.Protocols[p] }).ToArray(),
            Subsets = Enumerable.Range(1, spec.Subsets).Select(v => new Subset { Name = $"v{v}", Labels = new Dictionary<string, string> { ["version"] = $"v{v}" } }).ToArray(),
        }).ToArray();

        WeightedBackend ResolveBackend(BackendSpec b)
        {
            var service = services[b.Service % services.Length];
            var subset = service.Subsets.Count == 0 || b.Subset % (service.Subsets.Count + 1) == 0 ? null : service.Subsets[b.Subset % (service.Subsets.Count + 1) - 1].Name;
            return new WeightedBackend { Service = service.Reference, Subset = subset, Port = service.Ports[b.Port % service.Ports.Count].Port, Weight = b.Weight };
        }

        var routes = new List<HttpRoute>();
        for (var i = 0; i < services.Length; i++)
        {
            if (rules[i].Length == 0 || !services[i].Ports.Any(p => p.Protocol is Protocol.Http or Protocol.Http2 or Protocol.Grpc)) continue;
            routes.Add(new HttpRoute
            {
                Name = $"route-{i}",
                Namespace = services[i].Namespace,
                Host = services[i].Reference,
                Rules = rules[i].Select(r =>
                {
                    // A rule redirects, or sends to backends (the host itself when none were generated), not both.
                    WeightedBackend[] backends = r.Redirect is not null ? [] : r.Backends.Length == 0 ? [new WeightedBackend { Service = services[i].Reference }] : r.Backends.Select(ResolveBackend).ToArray();
                    if (backends.Length > 0 && backends.All(b => b.Weight == 0)) backends[0] = backends[0] with { Weight = 1 };
                    var mirror = r.Mirror is null || r.Redirect is not null ? null : ResolveBackend(r.Mirror);
                    return new HttpRouteRule
                    {
                        Matches = r.Matches,
                        Backends = backends,
                        Timeout = r.Timeout,
                        Retry = r.Retry,
                        Fault = r.Fault,
                        Mirror = mirror is null ? null : new Mirror { Service = mirror.Service, Subset = mirror.Subset, Port = mirror.Port, Percentage = r.MirrorPercent },
                        Rewrite = r.Rewrite,
                        RequestHeaders = r.Headers,
                        ResponseHeaders = r.Headers,
                        Redirect = r.Redirect,
                    };
                }).ToArray(),
            });
        }

        var destinationPolicies = new Dictionary<(ServiceRef, string?), DestinationPolicy>();
        foreach (var p in policies)
        {
            var service = services[p.Service % services.Length];
            var subset = p.Subset && service.Subsets.Count > 0 ? service.Subsets[p.Service % service.Subsets.Count].Name : null;
            destinationPolicies[(service.Reference, subset)] = new DestinationPolicy
            {
                Target = new PolicyTarget { Service = service.Reference, Subset = subset },
                LoadBalancer = p.LoadBalancer,
                ConnectionPool = p.Pool,
                OutlierDetection = p.Outlier,
                // A rate limit counts HTTP requests: only on a service with an HTTP port.
                RateLimit = service.Ports.Any(x => x.Protocol is Protocol.Http or Protocol.Http2 or Protocol.Grpc) ? p.RateLimit : null,
            };
        }

        var config = new MeshConfig
        {
            Name = "generated",
            Services = services,
            Routes = routes.ToArray(),
            DestinationPolicies = destinationPolicies.Values.ToArray(),
            Mtls = strict ? [new MtlsPolicy { Scope = MtlsScope.Mesh, Mode = MtlsMode.Strict }] : [],
            AccessPolicies = access.Select((a, i) => new AccessPolicy
            {
                Name = $"policy-{i}",
                Namespace = services[0].Namespace,
                Action = a.Action,
                Target = a.Targeted ? new PolicyTarget { Service = services[0].Reference } : null,
                Rules = a.Rules,
            }).ToArray(),
        };

        var byPort = new Dictionary<(ServiceRef, int), List<EndpointAddress>>();
        var seen = new HashSet<string>();
        foreach (var a in addresses)
        {
            var service = services[a.Service % services.Length];
            var port = service.Ports[a.Port % service.Ports.Count].Port;
            var ip = $"10.{a.Service % services.Length}.{a.Port % service.Ports.Count}.{a.Octet}";
            if (!seen.Add($"{ip}|{port}|{a.TargetPort}")) continue;
            if (!byPort.TryGetValue((service.Reference, port), out var list)) byPort[(service.Reference, port)] = list = [];
            list.Add(new EndpointAddress
            {
                Address = ip,
                Port = a.TargetPort,
                Labels = a.Label == 0 ? default : new EquatableMap<string>(new Dictionary<string, string> { ["version"] = $"v{a.Label}" }),
                Locality = Localities[a.Locality],
                Weight = a.Weight,
                Health = a.Health,
            });
        }
        var endpoints = new EndpointSnapshot
        {
            Services = byPort.Select(p => new ServiceEndpoints { Service = p.Key.Item1, Port = p.Key.Item2, Addresses = p.Value.ToArray() }).ToArray(),
        };
        return (config, endpoints);
    }
}
