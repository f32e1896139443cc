using CsCheck;
using Mesh.Collections;
using Mesh.Model;

namespace Mesh.Providers.Istio.Tests.Generators;

/// <summary>
/// A local generator of valid models (tests/Mesh.Testing's shared MeshGenerators had not landed in main when this was
/// written). <see cref="Any"/> covers every model feature; <see cref="WithinCapabilities"/> maps a model to what Istio
/// expresses exactly, explicitly, feature by feature.
/// </summary>
internal static class IstioModels
{
    private static readonly string[] ServiceNames = ["reviews", "ratings", "details", "cart"];
    private static readonly string[] Namespaces = ["bookinfo", "shop"];

    private static Gen<T> Pick<T>(params T[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static Gen<T?> Opt<T>(Gen<T> gen) where T : class => Gen.Bool.SelectMany(b => b ? gen.Select(x => (T?)x) : Gen.Const(default(T)));

    private static Gen<T[]> Sequence<T>(IEnumerable<Gen<T>> gens) =>
        gens.Aggregate(Gen.Const(Array.Empty<T>()), (acc, g) => acc.SelectMany(a => g.Select(x => (T[])[.. a, x])));

    private static Gen<TimeSpan> Duration => Pick(1, 5, 100, 250, 1000, 1500, 2000, 30000, 60000, 90000, 3600000).Select(ms => TimeSpan.FromMilliseconds(ms));

    private static Gen<decimal> Percent => Pick(0.5m, 1m, 10m, 25m, 33.5m, 50m, 99.9m, 100m);

    private static Gen<string> Label => Pick("a", "b", "x-user", "x-debug", "end-user");

    public static Gen<MeshService[]> Services =>
        from count in Gen.Int[1, 3]
        from services in Sequence(Enumerable.Range(0, count).Select(i =>
            from ns in Pick(Namespaces)
            from subsets in Gen.Int[0, 3]
            from port in Pick(80, 8080, 9080)
            from protocol in Gen.Enum<Protocol>()
            select new MeshService
            {
                Name = ServiceNames[i],
                Namespace = ns,
                Ports = [new ServicePort { Port = port, Protocol = protocol }],
                Subsets = [.. Enumerable.Range(1, subsets).Select(v => new Subset { Name = $"v{v}", Labels = new Dictionary<string, string> { ["version"] = $"v{v}" } })],
            }))
        select services;

    private static Gen<PathMatch> Path => Gen.OneOf(
        Pick("/", "/api", "/a/b").Select(PathMatch.Prefix),
        Pick("/login", "/health").Select(PathMatch.Exact),
        Pick("^/r/[0-9]+$", "/v[12]/.*").Select(PathMatch.Regex));

    private static Gen<ValueMatch> Header(string name) => Gen.OneOf(
        Pick("v1", "jason").Select(v => ValueMatch.Exact(name, v)),
        Gen.Const(ValueMatch.Prefix(name, "be")),
        Gen.Const(ValueMatch.Regex(name, "^[a-z]+$")),
        Gen.Const(ValueMatch.Present(name)),
        Gen.Const(ValueMatch.Absent(name)));

    private static Gen<HttpMatch> Match =>
        from path in Opt(Path)
        from headers in Gen.Int[0, 2]
        from h in Sequence(new[] { "x-user", "x-debug" }.Take(headers).Select(Header))
        from queries in Gen.Int[0, 2]
        from q in Sequence(new[] { "v", "debug" }.Take(queries).Select(Header))
        from method in Pick<string?>(null, "GET", "post")
        select new HttpMatch { Path = path, Headers = [.. h], QueryParams = [.. q], Method = method };

    private static Gen<WeightedBackend[]> Backends(MeshService service) =>
        from count in Gen.Int[1, Math.Max(1, service.Subsets.Count)]
        from weights in Gen.Int[0, 100].Array[count]
        from port in Pick<int?>(null, service.Ports[0].Port)
        select Enumerable.Range(0, count).Select(i => new WeightedBackend
        {
            Service = service.Reference,
            Subset = service.Subsets.Count == 0 ? null : service.Subsets[i].Name,
            Port = port,
            Weight = Math.Max(1, weights[i]),
        }).ToArray();

    private static Gen<RetryPolicy> Retry =>
        from attempts in Gen.Int[0, 5]
        from perTry in Opt(Duration.Select(d => (object)d))
        from conds in Gen.Enum<RetryCondition>().Array[0, 3]
        from codes in Pick(503, 504, 429).Array[0, 2]
        from backoff in Opt(Duration.Select(d => (object)d))
        from max in Gen.Bool
        select new RetryPolicy
        {
            Attempts = attempts,
            PerTryTimeout = (TimeSpan?)perTry,
            On = [.. conds],
            StatusCodes = [.. codes],
            Backoff = backoff is TimeSpan b ? new RetryBackoff { BaseInterval = b, MaxInterval = max ? b * 10 : null } : null,
        };

    private static Gen<HttpRouteRule> Rule(MeshService host, MeshService[] all) =>
        from matches in Match.Array[0, 2]
        from backends in Backends(host)
        from redirect in Pick<Redirect?>(new Redirect { Scheme = "https", Host = "example.com", Port = 8443, Path = "/new", StatusCode = 302 }, new Redirect { PathPrefix = "/v2" }, null, null, null, null, null, null)
        from timeout in Opt(Duration.Select(d => (object)d))
        from retry in Opt(Retry)
        from delay in Opt(from d in Duration from p in Percent select new FaultDelay { Duration = d, Percentage = p })
        from abort in Opt(from s in Pick(400, 503) from p in Percent select new FaultAbort { HttpStatus = s, Percentage = p })
        from mirrorOf in Gen.Int[0, all.Length]
        from mirrorPercent in Percent
        from rewrite in Gen.Int[0, 3]
        from authority in Pick<string?>(null, "internal.example")
        from setHeader in Gen.Bool
        from cors in Opt(from o in Pick("*", "https://a.example").Array[1, 2] from c in Pick<bool?>(null, true, false) from age in Opt(Duration.Select(d => (object)d))
                         select new CorsPolicy { AllowOrigins = [.. o], AllowMethods = ["GET", "post"], AllowHeaders = ["x-user"], ExposeHeaders = ["x-trace"], MaxAge = (TimeSpan?)age, AllowCredentials = c })
        select new HttpRouteRule
        {
            Matches = [.. matches],
            Backends = redirect is null ? [.. backends] : [],
            Redirect = redirect,
            Timeout = (TimeSpan?)timeout,
            Retry = retry,
            Fault = delay is null && abort is null ? null : new FaultInjection { Delay = delay, Abort = abort },
            Mirror = mirrorOf == all.Length ? null : new Mirror { Service = all[mirrorOf].Reference, Subset = all[mirrorOf].Subsets.Count > 0 ? all[mirrorOf].Subsets[0].Name : null, Percentage = mirrorPercent },
            Rewrite = rewrite switch
            {
                0 => null,
                1 => new Rewrite { PathPrefix = "/internal", Authority = authority },
                2 => new Rewrite { FullPath = "/status", Authority = authority },
                _ => authority is null ? null : new Rewrite { Authority = authority },
            },
            RequestHeaders = setHeader ? new HeaderModifier { Set = new Dictionary<string, string> { ["x-env"] = "prod" }, Add = new Dictionary<string, string> { ["x-trace"] = "1" }, Remove = ["x-internal"] } : null,
            ResponseHeaders = setHeader ? null : new HeaderModifier { Remove = ["server"] },
            Cors = cors,
        };

    private static Gen<DestinationPolicy> Policy(MeshService service, string? subset) =>
        from lb in Pick<LoadBalancer?>(null, LoadBalancer.RoundRobin, LoadBalancer.LeastRequest, LoadBalancer.Random, LoadBalancer.HashOn(ConsistentHash.Header("x-user")),
            LoadBalancer.HashOn(ConsistentHash.Cookie("session")), LoadBalancer.HashOn(ConsistentHash.SourceIp), LoadBalancer.HashOn(ConsistentHash.QueryParameter("user")))
        from pool in Opt(from c in Pick<int?>(null, 100) from p in Pick<int?>(null, 10) from r in Pick<int?>(null, 50)
                         from rpc in Pick<int?>(null, 1, 20) from mr in Pick<int?>(null, 3) from t in Opt(Duration.Select(d => (object)d))
                         select new ConnectionPool { MaxConnections = c, MaxPendingRequests = p, MaxRequests = r, MaxRequestsPerConnection = rpc, MaxRetries = mr, ConnectTimeout = (TimeSpan?)t })
        from outlier in Opt(from c in Pick<int?>(null, 5) from g in Pick<int?>(null, 3) from i in Opt(Duration.Select(d => (object)d))
                            from b in Opt(Duration.Select(d => (object)d)) from m in Pick<int?>(null, 50, 100)
                            select new OutlierDetection { Consecutive5xx = c, ConsecutiveGatewayErrors = g, Interval = (TimeSpan?)i, BaseEjectionTime = (TimeSpan?)b, MaxEjectionPercent = m })
        select new DestinationPolicy { Target = new PolicyTarget { Service = service.Reference, Subset = subset }, LoadBalancer = lb, ConnectionPool = pool, OutlierDetection = outlier };

    private static Gen<AccessRule> AccessRuleGen =>
        from sas in Pick(new ServiceAccountRef("bookinfo", "reviews"), new ServiceAccountRef("shop", "web")).Array[0, 2]
        from nss in Pick("bookinfo", "shop").Array[0, 1]
        from ips in Pick("10.0.0.0/8", "192.168.1.7").Array[0, 1]
        from unauth in Gen.Bool
        from ports in Pick(8080, 9080).Array[0, 1]
        from methods in Pick("GET", "POST").Array[0, 2]
        from paths in Pick("/api/*", "/health", "*.js").Array[0, 2]
        select new AccessRule
        {
            From = new AccessSource { ServiceAccounts = [.. sas.Distinct()], Namespaces = [.. nss], IpBlocks = [.. ips], Unauthenticated = unauth },
            To = new AccessOperation { Ports = [.. ports], Methods = [.. methods.Distinct()], Paths = [.. paths.Distinct()] },
        };

    /// <summary>Valid models using every model feature.</summary>
    public static Gen<MeshConfig> Any =>
        from services in Services
        from routes in Sequence(services.Select(s => Opt(from rules in Rule(s, services).Array[1, 3] select new HttpRoute { Name = s.Name, Namespace = s.Namespace, Host = s.Reference, Rules = [.. rules] })))
        from tcp in Sequence(services.Select(s => Opt(from b in Backends(s) from port in Pick<int?>(null, s.Ports[0].Port) select new TcpRoute { Name = s.Name + "-tcp", Namespace = s.Namespace, Host = s.Reference, Port = port, Backends = [.. b] })))
        from policies in Sequence(services.Select(s => Opt(Policy(s, null))))
        from subsetPolicies in Sequence(services.Where(s => s.Subsets.Count > 0).Select(s => Opt(Policy(s, s.Subsets[^1].Name))))
        from mesh in Pick<MtlsMode?>(null, MtlsMode.Strict, MtlsMode.Permissive)
        from nsMode in Pick<MtlsMode?>(null, MtlsMode.Strict, MtlsMode.Disabled)
        from workloadMode in Pick<MtlsMode?>(null, MtlsMode.Permissive)
        from portMode in Pick<MtlsMode?>(null, MtlsMode.Disabled, MtlsMode.Strict)
        from access in Sequence(services.Select((s, i) => Opt(
            from action in Gen.Enum<AccessAction>()
            from rules in AccessRuleGen.Array[0, 2]
            from subset in Gen.Bool
            select new AccessPolicy
            {
                Name = $"{s.Name}-access",
                Namespace = s.Namespace,
                Target = i == 2 ? null : new PolicyTarget { Service = s.Reference, Subset = subset && s.Subsets.Count > 0 ? s.Subsets[0].Name : null },
                Action = action,
                Rules = [.. rules],
            })))
        from external in Gen.Int[0, 3].SelectMany(kind => kind switch
        {
            0 => Gen.Const(Array.Empty<ExternalService>()),
            1 => Gen.Const<ExternalService[]>([new() { Name = "httpbin", Namespace = "bookinfo", Hosts = ["httpbin.example.com"], Ports = [new ServicePort { Port = 443, Protocol = Protocol.Tls }], Resolution = Resolution.Dns }]),
            2 => Gen.Const<ExternalService[]>([new() { Name = "db", Namespace = "shop", Hosts = ["db.example.com"], Ports = [new ServicePort { Name = "tcp", Port = 5432, Protocol = Protocol.Tcp }], Resolution = Resolution.Static, Addresses = ["10.1.2.3", "10.1.2.4"] }]),
            _ => Gen.Const<ExternalService[]>([new() { Name = "any", Namespace = "shop", Hosts = ["*.example.org"], Ports = [new ServicePort { Port = 80, Protocol = Protocol.Http }, new ServicePort { Port = 8443, Protocol = Protocol.Http2 }], Resolution = Resolution.None, Addresses = ["192.168.0.0/16"] }]),
        })
        select new MeshConfig
        {
            Name = "imported",
            Services = [.. services],
            Routes = [.. routes.OfType<HttpRoute>()],
            TcpRoutes = [.. tcp.OfType<TcpRoute>()],
            DestinationPolicies = [.. policies.OfType<DestinationPolicy>(), .. subsetPolicies.OfType<DestinationPolicy>()],
            Mtls = [.. Mtls(services[0], mesh, nsMode, workloadMode, portMode)],
            AccessPolicies = [.. access.OfType<AccessPolicy>()],
            ExternalServices = [.. external],
        };

    private static IEnumerable<MtlsPolicy> Mtls(MeshService service, MtlsMode? mesh, MtlsMode? ns, MtlsMode? workload, MtlsMode? port)
    {
        var labels = new Dictionary<string, string> { ["app"] = service.Name };
        if (mesh is { } m) yield return new MtlsPolicy { Scope = MtlsScope.Mesh, Mode = m };
        if (ns is { } n) yield return new MtlsPolicy { Scope = MtlsScope.ForNamespace(service.Namespace), Mode = n };
        if (workload is { } w) yield return new MtlsPolicy { Scope = new MtlsScope { Namespace = service.Namespace, Workload = labels }, Mode = w };
        if (port is { } p) yield return new MtlsPolicy { Scope = new MtlsScope { Namespace = service.Namespace, Workload = labels, Port = 8080 }, Mode = p };
    }

    /// <summary>Valid models mapped to what Istio expresses exactly (the explicit list of what is dropped or changed).</summary>
    public static Gen<MeshConfig> WithinCapabilities => Any.Select(ToIstioCapabilities);

    /// <summary>
    /// Maps a model to Istio's exact capabilities: service ports dropped (Istio reads them from Kubernetes Services);
    /// policies that set nothing, and services with neither subsets nor such a policy, dropped (nothing of them is written); weights made representable out of
    /// 100; prefix redirects, back-off maxima and query-absence conditions dropped (reported as unsupported/approximated).
    /// </summary>
    public static MeshConfig ToIstioCapabilities(MeshConfig m)
    {
        var policies = m.DestinationPolicies.Where(p => p.LoadBalancer is not null || p.OutlierDetection is not null || (p.ConnectionPool is { } c && c != new ConnectionPool())).ToList();
        var withPolicy = policies.Select(p => p.Target.Service).ToHashSet();
        return m with
        {
            DestinationPolicies = [.. policies],
            Services = [.. m.Services.Where(s => !s.Subsets.IsEmpty || withPolicy.Contains(s.Reference)).Select(s => s with { Ports = [] })],
            Routes = [.. m.Routes.Select(r => r with { Rules = [.. r.Rules.Select(Rule)] })],
            TcpRoutes = [.. m.TcpRoutes.Select(r => r with { Backends = Representable(r.Backends) })],
        };
    }

    private static HttpRouteRule Rule(HttpRouteRule rule) => rule with
    {
        Matches = [.. rule.Matches.Select(m => m with { QueryParams = [.. m.QueryParams.Where(q => q.Kind != ValueMatchKind.Absent)] })],
        Backends = Representable(rule.Backends),
        Redirect = rule.Redirect is { PathPrefix: not null } r ? r with { PathPrefix = null } : rule.Redirect,
        Retry = rule.Retry is { Backoff.MaxInterval: not null } retry ? retry with { Backoff = retry.Backoff with { MaxInterval = null } } : rule.Retry,
    };

    /// <summary>Weights whose ratio survives scaling to 100: kept when their sum divides 100, else the first takes what makes the sum the next divisor of 100.</summary>
    internal static EquatableArray<WeightedBackend> Representable(EquatableArray<WeightedBackend> backends)
    {
        if (backends.Count < 2) return backends;
        var sum = backends.Sum(b => b.Weight);
        if (100 % sum == 0) return backends;
        var divisor = new[] { 2, 4, 5, 10, 20, 25, 50, 100 }.First(d => d >= backends.Count);
        return [.. backends.Select((b, i) => b with { Weight = i == 0 ? divisor - (backends.Count - 1) : 1 })];
    }
}
