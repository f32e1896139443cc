using CsCheck;
using Mesh.Collections;
using Mesh.Model;

namespace Mesh.Testing;

/// <summary>
/// CsCheck generators for the unified model. <see cref="Config"/> produces small, bounded, VALID models: names are
/// DNS-1123 labels and unique, every reference (host, backend, subset, port, policy target) points at a generated
/// service, weights are not all zero, percentages are 0–100 with at most two decimals, durations are whole
/// milliseconds above zero, retry attempts 0–10, regexes RE2-safe, one route per host. Across a few hundred samples
/// every enum value and every optional field, set and unset, appears (checked by GeneratorCoverageTests).
/// </summary>
public static class MeshGenerators
{
    private static readonly string[] ServiceNames = ["reviews", "ratings", "details", "productpage", "cart", "checkout", "web-1", "api"];
    private static readonly string[] Namespaces = ["bookinfo", "default", "shop", "team-a"];
    private static readonly string[] SubsetNames = ["v1", "v2", "v3", "canary", "stable"];
    private static readonly string[] LabelKeys = ["version", "app", "track", "app.kubernetes.io/name", "tier", "on", "2024"];
    private static readonly string[] HeaderNames = ["end-user", "x-debug", "x-env", "x-trace", "x-request-id", "cookie"];
    private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH"];
    private static readonly string[] Paths = ["/", "/api", "/api/v1", "/reviews", "/ratings/*", "/static/"];
    private static readonly string[] Regexes = ["^/r/[0-9]+$", "^/reviews/[0-9]+$", "/api/v[12]/.*", "^/(a|b)/[a-z]{2,8}$"];
    private static readonly int[] StatusCodes = [500, 502, 503, 504, 429, 409];
    private static readonly int[] RedirectCodes = [301, 302, 303, 307, 308];

    /// <summary>Values that look like other YAML types or need quoting, mixed with ordinary ones, so writers must quote right.</summary>
    private static readonly string[] TrickyValues =
        ["v1", "prod", "2", "1.0", "true", "false", "null", "~", "yes", "on", "0x1F", "1e3", "", "a b", "x: y", "#hash", "-dash", "é-ü", "'quoted'", "\"dq\"", "1:30", "[x]", "{y}", "*star", "&amp", "!bang", "%pct", "@at", "`tick`", "line\nbreak"];

    /// <summary>Kubernetes label values that still look like other YAML types (numbers, booleans, null), so writers must quote right.</summary>
    private static readonly string[] LabelValues = ["v1", "prod", "2", "1.0", "true", "false", "null", "yes", "on", "0x1F", "1e3", "", "canary_1", "x.y-z", "Y"];

    /// <summary>
    /// Free text the model takes as it is (header and query-parameter match values, header values to set or add): Unicode
    /// outside the BMP, right-to-left and combining marks, invisible and line-separating characters, C0 and C1 controls,
    /// YAML's indicators and document markers, surrounding blanks, and one giant string.
    /// </summary>
    private static readonly string[] FreeTexts =
    [
        "\U0001F600\U0001F468\u200D\U0001F469\u200D\U0001F467", "שלום עולם", "e\u0301\u0308", "\u200B\u200C\u200D\u2060", "\uFEFFbom",
        "nel\u0085ls\u2028ps\u2029", "\u00A0nbsp\u00A0", "\u0000\u0001\u0007\u001B[31m", "\t\ttabs", "cr\rlf\r\n", "\u007F\u0080\u009F",
        "---", "...", "--- x", "- a", "? b", ": c", "%YAML 1.2", "&anchor *alias", "!tag x", "# comment", "'", "\"", "\\", "{a: [b]}",
        "  both  ", "trailing ", "\n", "null", "~", "0o17", "+.inf", "\ud83d\ude00 split pair",
        string.Concat(Enumerable.Repeat("κόσμε \U0001F600\t\\\"'", 2_500)),
    ];

    /// <summary>Free text the model takes as it is (<see cref="FreeTexts"/>): one of them, or a random string of any characters but lone surrogates.</summary>
    public static Gen<string> FreeText { get; } = Gen.Frequency(
        (3, Gen.OneOf(FreeTexts)),
        (1, Gen.String[Gen.Char.Where(c => !char.IsSurrogate(c)), 0, 30]));

    /// <summary>
    /// <paramref name="models"/> with <see cref="FreeText"/> in every free-text field the model allows (header and
    /// query-parameter match values of exact and prefix matches, values of headers to set or add), in routes and gateway routes.
    /// </summary>
    /// <param name="models">The models (valid).</param>
    /// <returns>The generator; the models stay valid.</returns>
    public static Gen<MeshConfig> WithFreeText(Gen<MeshConfig> models) => Gen.Select(models, FreeText.Array[16], (model, texts) =>
    {
        var next = 0;
        string Text() => texts[next++ % texts.Length];
        ValueMatch Value(ValueMatch m) => m.Kind is ValueMatchKind.Exact or ValueMatchKind.Prefix ? m with { Value = Text() } : m;
        HeaderModifier? Modifier(HeaderModifier? h) => h is null ? null : h with
        {
            Set = h.Set.Select(e => KeyValuePair.Create(e.Key, Text())).ToEquatableMap(),
            Add = h.Add.Select(e => KeyValuePair.Create(e.Key, Text())).ToEquatableMap(),
        };
        HttpRouteRule Rule(HttpRouteRule r) => r with
        {
            Matches = [.. r.Matches.Select(m => m with { Headers = [.. m.Headers.Select(Value)], QueryParams = [.. m.QueryParams.Select(Value)] })],
            RequestHeaders = Modifier(r.RequestHeaders),
            ResponseHeaders = Modifier(r.ResponseHeaders),
        };
        return model with
        {
            Routes = [.. model.Routes.Select(r => r with { Rules = [.. r.Rules.Select(Rule)] })],
            GatewayRoutes = [.. model.GatewayRoutes.Select(r => r with { Rules = [.. r.Rules.Select(Rule)] })],
        };
    });

    /// <summary>A DNS-1123 label.</summary>
    public static Gen<string> DnsName { get; } = Gen.OneOf(
        Gen.OneOf(ServiceNames),
        Gen.Select(Gen.OneOf(ServiceNames), Gen.Int[0, 99], (n, i) => $"{n}-{i}"));

    /// <summary>A namespace name.</summary>
    public static Gen<string> Namespace { get; } = Gen.OneOf(Namespaces);

    /// <summary>A string value that may need quoting in YAML (looks like a number, a boolean, null, or has special characters).</summary>
    public static Gen<string> TrickyString { get; } = Gen.OneOf(TrickyValues);

    /// <summary>A positive whole-millisecond duration, spread over ms, s, m and h magnitudes.</summary>
    public static Gen<TimeSpan> Duration { get; } = Gen.OneOf(
        Gen.Int[1, 5000].Select(ms => TimeSpan.FromMilliseconds(ms)),
        Gen.Int[1, 120].Select(s => TimeSpan.FromSeconds(s)),
        Gen.Int[1, 90].Select(m => TimeSpan.FromMinutes(m)),
        Gen.Int[1, 3].Select(h => TimeSpan.FromHours(h)));

    /// <summary>A percentage from 0 to 100 with at most two decimals.</summary>
    public static Gen<decimal> Percentage { get; } = Gen.OneOf(
        Gen.Int[0, 100].Select(i => (decimal)i),
        Gen.Int[0, 10000].Select(i => i / 100m));

    /// <summary>A Kubernetes label map (0–3 entries), values possibly needing quotes in YAML.</summary>
    public static Gen<EquatableMap<string>> Labels { get; } = Map(Gen.OneOf(LabelKeys), Gen.OneOf(LabelValues), 0, 3);

    /// <summary>A workload selector: half the time empty (the default <c>{ app: &lt;name&gt; }</c>), else 1–2 labels.</summary>
    public static Gen<EquatableMap<string>> Selector { get; } = Gen.OneOf(
        Gen.Const(EquatableMap<string>.Empty),
        Map(Gen.OneOf("app", "app.kubernetes.io/name", "tier"), Gen.OneOf(ServiceNames), 1, 2));

    /// <summary>A target port: none (the port), a number or a container port name.</summary>
    public static Gen<TargetPort?> TargetPort { get; } = Gen.Int[0, 3].Select(Gen.Int[1, 65535], Gen.OneOf("http", "http-web", "grpc-api", "metrics", "tcp-db"),
        (kind, number, name) => kind switch { 0 => Model.TargetPort.Of(number), 1 => Model.TargetPort.Named(name), _ => (TargetPort?)null });

    /// <summary>A service port with a protocol and target port; the name is set or left to its effective default.</summary>
    public static Gen<ServicePort> Port { get; } = Gen.Select(
        Gen.Int[1, 65535], Gen.Enum<Protocol>(), Gen.Bool, TargetPort,
        (port, protocol, named, target) => new ServicePort { Port = port, Protocol = protocol, Name = named ? $"{WireNames.Of(protocol)}-p{port}" : null, TargetPort = target });

    /// <summary>A service with a selector, 1–3 ports (unique numbers and names) and 0–3 subsets (unique names).</summary>
    public static Gen<MeshService> Service { get; } = Gen.Select(
        DnsName, Namespace, Port.Array[1, 3], Gen.OneOf(SubsetNames).ArrayUnique[0, 3], Labels.Array[3], Selector,
        (name, ns, ports, subsets, labels, selector) => new MeshService
        {
            Name = name,
            Namespace = ns,
            Selector = selector,
            Ports = [.. ports.DistinctBy(p => p.Port).DistinctBy(p => p.EffectiveName)],
            Subsets = [.. subsets.Select((s, i) => new Subset { Name = s, Labels = labels[i] })],
        });

    /// <summary>1–4 services with unique name and namespace pairs.</summary>
    public static Gen<MeshService[]> Services { get; } =
        Service.Array[1, 4].Select(s => s.DistinctBy(x => (x.Name, x.Namespace)).ToArray());

    /// <summary>A path match of any kind (regexes are RE2-safe).</summary>
    public static Gen<PathMatch> PathMatch { get; } = Gen.OneOf(
        Gen.OneOf(Paths).Select(Model.PathMatch.Exact),
        Gen.OneOf(Paths).Select(Model.PathMatch.Prefix),
        Gen.OneOf(Regexes).Select(Model.PathMatch.Regex));

    /// <summary>A header or query-parameter match of any kind.</summary>
    public static Gen<ValueMatch> ValueMatch { get; } = Gen.Select(
        Gen.OneOf(HeaderNames), Gen.Enum<ValueMatchKind>(), TrickyString, Gen.OneOf(Regexes),
        (name, kind, value, regex) => kind switch
        {
            ValueMatchKind.Present or ValueMatchKind.Absent => new Model.ValueMatch(name, kind),
            ValueMatchKind.Regex => new Model.ValueMatch(name, kind, regex),
            _ => new Model.ValueMatch(name, kind, value),
        });

    /// <summary>
    /// An HTTP match with an optional path, 0–2 header and query matches, an optional method, and sometimes the caller's
    /// labels or namespace (a port needs the route's host: <see cref="Route"/> adds it).
    /// </summary>
    public static Gen<HttpMatch> HttpMatch { get; } = Gen.Select(
        PathMatch.Null(0.3), ValueMatch.Array[0, 2], ValueMatch.Array[0, 2], Gen.OneOf(Methods).Null(0.5),
        Gen.Select(Gen.Int[0, 5], Labels, Namespace.Null(0.85), (l, labels, ns) => (Labels: l == 0 ? labels : default, Namespace: ns)),
        (path, headers, query, method, source) => new HttpMatch
        {
            Path = path,
            Headers = [.. headers.DistinctBy(h => h.Name)],
            QueryParams = [.. query.DistinctBy(q => q.Name)],
            Method = method,
            SourceLabels = source.Labels,
            SourceNamespace = source.Namespace,
        });

    /// <summary>A retry policy: attempts 0–10, conditions (status codes when retriable-status-codes is one), optional backoff.</summary>
    public static Gen<RetryPolicy> Retry { get; } = Gen.Select(
        Gen.Int[0, 10], Duration.Nullable(0.3), Gen.Enum<RetryCondition>().ArrayUnique[0, 4], Gen.OneOf(StatusCodes).ArrayUnique[1, 3],
        Gen.Select(Duration, Duration.Nullable(0.4), (b, m) => new RetryBackoff { BaseInterval = b, MaxInterval = m is null ? null : b + m.Value }).Null(0.4),
        (attempts, perTry, on, codes, backoff) => new RetryPolicy
        {
            Attempts = attempts,
            PerTryTimeout = perTry,
            On = on,
            StatusCodes = on.Contains(RetryCondition.RetriableStatusCodes) ? codes : default,
            Backoff = backoff,
        });

    /// <summary>A fault with a delay, an abort or both.</summary>
    public static Gen<FaultInjection> Fault { get; } = Gen.Select(
        Gen.Select(Percentage, Duration, (p, d) => new FaultDelay { Percentage = p, Duration = d }),
        Gen.Select(Percentage, Gen.OneOf(StatusCodes), (p, s) => new FaultAbort { Percentage = p, HttpStatus = s }),
        Gen.Int[0, 2],
        (delay, abort, which) => new FaultInjection { Delay = which != 1 ? delay : null, Abort = which != 0 ? abort : null });

    /// <summary>A rewrite of the path prefix or full path, and/or the authority.</summary>
    public static Gen<Rewrite> Rewrite { get; } = Gen.Select(
        Gen.Int[0, 2], Gen.OneOf(Paths), Gen.Bool, DnsName,
        (form, path, authority, host) => new Rewrite
        {
            PathPrefix = form == 1 ? path : null,
            FullPath = form == 2 ? path : null,
            Authority = authority || form == 0 ? host + ".example.com" : null,
        });

    /// <summary>A redirect with any mix of scheme, host, port, path or prefix, and a redirect status code.</summary>
    public static Gen<Redirect> Redirect { get; } = Gen.Select(
        Gen.OneOf("http", "https").Null(0.5), DnsName.Select(h => h + ".example.com").Null(0.4), Gen.Int[1, 65535].Nullable(0.6),
        Gen.Int[0, 2], Gen.OneOf(Paths), Gen.OneOf(RedirectCodes),
        (scheme, host, port, form, path, code) => new Redirect
        {
            Scheme = scheme,
            Host = host,
            Port = port,
            Path = form == 1 ? path : null,
            PathPrefix = form == 2 ? path : null,
            StatusCode = code,
        });

    /// <summary>Header changes: set, add, remove; never all empty.</summary>
    public static Gen<HeaderModifier> HeaderModifier { get; } = Gen.Select(
        Map(Gen.OneOf(HeaderNames), TrickyString, 0, 2), Map(Gen.OneOf(HeaderNames), TrickyString, 0, 2), Gen.OneOf(HeaderNames).ArrayUnique[0, 2], Gen.OneOf(HeaderNames),
        (set, add, remove, fallback) => new HeaderModifier
        {
            Set = set,
            Add = add,
            Remove = set.IsEmpty && add.IsEmpty && remove.Length == 0 ? [fallback] : remove,
        });

    /// <summary>A CORS policy with every field optional.</summary>
    public static Gen<CorsPolicy> Cors { get; } = Gen.Select(
        Gen.OneOf("https://example.com", "https://*.example.org", "*").ArrayUnique[0, 2], Gen.OneOf(Methods).ArrayUnique[0, 3],
        Gen.OneOf(HeaderNames).ArrayUnique[0, 2], Gen.OneOf(HeaderNames).ArrayUnique[0, 2], Duration.Nullable(0.5), Gen.Bool.Nullable(0.4),
        (origins, methods, headers, expose, maxAge, credentials) => new CorsPolicy
        {
            AllowOrigins = origins,
            AllowMethods = methods,
            AllowHeaders = headers,
            ExposeHeaders = expose,
            MaxAge = maxAge,
            AllowCredentials = credentials,
        });

    private static readonly string[] Regions = ["us-east", "us-west", "eu-central", "ap-south"];

    /// <summary>A consistent-hash key, with a generated cookie's ttl and path for cookie keys and a ring or Maglev table.</summary>
    public static Gen<ConsistentHash> ConsistentHashKey { get; } = Gen.Select(
        Gen.Enum<HashKey>(), Gen.OneOf(HeaderNames), Gen.OneOf(Duration, Gen.Const(TimeSpan.Zero)).Nullable(0.5),
        Gen.OneOf("/", "/app").Null(0.6),
        Gen.OneOf(
            Gen.Const(default(HashRing?)),
            Gen.ULong[1, 8_388_608].Nullable(0.3).Select(size => (HashRing?)new HashRing(HashRingKind.RingHash, size)),
            Gen.OneOf(65537UL, 131071UL, 5003UL).Nullable(0.3).Select(size => (HashRing?)new HashRing(HashRingKind.Maglev, size))),
        (key, name, ttl, path, ring) => key switch
        {
            HashKey.SourceIp => ConsistentHash.SourceIp with { Ring = ring },
            HashKey.Cookie => new ConsistentHash(key, name) { CookieTtl = ttl, CookiePath = path, Ring = ring },
            _ => new ConsistentHash(key, name) { Ring = ring },
        });

    /// <summary>Locality-aware balancing: failover between distinct regions (with a failover priority), a distribution summing to 100, or on/off.</summary>
    public static Gen<LocalityLoadBalancing> Locality { get; } = Gen.OneOf(
        Gen.Select(Gen.Int[0, Regions.Length - 1], Gen.Int[1, Regions.Length - 1], Gen.Bool, (from, shift, priority) => new LocalityLoadBalancing
        {
            Failover = [new LocalityFailover { From = Regions[from], To = Regions[(from + shift) % Regions.Length] }],
            FailoverPriority = priority ? ["topology.kubernetes.io/region", "topology.kubernetes.io/zone"] : default,
        }),
        Gen.Select(Gen.OneOf(Regions), Gen.Int[1, 99], (region, share) => new LocalityLoadBalancing
        {
            Distribute = [new LocalityDistribution { From = region + "/zone1/*", To = [new(region + "/zone1/*", share), new(region + "/zone2/*", 100 - share)] }],
        }),
        Gen.Bool.Select(on => new LocalityLoadBalancing { Enabled = on }));

    /// <summary>Slow start of new endpoints.</summary>
    public static Gen<Warmup> Warmup { get; } = Gen.Select(Gen.Int[1, 600], Gen.Int[0, 100].Nullable(0.5), Gen.Int[1, 4].Nullable(0.5),
        (seconds, minimum, aggression) => new Warmup { Duration = TimeSpan.FromSeconds(seconds), MinimumPercent = minimum, Aggression = aggression });

    /// <summary>A load balancer of every algorithm and every consistent-hash key, sometimes with locality settings and warm-up (alone: the mesh's default algorithm).</summary>
    public static Gen<LoadBalancer> LoadBalancer { get; } = Gen.Select(
        Gen.OneOf(
            Gen.OneOf(Model.LoadBalancer.RoundRobin, Model.LoadBalancer.LeastRequest, Model.LoadBalancer.Random, Model.LoadBalancer.MeshDefault),
            ConsistentHashKey.Select(Model.LoadBalancer.HashOn)),
        Locality.Null(0.7), Warmup.Null(0.7),
        (lb, locality, warmup) => lb.Algorithm == LoadBalancerAlgorithm.Default && locality is null && warmup is null
            ? lb with { Warmup = new Warmup { Duration = TimeSpan.FromSeconds(30) } }
            : lb with { Locality = locality, Warmup = warmup });

    /// <summary>Connection pool limits, each optional.</summary>
    public static Gen<ConnectionPool> ConnectionPool { get; } = Gen.Select(
        Gen.Int[1, 10000].Nullable(0.4), Gen.Int[1, 10000].Nullable(0.4), Gen.Int[1, 10000].Nullable(0.4),
        Gen.Int[1, 1000].Nullable(0.4), Gen.Int[0, 10].Nullable(0.4), Duration.Nullable(0.4),
        Gen.Select(Duration.Nullable(0.7), Gen.Int[1, 1000].Nullable(0.7), Gen.Enum<Http2Upgrade>().Nullable(0.7)),
        (connections, pending, requests, perConnection, retries, connect, http) => new ConnectionPool
        {
            MaxConnections = connections,
            MaxPendingRequests = pending,
            MaxRequests = requests,
            MaxRequestsPerConnection = perConnection,
            MaxRetries = retries,
            ConnectTimeout = connect,
            IdleTimeout = http.Item1,
            MaxConcurrentStreams = http.Item2,
            Http2Upgrade = http.Item3,
        });

    /// <summary>Outlier detection settings, each optional.</summary>
    public static Gen<OutlierDetection> OutlierDetection { get; } = Gen.Select(
        Gen.Int[1, 100].Nullable(0.4), Gen.Int[1, 100].Nullable(0.4), Duration.Nullable(0.4), Duration.Nullable(0.4), Gen.Int[0, 100].Nullable(0.4),
        (c5xx, gateway, interval, ejection, max) => new OutlierDetection
        {
            Consecutive5xx = c5xx,
            ConsecutiveGatewayErrors = gateway,
            Interval = interval,
            BaseEjectionTime = ejection,
            MaxEjectionPercent = max,
        });

    /// <summary>External services whose hosts no earlier one claims: a host names one external service, as in every mesh.</summary>
    private static IEnumerable<ExternalService> UniqueHosts(IEnumerable<ExternalService> externals)
    {
        var claimed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var external in externals)
        {
            if (external.Hosts.Any(claimed.Contains)) continue;
            claimed.UnionWith(external.Hosts);
            yield return external;
        }
    }

    /// <summary>Client TLS of every mode, with the fields that mode takes (always valid).</summary>
    public static Gen<ClientTls> ClientTls { get; } = Gen.Select(
        Gen.Enum<ClientTlsMode>(), Gen.OneOf("api.example.com", "db.internal.example").Null(0.5), Gen.OneOf("api.example.com", "spiffe://example.com/ns/shop/sa/api").Array[0, 2],
        Gen.OneOf("/etc/certs/ca.pem").Null(0.6), Gen.OneOf("api-credential", "client-cert").Null(0.5), Gen.Int[0, 9],
        (mode, sni, sans, ca, credential, skip) => mode switch
        {
            ClientTlsMode.Disable => new ClientTls { Mode = mode },
            ClientTlsMode.Mesh => new ClientTls { Mode = mode, Sni = sni, SubjectAltNames = [.. sans.Distinct()] },
            _ when skip == 0 => new ClientTls { Mode = mode, Sni = sni, CredentialName = credential ?? "client-cert", InsecureSkipVerify = true },
            _ => new ClientTls { Mode = mode, Sni = sni, SubjectAltNames = [.. sans.Distinct()], CaCertificates = ca, CredentialName = mode == ClientTlsMode.Mutual ? credential ?? "client-cert" : credential },
        });

    /// <summary>An mTLS scope of every kind: mesh, namespace, workload, port.</summary>
    public static Gen<MtlsScope> MtlsScope { get; } = Gen.Select(
        Gen.Enum<MtlsScopeKind>(), Namespace, Map(Gen.OneOf(LabelKeys), Gen.OneOf(SubsetNames), 1, 2), Gen.Int[1, 65535],
        (kind, ns, labels, port) => kind switch
        {
            MtlsScopeKind.Mesh => Model.MtlsScope.Mesh,
            MtlsScopeKind.Namespace => Model.MtlsScope.ForNamespace(ns),
            MtlsScopeKind.Workload => new Model.MtlsScope { Namespace = ns, Workload = labels },
            _ => new Model.MtlsScope { Namespace = ns, Workload = labels, Port = port },
        });

    /// <summary>An mTLS policy of any scope and mode.</summary>
    public static Gen<MtlsPolicy> Mtls { get; } = Gen.Select(MtlsScope, Gen.Enum<MtlsMode>(), (scope, mode) => new MtlsPolicy { Scope = scope, Mode = mode });

    /// <summary>The extra callers of a source: any authenticated workload, SPIFFE identities, request principals, client IP blocks.</summary>
    private static Gen<(bool Authenticated, EquatableArray<string> Identities, EquatableArray<string> RequestPrincipals, EquatableArray<string> RemoteIpBlocks)> SourceExtras { get; } = Gen.Select(
        Gen.Int[0, 4], Gen.OneOf("spiffe://partner.example/ns/pay/sa/api", "spiffe://partner.example/ns/ops/*", "*/ns/audit/sa/reader").ArrayUnique[0, 2],
        Gen.OneOf("https://issuer.example/alice", "https://issuer.example/*", "*").ArrayUnique[0, 2], Gen.OneOf("203.0.113.0/24", "198.51.100.7").ArrayUnique[0, 2],
        (authenticated, identities, principals, remote) => (authenticated == 0, (EquatableArray<string>)identities, (EquatableArray<string>)principals, (EquatableArray<string>)remote))
        .Select(Gen.Int[0, 2], (extras, keep) => keep == 0 ? extras : (false, default, default, default));

    /// <summary>Excluded callers: service accounts, namespaces or IP blocks.</summary>
    private static Gen<AccessSource?> ExcludedSource { get; } = Gen.Select(
        Gen.Select(Namespace, DnsName, (ns, sa) => new ServiceAccountRef(ns, sa)).ArrayUnique[0, 1], Namespace.ArrayUnique[0, 1], Gen.OneOf("10.1.0.0/16", "192.168.1.7").ArrayUnique[0, 1],
        (accounts, namespaces, blocks) => new AccessSource { ServiceAccounts = accounts, Namespaces = namespaces, IpBlocks = blocks })
        .Where(x => x.HasAlternatives).Null(0.8);

    /// <summary>A condition of an access rule, with values its attribute can have.</summary>
    public static Gen<AccessCondition> AccessCondition { get; } = Gen.OneOf(
        Gen.Select(Gen.OneOf("x-tenant", "x-debug"), Gen.OneOf("a", "b*", "*"), Gen.Bool, (name, value, negated) => Condition(AccessConditionKey.Header(name), value, negated)),
        Gen.Select(Gen.OneOf(AccessAttribute.SourceIp, AccessAttribute.RemoteIp, AccessAttribute.DestinationIp), Gen.OneOf("10.0.0.0/8", "192.0.2.1"), Gen.Bool, (attribute, value, negated) => Condition(AccessConditionKey.Of(attribute), value, negated)),
        Gen.Select(Gen.OneOf("8080", "9080"), Gen.Bool, (port, negated) => Condition(AccessConditionKey.Of(AccessAttribute.DestinationPort), port, negated)),
        Gen.Select(Gen.OneOf("shop", "team-*"), Gen.Bool, (ns, negated) => Condition(AccessConditionKey.Of(AccessAttribute.SourceNamespace), ns, negated)),
        Gen.Select(Gen.OneOf("cluster.local/ns/shop/sa/web", "*/sa/admin"), Gen.Bool, (principal, negated) => Condition(AccessConditionKey.Of(AccessAttribute.SourcePrincipal), principal, negated)),
        Gen.Select(Gen.OneOf("api.example.com", "*.example.com"), (sni) => Condition(AccessConditionKey.Of(AccessAttribute.ConnectionSni), sni, false)),
        Gen.Select(Gen.OneOf("https://issuer.example/alice", "*"), (principal) => Condition(AccessConditionKey.Of(AccessAttribute.RequestPrincipal), principal, false)),
        Gen.Select(Gen.OneOf("iss", "groups"), Gen.OneOf("https://issuer.example", "admins"), (claim, value) => Condition(AccessConditionKey.Claim(claim), value, false)),
        Gen.Const(Condition(AccessConditionKey.Of(AccessAttribute.RequestAudiences), "shop", false)));

    private static AccessCondition Condition(AccessConditionKey key, string value, bool negated) =>
        negated ? new AccessCondition { Key = key, NotValues = [value] } : new AccessCondition { Key = key, Values = [value] };

    /// <summary>An access rule with optional source and operation parts, exclusions and conditions.</summary>
    public static Gen<AccessRule> AccessRule { get; } = Gen.Select(
        Gen.Select(
            Gen.Select(Namespace, DnsName, (ns, sa) => new ServiceAccountRef(ns, sa)).ArrayUnique[0, 2], Namespace.ArrayUnique[0, 2],
            Gen.OneOf("10.0.0.0/8", "192.168.1.0/24", "2001:db8::/32").ArrayUnique[0, 2], Gen.Bool, SourceExtras, ExcludedSource,
            (accounts, namespaces, blocks, unauthenticated, extras, not) => new AccessSource
            {
                ServiceAccounts = accounts, Namespaces = namespaces, IpBlocks = blocks, Unauthenticated = unauthenticated,
                Authenticated = extras.Authenticated && !unauthenticated, Identities = extras.Identities, RequestPrincipals = extras.RequestPrincipals,
                RemoteIpBlocks = extras.RemoteIpBlocks, Not = not,
            }).Null(0.3),
        Gen.Select(
            Gen.Int[1, 65535].ArrayUnique[0, 2], Gen.OneOf(Methods).ArrayUnique[0, 2], Gen.OneOf(Paths).ArrayUnique[0, 2],
            Gen.OneOf("shop.example.com", "*.example.com", "api.*").ArrayUnique[0, 1].Select(Gen.Int[0, 3], (hosts, keep) => keep == 0 ? hosts : []),
            Gen.Select(Gen.OneOf(Methods).ArrayUnique[0, 1], Gen.OneOf("/admin/*", "*.map").ArrayUnique[0, 1], (methods, paths) => new AccessOperation { Methods = methods, Paths = paths })
                .Where(o => !o.IsAnything).Null(0.8),
            (ports, methods, paths, hosts, not) => new AccessOperation { Ports = ports, Methods = methods, Paths = paths, Hosts = hosts, Not = not }).Null(0.3),
        AccessCondition.ArrayUnique[0, 2].Select(Gen.Int[0, 2], (when, keep) => keep == 0 ? when : []),
        (from, to, when) => new AccessRule { From = from, To = to, When = when });

    /// <summary>An external service with hosts, ports, a resolution, (for static resolution) addresses, and endpoints (some enrolled in the mesh).</summary>
    public static Gen<ExternalService> ExternalService { get; } = Gen.Select(
        DnsName, Namespace, Gen.OneOf("httpbin.example.com", "api.stripe.com", "*.googleapis.com", "db.internal").ArrayUnique[1, 2],
        Port.Select(p => p with { TargetPort = null }).Array[0, 2], Gen.Enum<Resolution>(), Gen.OneOf("10.1.2.3", "192.0.2.10", "2001:db8::1").ArrayUnique[1, 2],
        Gen.Int[0, 3], Gen.Int[1, 65535],
        (name, ns, hosts, ports, resolution, addresses, endpoints, endpointPort) =>
        {
            var unique = ports.DistinctBy(p => p.Port).DistinctBy(p => p.EffectiveName).ToArray();
            // Endpoints with labels (and a port of their own) and the subsets that select them: none with resolution none.
            var withEndpoints = resolution != Resolution.None && endpoints > 0;
            return new ExternalService
            {
                Name = name,
                Namespace = ns,
                Hosts = hosts,
                Ports = [.. unique],
                Resolution = resolution,
                Addresses = resolution == Resolution.Static ? addresses : default,
                Endpoints = withEndpoints
                    ? [.. Enumerable.Range(1, endpoints).Select(i => new ExternalEndpoint
                    {
                        Address = resolution == Resolution.Dns && i == 2 ? "vm-2.internal.example" : $"198.51.100.{i}",
                        Ports = unique.Length > 0 && i == 1 ? [new(unique[0].EffectiveName, endpointPort)] : default,
                        Labels = new Dictionary<string, string> { ["version"] = $"v{i}" },
                        // Some endpoints are workloads enrolled in the mesh (a VM running the mesh's proxy).
                        ServiceAccount = endpointPort % 3 == 0 && i != 3 ? "vm-workload" : null,
                    })]
                    : default,
                Subsets = withEndpoints ? [.. Enumerable.Range(1, endpoints).Select(i => new Subset { Name = $"v{i}", Labels = new Dictionary<string, string> { ["version"] = $"v{i}" } })] : default,
            };
        });

    /// <summary>A weighted backend pointing at one of <paramref name="services"/>, with an existing subset and port or none.</summary>
    /// <param name="services">The services that may be referenced (at least one).</param>
    /// <returns>The generator.</returns>
    public static Gen<WeightedBackend> Backend(IReadOnlyList<MeshService> services) =>
        Gen.Select(Gen.OneOf([.. services]), Gen.Int[0, 100], Gen.Bool, Gen.Bool, Gen.Int[0, 99], (service, weight, withSubset, withPort, pick) => new WeightedBackend
        {
            Service = service.Reference,
            Subset = withSubset && service.Subsets.Count > 0 ? service.Subsets[pick % service.Subsets.Count].Name : null,
            Port = withPort && service.Ports.Count > 0 ? service.Ports[pick % service.Ports.Count].Port : null,
            Weight = weight,
        });

    /// <summary>A weighted backend of a freshly generated service.</summary>
    public static Gen<WeightedBackend> AnyBackend { get; } = Services.SelectMany(s => Backend(s));

    /// <summary>1–3 backends whose weights are not all zero.</summary>
    /// <param name="services">The services that may be referenced.</param>
    /// <returns>The generator.</returns>
    public static Gen<EquatableArray<WeightedBackend>> Backends(IReadOnlyList<MeshService> services) =>
        Backend(services).Array[1, 3].Select(backends =>
        {
            var unique = backends.DistinctBy(b => (b.Service, b.Subset, b.Port)).ToArray();
            if (unique.All(b => b.Weight == 0)) unique[0] = unique[0] with { Weight = 100 };
            return (EquatableArray<WeightedBackend>)unique;
        });

    /// <summary>A mirror to one of <paramref name="services"/>.</summary>
    /// <param name="services">The services that may be referenced.</param>
    /// <returns>The generator.</returns>
    public static Gen<Mirror> Mirror(IReadOnlyList<MeshService> services) =>
        Gen.Select(Backend(services), Percentage, (b, p) => new Mirror { Service = b.Service, Subset = b.Subset, Port = b.Port, Percentage = p });

    /// <summary>An HTTP rule whose backends and mirror reference <paramref name="services"/>; every optional part both set and unset.</summary>
    /// <param name="services">The services that may be referenced.</param>
    /// <returns>The generator.</returns>
    public static Gen<HttpRouteRule> HttpRule(IReadOnlyList<MeshService> services) =>
        Gen.Select(
            HttpMatch.Array[0, 2], Backends(services), Duration.Nullable(0.5), Retry.Null(0.5),
            Fault.Null(0.6), Mirror(services).Null(0.6), Gen.Select(Rewrite.Null(0.6), Redirect.Null(0.8), (rw, rd) => (rw, rd)),
            Gen.Select(HeaderModifier.Null(0.6), HeaderModifier.Null(0.6), Cors.Null(0.7), (req, res, cors) => (req, res, cors)),
            (matches, backends, timeout, retry, fault, mirror, rewriting, headers) => new HttpRouteRule
            {
                Matches = [.. matches.Distinct()],
                Backends = rewriting.rd is null ? backends : default,
                Timeout = timeout,
                Retry = retry,
                Fault = fault,
                Mirror = rewriting.rd is null ? mirror : null,
                Rewrite = rewriting.rd is null ? rewriting.rw : null,
                Redirect = rewriting.rd,
                RequestHeaders = headers.req,
                ResponseHeaders = headers.res,
                Cors = headers.cors,
            });

    /// <summary>An HTTP rule over freshly generated services.</summary>
    public static Gen<HttpRouteRule> AnyHttpRule { get; } = Services.SelectMany(s => HttpRule(s));

    /// <summary>An HTTP route for <paramref name="host"/> with 1–3 rules referencing <paramref name="services"/>.</summary>
    /// <param name="host">The service the route is for.</param>
    /// <param name="services">The services that may be referenced.</param>
    /// <returns>The generator.</returns>
    public static Gen<HttpRoute> Route(MeshService host, IReadOnlyList<MeshService> services) =>
        Gen.Select(HttpRule(services).Array[1, 3], Gen.Int[0, 5], (rules, ports) => new HttpRoute
        {
            Name = host.Name,
            Namespace = host.Namespace,
            Host = host.Reference,
            Rules = MatchPorts([.. rules.Select(rule => NamePorts(rule, host, services))], host, ports),
        });

    /// <summary>
    /// A backend or mirror without a port goes to the port the request came in on; a service with several ports that lacks
    /// one of the host's HTTP ports should name it (validation warns), so the generator names its first.
    /// </summary>
    private static HttpRouteRule NamePorts(HttpRouteRule rule, MeshService host, IReadOnlyList<MeshService> services)
    {
        int? Port(ServiceRef target, int? port)
        {
            if (port is not null || target == host.Reference || services.FirstOrDefault(s => s.Reference == target) is not { Ports.Count: > 1 } service) return port;
            return host.Ports.Any(h => h.Protocol is Protocol.Http or Protocol.Http2 or Protocol.Grpc && service.FindPort(h.Port) is null) ? service.Ports[0].Port : null;
        }
        var backends = rule.Backends.Select(b => b with { Port = Port(b.Service, b.Port) }).DistinctBy(b => (b.Service, b.Subset, b.Port)).ToArray();
        // Naming a port can merge two backends; the one kept must not leave every weight zero.
        if (backends.Length > 0 && backends.All(b => b.Weight == 0)) backends[0] = backends[0] with { Weight = 100 };
        return rule with
        {
            Backends = [.. backends],
            Mirror = rule.Mirror is { } mirror ? mirror with { Port = Port(mirror.Service, mirror.Port) } : null,
        };
    }

    /// <summary>
    /// Sometimes restricts matches to a port of the host: 0 = every match of every rule on the first port (a route a
    /// Gateway API parentRef port can hold), 1 = the first match on the last port; otherwise none.
    /// </summary>
    private static EquatableArray<HttpRouteRule> MatchPorts(HttpRouteRule[] rules, MeshService host, int choice)
    {
        if (host.Ports.IsEmpty || choice > 1) return [.. rules];
        if (choice == 0 && rules.All(r => !r.Matches.IsEmpty))
        {
            return [.. rules.Select(r => r with { Matches = [.. r.Matches.Select(m => m with { Port = host.Ports[0].Port }).Distinct()] })];
        }
        if (choice == 1 && rules[0].Matches is { IsEmpty: false } first)
        {
            rules[0] = rules[0] with { Matches = [.. new[] { first[0] with { Port = host.Ports[^1].Port } }.Concat(first.Skip(1)).Distinct()] };
        }
        return [.. rules];
    }

    /// <summary>An HTTP route over freshly generated services.</summary>
    public static Gen<HttpRoute> AnyRoute { get; } = Services.SelectMany(s => Route(s[0], s));

    /// <summary>A TCP route for <paramref name="host"/>, optionally on one of its ports.</summary>
    /// <param name="host">The service the route is for.</param>
    /// <param name="services">The services that may be referenced.</param>
    /// <returns>The generator.</returns>
    public static Gen<TcpRoute> TcpRoute(MeshService host, IReadOnlyList<MeshService> services) =>
        Gen.Select(Backends(services), Gen.Bool, (backends, withPort) => new TcpRoute
        {
            Name = host.Name + "-tcp",
            Namespace = host.Namespace,
            Host = host.Reference,
            Port = withPort ? host.Ports[0].Port : null,
            Backends = backends,
        });

    /// <summary>A policy target on one of <paramref name="services"/>, with an existing subset or none.</summary>
    /// <param name="services">The services that may be referenced.</param>
    /// <returns>The generator.</returns>
    public static Gen<PolicyTarget> Target(IReadOnlyList<MeshService> services) =>
        Gen.Select(Backend(services), Gen.Int[0, 3], (b, port) => new PolicyTarget { Service = b.Service, Subset = b.Subset, Port = port == 0 ? b.Port : null });

    /// <summary>Rate-limit intervals: sub-second, the default second, and whole minutes and hours.</summary>
    public static Gen<TimeSpan> RateLimitInterval { get; } = Gen.OneOf(
        Gen.Const(TimeSpan.FromMilliseconds(100)), Gen.Const(TimeSpan.FromSeconds(1)), Gen.Const(TimeSpan.FromSeconds(2)), Gen.Const(TimeSpan.FromMinutes(1)), Gen.Const(TimeSpan.FromHours(1)));

    /// <summary>A route rate limit: a path, requests, and optionally an interval and a burst above the requests.</summary>
    public static Gen<RouteRateLimit> RouteRateLimit { get; } = Gen.Select(PathMatch, Gen.Int[1, 1000], RateLimitInterval.Nullable(0.5), Gen.Int[0, 500].Nullable(0.5),
        (path, requests, interval, extra) => new RouteRateLimit { Path = path, Requests = requests, Interval = interval, Burst = extra is { } e ? requests + e : null });

    /// <summary>A local rate limit: the workload's requests (or only route limits), interval, burst, status and 0–2 route limits.</summary>
    public static Gen<LocalRateLimit> RateLimit { get; } = Gen.Select(Gen.Int[1, 10_000].Nullable(0.2), RateLimitInterval.Nullable(0.5), Gen.Int[0, 1000].Nullable(0.5),
        Gen.OneOf(Gen.Const(429), Gen.Const(503), Gen.Const(403)).Nullable(0.6), RouteRateLimit.Array[0, 2],
        (requests, interval, extra, status, routes) =>
        {
            var distinct = routes.DistinctBy(r => (r.Path.Kind, r.Path.Value)).ToArray();
            if (requests is null && distinct.Length == 0) requests = 100;
            return new LocalRateLimit
            {
                Requests = requests,
                Interval = requests is null ? null : interval,
                Burst = requests is { } r && extra is { } e ? r + e : null,
                Status = status,
                Routes = [.. distinct],
            };
        });

    /// <summary>A destination policy for one of <paramref name="services"/>; each part set or unset.</summary>
    /// <param name="services">The services that may be referenced.</param>
    /// <returns>The generator.</returns>
    public static Gen<DestinationPolicy> DestinationPolicy(IReadOnlyList<MeshService> services) =>
        Gen.Select(Target(services), LoadBalancer.Null(0.3), ConnectionPool.Null(0.4), OutlierDetection.Null(0.4), ClientTls.Null(0.6), RateLimit.Null(0.6),
            (target, lb, pool, outlier, tls, limit) => new DestinationPolicy
            {
                Target = target,
                LoadBalancer = lb,
                ConnectionPool = pool,
                OutlierDetection = outlier,
                Tls = tls,
                // A rate limit counts HTTP requests at the target's own workloads: only on a target with an HTTP port.
                RateLimit = CanRateLimit(target, services) ? limit : null,
            });

    /// <summary>Whether a rate limit may target <paramref name="target"/>: a service of the mesh whose targeted port (or some port) speaks HTTP.</summary>
    private static bool CanRateLimit(PolicyTarget target, IReadOnlyList<MeshService> services) =>
        services.FirstOrDefault(s => s.Reference == target.Service) is { } service
        && (target.Port is { } port
            ? service.FindPort(port)?.Protocol is Protocol.Http or Protocol.Http2 or Protocol.Grpc
            : service.Ports.IsEmpty || service.Ports.Any(p => p.Protocol is Protocol.Http or Protocol.Http2 or Protocol.Grpc));

    /// <summary>An access policy, targeting one of <paramref name="services"/> or the whole namespace.</summary>
    /// <param name="services">The services that may be referenced.</param>
    /// <returns>The generator.</returns>
    public static Gen<AccessPolicy> AccessPolicy(IReadOnlyList<MeshService> services) =>
        Gen.Select(DnsName, Namespace, Target(services).Select(t => t with { Port = null }).Null(0.3), Gen.Enum<AccessAction>(), AccessRule.Array[0, 2], CallerServices(services),
            (name, ns, target, action, rules, callers) => new AccessPolicy
            {
                Name = name,
                Namespace = target is null ? ns : target.Service.Namespace,
                Target = target,
                Action = action,
                Rules = [.. rules.Select(r => callers.IsEmpty || r.From is null ? r : r with { From = r.From with { Services = callers } }).Distinct()],
            });

    /// <summary>Callers named as services of the model (a rule with a source takes them), or none.</summary>
    private static Gen<EquatableArray<ServiceRef>> CallerServices(IReadOnlyList<MeshService> services) =>
        services.Count == 0
            ? Gen.Const(default(EquatableArray<ServiceRef>))
            : Gen.Select(Gen.Int[0, services.Count - 1], Gen.Int[0, 2], (i, keep) => keep == 0 ? (EquatableArray<ServiceRef>)[services[i].Reference] : default);

    /// <summary>A JWT rule of one of a few issuers: a key set by URI, inline or discovered, audiences, token locations and outputs.</summary>
    public static Gen<JwtRule> JwtRule { get; } = Gen.Select(
        Gen.OneOf("https://accounts.example.com", "https://issuer.example.org", "auth.example.net"),
        Gen.Int[0, 2],
        Gen.OneOf("shop", "api", "mobile").Array[0, 2],
        Gen.Select(Gen.OneOf(new JwtHeader("authorization", "Bearer "), new JwtHeader("x-jwt-assertion")).Array[0, 2], Gen.OneOf("token", "access_token").Array[0, 1], Gen.OneOf("session").Array[0, 1]),
        Gen.Select(Gen.Bool, Gen.OneOf(new JwtClaimHeader("x-user", "sub"), new JwtClaimHeader("x-tenant", "tenant.id")).Array[0, 2], Gen.OneOf("x-jwt-payload").Null(0.7)),
        Gen.Int[1, 30].Select(s => TimeSpan.FromSeconds(s)).Nullable(0.7),
        (issuer, keys, audiences, from, output, timeout) => new JwtRule
        {
            Issuer = issuer,
            Audiences = [.. audiences.Distinct()],
            JwksUri = keys == 1 ? issuer.StartsWith("https://", StringComparison.Ordinal) ? issuer + "/.well-known/jwks.json" : "https://" + issuer + "/keys" : null,
            Jwks = keys == 2 ? """{"keys":[{"kty":"oct","k":"c2VjcmV0","alg":"HS256"}]}""" : null,
            JwksTimeout = keys == 1 ? timeout : null,
            FromHeaders = [.. from.Item1.Distinct()],
            FromParams = [.. from.Item2.Distinct()],
            FromCookies = [.. from.Item3.Distinct()],
            ForwardOriginalToken = output.Item1,
            OutputClaimToHeaders = [.. output.Item2.Distinct()],
            OutputPayloadToHeader = output.Item3,
        });

    /// <summary>
    /// A request authentication for a namespace, one of <paramref name="services"/> (or a subset), or one of
    /// <paramref name="gateways"/> whose workloads no other gateway of its namespace shares (Istio selects a gateway by them).
    /// </summary>
    /// <param name="services">The services that may be targeted.</param>
    /// <param name="gateways">The gateways that may be named.</param>
    /// <returns>The generator.</returns>
    public static Gen<RequestAuthentication> RequestAuthentication(IReadOnlyList<MeshService> services, IReadOnlyList<Gateway> gateways)
    {
        var distinct = gateways.Where(g => !g.Workloads.IsEmpty && gateways.Count(o => o.Namespace == g.Namespace && o.Workloads == g.Workloads) == 1).ToArray();
        var scope = distinct.Length == 0
            ? Target(services).Select(t => t with { Port = null }).Null(0.3).Select(t => (t, (Gateway?)null))
            : Gen.Frequency((3, Target(services).Select(t => t with { Port = null }).Null(0.3).Select(t => (t, (Gateway?)null))), (1, Gen.Int[0, distinct.Length - 1].Select(i => ((PolicyTarget?)null, (Gateway?)distinct[i]))));
        return Gen.Select(Gen.OneOf("jwt", "end-user", "tokens"), Namespace, scope, JwtRule.Array[1, 2],
            (name, ns, at, rules) => new RequestAuthentication
            {
                Name = name,
                Namespace = at.Item2?.Namespace ?? at.Item1?.Service.Namespace ?? ns,
                Target = at.Item1,
                Gateway = at.Item2?.Name,
                JwtRules = [.. rules.DistinctBy(r => r.Issuer)],
            });
    }

    /// <summary>A tracing tag of each source, named from a small set so that duplicates are drawn (and removed).</summary>
    private static Gen<TracingTag> TracingTag { get; } = Gen.Select(Gen.OneOf("team", "user", "zone", "build"), Gen.Enum<TracingTagSource>(), Gen.OneOf("payments", "x-user", "ZONE"), Gen.OneOf("n/a", "unknown").Null(0.5),
        (name, source, value, fallback) => new TracingTag { Name = name, Source = source, Value = source == TracingTagSource.Header ? "x-" + value.ToLowerInvariant().TrimStart('x', '-') : value, Default = source == TracingTagSource.Literal ? null : fallback });

    /// <summary>A telemetry policy: mesh-wide, a namespace's or selected workloads', with access logging and tracing.</summary>
    private static Gen<TelemetryPolicy> Telemetry { get; } = Gen.Select(
        Namespace.Null(0.3), Labels, Gen.Bool.Nullable(0.3), Gen.Select(Gen.Int[0, 1000].Nullable(0.3), TracingTag.Array[0, 3]).Nullable(0.3),
        (ns, labels, log, tracing) => new TelemetryPolicy
        {
            Namespace = ns,
            Workload = ns is null ? default : labels,
            AccessLogging = log,
            Tracing = tracing is not { } t ? null : new TracingSettings { SamplingPercentage = t.Item1 / 10m, CustomTags = [.. t.Item2.DistinctBy(x => x.Name)] },
        });

    /// <summary>An outbound policy before it knows the model: a namespace (null: mesh-wide), a mode and which kinds of host entry to write.</summary>
    private static Gen<(string? Namespace, OutboundMode Mode, int[] Hosts)> OutboundDraft { get; } =
        Gen.Select(Namespace.Null(0.4), Gen.Enum<OutboundMode>(), Gen.Int[0, 3].Array[0, 3], (ns, mode, hosts) => (ns, mode, hosts));

    private static readonly GatewayRoute[] EmptyGatewayRoutes = [];

    private static readonly GatewayTls? NoGatewayTls = null;

    private static readonly GatewayTlsRoute? NoTlsRoute = null;

    private static readonly GatewayTcpRoute? NoTcpRoute = null;

    /// <summary>A host name a gateway listener or route may list.</summary>
    private static Gen<string> GatewayHost { get; } = Gen.OneOf("shop.example.com", "*.example.com", "api.example.org");

    /// <summary>A gateway TLS setting for <paramref name="protocol"/>: none for plaintext; a certificate (credential or files) unless passed through.</summary>
    private static Gen<GatewayTls?> GatewayTls(ListenerProtocol protocol) => protocol switch
    {
        ListenerProtocol.Http or ListenerProtocol.Tcp => Gen.Const(NoGatewayTls),
        _ => Gen.Select(Gen.Enum<GatewayTlsMode>(), Gen.Bool, Gen.OneOf("spiffe://cluster.local/ns/edge/sa/client", "client.example.com").Array[0, 2],
            (mode, files, sans) =>
            {
                if (protocol == ListenerProtocol.Https && mode == GatewayTlsMode.Passthrough) mode = GatewayTlsMode.Terminate;
                return (GatewayTls?)(mode == GatewayTlsMode.Passthrough
                    ? new GatewayTls { Mode = mode }
                    : new GatewayTls
                    {
                        Mode = mode,
                        CredentialName = files ? null : "edge-cert",
                        Files = files ? new CertificateFiles { CertificateChain = "/etc/certs/cert.pem", PrivateKey = "/etc/certs/key.pem", CaCertificates = mode == GatewayTlsMode.Mutual ? "/etc/certs/ca.pem" : null } : null,
                        SubjectAltNames = mode == GatewayTlsMode.Mutual ? [.. sans.Distinct()] : default,
                    });
            }),
    };

    /// <summary>A gateway listener on <paramref name="port"/>: any protocol, 0–2 hosts, TLS to match, sometimes an HTTPS redirect.</summary>
    private static Gen<GatewayListener> GatewayListener(int port) =>
        Gen.Enum<ListenerProtocol>().SelectMany(protocol => Gen.Select(GatewayHost.Array[0, 2], GatewayTls(protocol), Gen.Bool,
            (hosts, tls, redirect) => new GatewayListener
            {
                Name = $"{WireNames.Of(protocol)}-{port}",
                Port = port,
                Protocol = protocol,
                Hosts = [.. hosts.Distinct()],
                Tls = tls,
                HttpsRedirect = redirect && protocol == ListenerProtocol.Http,
            }));

    /// <summary>A gateway in the edge namespace: selected workloads and 1–3 listeners on distinct ports.</summary>
    public static Gen<Gateway> Gateway { get; } = Gen.Select(Gen.OneOf("public", "internal", "egress"), Gen.OneOf("ingressgateway", "egressgateway"),
        Gen.OneOf(80, 443, 8080, 8443, 15443).ArrayUnique[1, 3].SelectMany(ports => ports.Select(GatewayListener).ToArray().Sequence()),
        (name, istio, listeners) => new Gateway { Name = name, Namespace = "edge", Workloads = new Dictionary<string, string> { ["istio"] = istio }.ToEquatableMap(), Listeners = [.. listeners] });

    /// <summary>
    /// Gateway routes bound to <paramref name="gateways"/> (each to a whole gateway with HTTP or HTTPS listeners), with host
    /// names and rules to <paramref name="services"/>: no source matches (the caller is the gateway), a port for backends
    /// on services with several.
    /// </summary>
    private static Gen<GatewayRoute[]> GatewayRoutes(Gateway[] gateways, MeshService[] services)
    {
        var http = gateways.Where(g => g.Listeners.Any(l => l.Protocol is ListenerProtocol.Http or ListenerProtocol.Https)).ToArray();
        if (http.Length == 0 || services.Length == 0) return Gen.Const<GatewayRoute[]>([]);
        return Gen.Select(Gen.Int[0, http.Length - 1], GatewayHost.Array[0, 2], HttpRule(services).Array[1, 2], Gen.OneOf("shop", "api"), Gen.Int[0, 3],
            (g, hosts, rules, name, bind) => new GatewayRoute
            {
                Name = name,
                Namespace = "edge",
                // Sometimes bound to the gateway's first HTTP or HTTPS listener only.
                Gateways = [new GatewayRef { Name = http[g].Name, Namespace = http[g].Namespace, Listener = bind == 0 ? http[g].Listeners.First(l => l.Protocol is ListenerProtocol.Http or ListenerProtocol.Https).Name : null }],
                Hostnames = [.. hosts.Distinct()],
                Rules = [.. rules.Select(rule => rule with
                {
                    Matches = [.. rule.Matches.Select(m => m with { SourceLabels = default, SourceNamespace = null }).Distinct()],
                    Backends = GatewayBackends(rule.Backends, services),
                    Mirror = rule.Mirror is { Port: null } mirror && services.FirstOrDefault(x => x.Reference == mirror.Service) is { Ports.Count: > 1 } m2 ? mirror with { Port = m2.Ports[0].Port } : rule.Mirror,
                })],
            }).Array[0, 2].Select(routes => routes.DistinctBy(r => r.Name).ToArray());
    }

    /// <summary>
    /// Gateway TLS and TCP routes: for each of <paramref name="gateways"/> with TLS (TCP) listeners, sometimes one route bound
    /// to the whole gateway or to its first such listener (one route a gateway, so no two claim a listener's connections),
    /// TLS routes with server names a bound listener serves, backends to <paramref name="services"/>.
    /// </summary>
    private static Gen<(GatewayTlsRoute[] Tls, GatewayTcpRoute[] Tcp)> StreamRoutes(Gateway[] gateways, MeshService[] services)
    {
        if (services.Length == 0 || gateways.Length == 0) return Gen.Const<(GatewayTlsRoute[], GatewayTcpRoute[])>(([], []));
        Gen<GatewayTlsRoute?> Tls(Gateway g)
        {
            var listeners = g.Listeners.Where(l => l.Protocol == ListenerProtocol.Tls).ToArray();
            if (listeners.Length == 0) return Gen.Const(NoTlsRoute);
            var served = listeners[0].Hosts.IsEmpty ? new[] { "shop.example.com", "db.example.com", "*.example.org" } : [.. listeners[0].Hosts];
            return Gen.Select(Gen.Bool, Gen.Int[0, served.Length - 1].Array[1, 2], Backends(services), (bind, hosts, backends) => new GatewayTlsRoute
            {
                Name = g.Name + "-tls",
                Namespace = g.Namespace,
                Gateways = [new GatewayRef { Name = g.Name, Namespace = g.Namespace, Listener = bind ? listeners[0].Name : null }],
                Hostnames = [.. hosts.Select(h => served[h]).Distinct()],
                Backends = GatewayBackends(backends, services),
            }).Null(0.4);
        }
        Gen<GatewayTcpRoute?> Tcp(Gateway g)
        {
            var listeners = g.Listeners.Where(l => l.Protocol == ListenerProtocol.Tcp).ToArray();
            if (listeners.Length == 0) return Gen.Const(NoTcpRoute);
            return Gen.Select(Gen.Bool, Backends(services), (bind, backends) => new GatewayTcpRoute
            {
                Name = g.Name + "-tcp",
                Namespace = g.Namespace,
                Gateways = [new GatewayRef { Name = g.Name, Namespace = g.Namespace, Listener = bind ? listeners[0].Name : null }],
                Backends = GatewayBackends(backends, services),
            }).Null(0.4);
        }
        return Gen.Select(gateways.Select(Tls).ToArray().Sequence(), gateways.Select(Tcp).ToArray().Sequence(),
            (tls, tcp) => (tls.OfType<GatewayTlsRoute>().ToArray(), tcp.OfType<GatewayTcpRoute>().ToArray()));
    }

    /// <summary>Backends with a port where the service has several; merging two must not leave every weight zero.</summary>
    private static EquatableArray<WeightedBackend> GatewayBackends(EquatableArray<WeightedBackend> backends, MeshService[] services)
    {
        var named = backends.Select(b => b.Port is null && services.FirstOrDefault(x => x.Reference == b.Service) is { Ports.Count: > 1 } multi ? b with { Port = multi.Ports[0].Port } : b)
            .DistinctBy(b => (b.Service, b.Subset, b.Port)).ToArray();
        if (named.Length > 0 && named.All(b => b.Weight == 0)) named[0] = named[0] with { Weight = 100 };
        return [.. named];
    }

    /// <summary>A small valid model covering every feature across samples.</summary>
    public static Gen<MeshConfig> Config { get; } = Services.SelectMany(services => Gen.Select(
        DnsName,
        Gen.Bool.Array[services.Length].SelectMany(routed => Gen.Select(
            services.Select((s, i) => routed[i] ? Route(s, services).Select(r => (HttpRoute?)r) : Gen.Const<HttpRoute?>(default(HttpRoute))).ToArray().Sequence(),
            services.Select((s, i) => !routed[i] ? TcpRoute(s, services).Null(0.5) : Gen.Const<TcpRoute?>(default(TcpRoute))).ToArray().Sequence(),
            (routes, tcp) => (routes, tcp))),
        DestinationPolicy(services).Array[0, 3],
        Mtls.Array[0, 3],
        AccessPolicy(services).Array[0, 2],
        ExternalService.Array[0, 2],
        Gen.Select(Gen.Int[0, 3], OutboundDraft.Array[0, 2], Telemetry.Array[0, 2], Gateway.Array[0, 2].Select(g => g.DistinctBy(x => x.Name).ToArray()).SelectMany(g => GatewayRoutes(g, services).SelectMany(r => RequestAuthentication(services, g).Array[0, 2].SelectMany(a => StreamRoutes(g, services).Select(l4 => (g, r, a, l4)))))),
        (name, routing, destinations, mtls, access, external, egress) =>
        {
            var (egressRoutes, outbound, telemetry, edge) = egress;
            // An external service's name.namespace is not also a service's (a reference names one of them).
            var externals = UniqueHosts(external.DistinctBy(e => (e.Name, e.Namespace)).Where(e => !services.Any(x => x.Name == e.Name && x.Namespace == e.Namespace))).ToArray();
            var routes = routing.routes.OfType<HttpRoute>().ToList();
            if (egressRoutes > 0) routes.AddRange(ExternalRoutes(externals, services, routes));
            return new MeshConfig
            {
                Name = name,
                Services = services,
                Routes = [.. routes],
                TcpRoutes = [.. routing.tcp.OfType<TcpRoute>()],
                DestinationPolicies = [.. destinations.DistinctBy(d => d.Target)],
                Mtls = [.. mtls.DistinctBy(m => m.Scope)],
                AccessPolicies = [.. access.DistinctBy(a => (a.Name, a.Namespace))],
                ExternalServices = [.. externals],
                Outbound = [.. Outbound(outbound, services, externals)],
                Telemetry = [.. telemetry.DistinctBy(t => (t.Namespace, t.Workload))],
                Gateways = [.. edge.g],
                GatewayRoutes = [.. edge.r],
                GatewayTlsRoutes = [.. edge.l4.Tls],
                GatewayTcpRoutes = [.. edge.l4.Tcp],
                RequestAuthentications = [.. edge.a.DistinctBy(a => (a.Name, a.Namespace))],
            };
        }));

    /// <summary>
    /// Outbound policies whose host entries name what the model has: <c>./*</c>, a service's namespace, a service's FQDN, an
    /// external service's host (any namespace); one per namespace.
    /// </summary>
    private static IEnumerable<OutboundPolicy> Outbound((string? Namespace, OutboundMode Mode, int[] Hosts)[] drafts, MeshService[] services, ExternalService[] externals)
    {
        foreach (var (ns, mode, kinds) in drafts.DistinctBy(d => d.Namespace))
        {
            var hosts = kinds.Select((kind, i) => kind switch
            {
                1 => $"{services[i % services.Length].Namespace}/*",
                2 => $"{services[i % services.Length].Namespace}/{services[i % services.Length].Reference.ToFqdn()}",
                3 when externals.Length > 0 => $"*/{externals[i % externals.Length].Hosts[0]}",
                _ => "./*",
            });
            yield return new OutboundPolicy { Namespace = ns, Mode = mode, Hosts = [.. hosts] };
        }
    }

    /// <summary>
    /// A route on each external service with an HTTP port (and a name no service or route takes): a timeout and retries on
    /// calls leaving the mesh, split across the service's subsets when it has some.
    /// </summary>
    private static IEnumerable<HttpRoute> ExternalRoutes(ExternalService[] externals, MeshService[] services, List<HttpRoute> routes)
    {
        foreach (var external in externals)
        {
            var reference = new ServiceRef(external.Name, external.Namespace);
            if (!external.Ports.Any(p => p.Protocol == Protocol.Http) || external.Resolution == Resolution.None) continue;
            if (routes.Any(r => r.Namespace == external.Namespace && r.Name == external.Name)) continue;
            var backends = external.Subsets.IsEmpty
                ? [new WeightedBackend { Service = reference }]
                : external.Subsets.Select((x, i) => new WeightedBackend { Service = reference, Subset = x.Name, Weight = 10 * (i + 1) }).ToArray();
            yield return new HttpRoute
            {
                Name = external.Name,
                Namespace = external.Namespace,
                Host = reference,
                Rules = [new HttpRouteRule { Backends = [.. backends], Timeout = TimeSpan.FromSeconds(5), Retry = new RetryPolicy { Attempts = 2 } }],
            };
        }
    }

    /// <summary>
    /// Models of Service-addressed TCP splits (backends are whole Services on a port, no subsets) of one host,
    /// <c>db.data</c>: either one TCP route without a port (every port of the host) or one TCP route per <c>tcp</c> port,
    /// each with 1–3 weighted backends in the route's namespace or another; and, half the time, an HTTP route for the same
    /// host on an <c>http</c> port 8080. The host declares exactly the ports routes name and the backend Services are not
    /// declared, so a provider that rebuilds services from route parents (Gateway API, Linkerd) reads the model back
    /// unchanged; the models are not meant for validation.
    /// </summary>
    public static Gen<MeshConfig> TcpSplits { get; } = Gen.Select(
        Gen.Int[1024, 65535].Where(p => p != 8080).ArrayUnique[1, 3],
        Gen.Bool,
        Gen.Bool,
        Gen.Select(Gen.OneOf("db-v1", "db-v2", "db-v3"), Gen.OneOf("data", "backup"), Gen.Int[0, 1000], (name, ns, weight) => (name, ns, weight)).Array[1, 3].Array[3],
        (ports, everyPort, http, backends) =>
        {
            var host = new ServiceRef("db", "data");
            EquatableArray<WeightedBackend> Split(int k, int port)
            {
                var unique = backends[k].DistinctBy(b => (b.name, b.ns)).Select(b => new WeightedBackend { Service = new ServiceRef(b.name, b.ns), Port = port, Weight = b.weight }).ToArray();
                if (unique.All(b => b.Weight == 0)) unique[0] = unique[0] with { Weight = 1 };
                return [.. unique];
            }
            var tcp = everyPort
                ? [new TcpRoute { Name = "db", Namespace = "data", Host = host, Backends = Split(0, ports[0]) }]
                : ports.Select((p, k) => new TcpRoute { Name = $"db-{p}", Namespace = "data", Host = host, Port = p, Backends = Split(k, p) }).ToArray();
            var servicePorts = (http ? [new ServicePort { Port = 8080, Protocol = Protocol.Http }] : Array.Empty<ServicePort>())
                .Concat(everyPort ? [] : ports.Select(p => new ServicePort { Port = p, Protocol = Protocol.Tcp }))
                .ToArray();
            return new MeshConfig
            {
                Name = "imported",
                Services = servicePorts.Length == 0 ? [] : [new MeshService { Name = "db", Namespace = "data", Ports = [.. servicePorts] }],
                Routes = http ? [new HttpRoute { Name = "db", Namespace = "data", Host = host, Rules = [new HttpRouteRule { Backends = [new WeightedBackend { Service = new ServiceRef("db-http", "data"), Port = 8080 }] }] }] : [],
                TcpRoutes = [.. tcp],
            };
        });

    /// <summary>Valid models that use only the features <paramref name="supported"/> accepts (see <see cref="MeshFeatureUsage.Restrict"/>).</summary>
    /// <param name="supported">Whether a feature may be used, e.g. from a provider's capabilities.</param>
    /// <returns>The generator.</returns>
    public static Gen<MeshConfig> ConfigSupporting(Func<Translation.MeshFeature, bool> supported) =>
        Config.Select(c => MeshFeatureUsage.Restrict(c, supported));

    private static Gen<EquatableMap<string>> Map(Gen<string> keys, Gen<string> values, int min, int max) =>
        Gen.Select(keys.ArrayUnique[min, max], values.Array[max], (k, v) => new EquatableMap<string>(k.Select((key, i) => new KeyValuePair<string, string>(key, v[i]))));

    private static Gen<T[]> Sequence<T>(this Gen<T>[] gens) =>
        gens.Length == 0 ? Gen.Const(Array.Empty<T>()) : gens.Aggregate(Gen.Const(Array.Empty<T>()), (acc, g) => Gen.Select(acc, g, (a, x) => (T[])[.. a, x]));
}
