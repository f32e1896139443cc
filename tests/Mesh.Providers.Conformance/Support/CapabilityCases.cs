using Mesh.Collections;
using Mesh.Model;
using Mesh.Translation;

namespace Mesh.Providers.Conformance.Support;

/// <summary>
/// One small model per <see cref="MeshFeature"/>, for a provider's <see cref="Suites.CapabilityRowSuite"/>. The
/// cases are the same for every provider but for how a backend is addressed (a subset, or a Service and port).
/// </summary>
public sealed class CapabilityCases
{

    private readonly MeshService _service;
    private readonly WeightedBackend _primary;
    private readonly WeightedBackend _secondary;

    /// <summary>Builds the cases around one service.</summary>
    /// <param name="service">The <c>reviews.bookinfo</c> service every case declares (with ports or subsets).</param>
    /// <param name="primary">The backend every rule routes to.</param>
    /// <param name="secondary">The other backend of a split, and the mirror target.</param>
    public CapabilityCases(MeshService service, WeightedBackend primary, WeightedBackend secondary)
    {
        _service = service;
        _primary = primary;
        _secondary = secondary;
        All = Build();
    }

    /// <summary>The reviews service referenced by the cases.</summary>
    public static ServiceRef Reviews { get; } = new("reviews", "bookinfo");

    /// <summary>One small model per feature.</summary>
    public IReadOnlyDictionary<MeshFeature, MeshConfig> All { get; }

    /// <summary>A model with one route whose single rule is <paramref name="change"/>d.</summary>
    /// <param name="change">The change to the rule.</param>
    public MeshConfig Rule(Func<HttpRouteRule, HttpRouteRule> change) => new()
    {
        Name = "imported",
        Services = [_service],
        Routes = [new HttpRoute { Name = "reviews", Namespace = "bookinfo", Host = Reviews, Rules = [change(new HttpRouteRule { Backends = [_primary] })] }],
    };

    private MeshConfig Match(HttpMatch match) => Rule(r => r with { Matches = [match] });

    /// <summary>A match on a port of the service (given one when it declares none).</summary>
    private MeshConfig PortMatch()
    {
        if (!_service.Ports.IsEmpty) return Match(new HttpMatch { Port = _service.Ports[0].Port });
        var config = Match(new HttpMatch { Port = 9080 });
        return config with { Services = [_service with { Ports = [new ServicePort { Port = 9080, Protocol = Protocol.Http }] }] };
    }

    private MeshConfig Policy(Func<DestinationPolicy, DestinationPolicy> change) => new()
    {
        Name = "imported",
        Services = [_service],
        DestinationPolicies = [change(new DestinationPolicy { Target = new PolicyTarget { Service = Reviews } })],
    };

    private static MeshConfig Mtls(MtlsScope scope, MtlsMode mode = MtlsMode.Strict) => new() { Name = "imported", Mtls = [new MtlsPolicy { Scope = scope, Mode = mode }] };

    private MeshConfig Access(Func<AccessPolicy, AccessPolicy> change) => new()
    {
        Name = "imported",
        Services = [_service],
        AccessPolicies = [change(new AccessPolicy { Name = "p", Namespace = "bookinfo", Target = new PolicyTarget { Service = Reviews }, Action = AccessAction.Allow, Rules = [new AccessRule { From = new AccessSource { Namespaces = ["shop"] } }] })],
    };

    private static MeshConfig Telemetry(TelemetryPolicy policy) => new() { Name = "imported", Telemetry = [policy] };

    private static readonly Dictionary<string, string> EdgeWorkloads = new() { ["istio"] = "ingressgateway" };

    /// <summary>A gateway with <paramref name="listener"/>, and a route on it when the listener routes HTTP.</summary>
    private MeshConfig Edge(GatewayListener listener, string? routeListener = null) => new()
    {
        Name = "imported",
        Services = [_service],
        Gateways = [new Gateway { Name = "public", Namespace = "bookinfo", Workloads = EdgeWorkloads.ToEquatableMap(), Listeners = [listener] }],
        GatewayRoutes = listener.Protocol is ListenerProtocol.Http or ListenerProtocol.Https && !listener.HttpsRedirect
            ? [new GatewayRoute { Name = "shop", Namespace = "bookinfo", Gateways = [new GatewayRef { Name = "public", Namespace = "bookinfo", Listener = routeListener }], Hostnames = ["shop.example.com"], Rules = [new HttpRouteRule { Backends = [_primary] }] }]
            : default,
    };

    /// <summary>A request authentication with <paramref name="rule"/> for the reviews service's workloads.</summary>
    private MeshConfig Jwt(JwtRule rule) => new()
    {
        Name = "imported",
        Services = [_service],
        RequestAuthentications = [new RequestAuthentication { Name = "reviews-jwt", Namespace = "bookinfo", Target = new PolicyTarget { Service = Reviews }, JwtRules = [rule] }],
    };

    private static MeshConfig Outbound(OutboundPolicy policy) => new() { Name = "imported", Outbound = [policy] };

    private static MeshConfig External(Resolution resolution, params string[] addresses) => new()
    {
        Name = "imported",
        ExternalServices = [new ExternalService { Name = "api", Namespace = "bookinfo", Hosts = ["api.example.com"], Ports = [new ServicePort { Port = 443, Protocol = Protocol.Tls }], Resolution = resolution, Addresses = [.. addresses] }],
    };

    /// <summary>An external HTTP service and a route with a timeout and retries on calls to it.</summary>
    private static MeshConfig ExternalRoute()
    {
        var api = new ServiceRef("api", "bookinfo");
        return new MeshConfig
        {
            Name = "imported",
            ExternalServices = [new ExternalService { Name = "api", Namespace = "bookinfo", Hosts = ["api.example.com"], Ports = [new ServicePort { Port = 80, Protocol = Protocol.Http }], Resolution = Resolution.Dns }],
            Routes = [new HttpRoute { Name = "api", Namespace = "bookinfo", Host = api, Rules = [new HttpRouteRule { Backends = [new WeightedBackend { Service = api }], Timeout = TimeSpan.FromSeconds(5), Retry = new RetryPolicy { Attempts = 2 } }] }],
        };
    }

    private static readonly Dictionary<string, string> App = new() { ["app"] = "reviews" };

    private Dictionary<MeshFeature, MeshConfig> Build() => new()
    {
        [MeshFeature.PathExact] = Match(new HttpMatch { Path = PathMatch.Exact("/login") }),
        [MeshFeature.PathPrefix] = Match(new HttpMatch { Path = PathMatch.Prefix("/api") }),
        [MeshFeature.PathRegex] = Match(new HttpMatch { Path = PathMatch.Regex("^/r/[0-9]+$") }),
        [MeshFeature.HeaderExact] = Match(new HttpMatch { Headers = [ValueMatch.Exact("x-user", "jason")] }),
        [MeshFeature.HeaderPrefix] = Match(new HttpMatch { Headers = [ValueMatch.Prefix("x-user", "ja")] }),
        [MeshFeature.HeaderRegex] = Match(new HttpMatch { Headers = [ValueMatch.Regex("x-user", "^j.*$")] }),
        [MeshFeature.HeaderPresent] = Match(new HttpMatch { Headers = [ValueMatch.Present("x-debug")] }),
        [MeshFeature.HeaderAbsent] = Match(new HttpMatch { Headers = [ValueMatch.Absent("x-debug")] }),
        [MeshFeature.QueryExact] = Match(new HttpMatch { QueryParams = [ValueMatch.Exact("v", "2")] }),
        [MeshFeature.QueryPrefix] = Match(new HttpMatch { QueryParams = [ValueMatch.Prefix("v", "2")] }),
        [MeshFeature.QueryRegex] = Match(new HttpMatch { QueryParams = [ValueMatch.Regex("v", "[0-9]+")] }),
        [MeshFeature.QueryPresent] = Match(new HttpMatch { QueryParams = [ValueMatch.Present("debug")] }),
        [MeshFeature.QueryAbsent] = Match(new HttpMatch { QueryParams = [ValueMatch.Absent("debug")] }),
        [MeshFeature.MethodMatch] = Match(new HttpMatch { Method = "POST" }),
        [MeshFeature.SourceLabelsMatch] = Match(new HttpMatch { SourceLabels = new(new Dictionary<string, string> { ["app"] = "productpage" }) }),
        [MeshFeature.SourceNamespaceMatch] = Match(new HttpMatch { SourceNamespace = "shop" }),
        [MeshFeature.PortMatch] = PortMatch(),
        [MeshFeature.WeightedSplit] = Rule(r => r with { Backends = [_primary with { Weight = 2 }, _secondary with { Weight = 1 }] }),
        [MeshFeature.BackendSubset] = Rule(r => r with { Backends = [new WeightedBackend { Service = Reviews, Subset = "v2" }] }),
        [MeshFeature.BackendPort] = Rule(r => r with { Backends = [new WeightedBackend { Service = Reviews, Port = 9080 }] }),
        [MeshFeature.Timeout] = Rule(r => r with { Timeout = TimeSpan.FromSeconds(3) }),
        [MeshFeature.RetryAttempts] = Rule(r => r with { Retry = new RetryPolicy { Attempts = 4 } }),
        [MeshFeature.RetryPerTryTimeout] = Rule(r => r with { Retry = new RetryPolicy { Attempts = 2, PerTryTimeout = TimeSpan.FromMilliseconds(300) } }),
        [MeshFeature.RetryOnHttp] = Rule(r => r with { Retry = new RetryPolicy { Attempts = 2, On = [RetryCondition.GatewayError, RetryCondition.Reset, RetryCondition.Retriable4xx] } }),
        [MeshFeature.RetryOnGrpc] = Rule(r => r with { Retry = new RetryPolicy { Attempts = 2, On = [RetryCondition.Unavailable, RetryCondition.DeadlineExceeded] } }),
        [MeshFeature.RetryStatusCodes] = Rule(r => r with { Retry = new RetryPolicy { Attempts = 2, On = [RetryCondition.RetriableStatusCodes], StatusCodes = [503, 429] } }),
        [MeshFeature.RetryBackoff] = Rule(r => r with { Retry = new RetryPolicy { Attempts = 2, Backoff = new RetryBackoff { BaseInterval = TimeSpan.FromMilliseconds(25), MaxInterval = TimeSpan.FromSeconds(1) } } }),
        [MeshFeature.FaultDelay] = Rule(r => r with { Fault = new FaultInjection { Delay = new FaultDelay { Duration = TimeSpan.FromSeconds(5), Percentage = 12.5m } } }),
        [MeshFeature.FaultAbort] = Rule(r => r with { Fault = new FaultInjection { Abort = new FaultAbort { HttpStatus = 503, Percentage = 50 } } }),
        [MeshFeature.Mirror] = Rule(r => r with { Mirror = new Mirror { Service = _secondary.Service, Subset = _secondary.Subset, Port = _secondary.Port } }),
        [MeshFeature.MirrorPercentage] = Rule(r => r with { Mirror = new Mirror { Service = _secondary.Service, Subset = _secondary.Subset, Port = _secondary.Port, Percentage = 5.25m } }),
        [MeshFeature.RewritePathPrefix] = Rule(r => r with { Rewrite = new Rewrite { PathPrefix = "/v2" } }),
        [MeshFeature.RewriteFullPath] = Rule(r => r with { Rewrite = new Rewrite { FullPath = "/status" } }),
        [MeshFeature.RewriteAuthority] = Rule(r => r with { Rewrite = new Rewrite { Authority = "internal.example" } }),
        [MeshFeature.Redirect] = Rule(r => r with { Backends = [], Redirect = new Redirect { PathPrefix = "/v2", Host = "example.com" } }),
        [MeshFeature.RequestHeaders] = Rule(r => r with { RequestHeaders = new HeaderModifier { Set = new Dictionary<string, string> { ["x-a"] = "1" }, Add = new Dictionary<string, string> { ["x-b"] = "2" }, Remove = ["x-c"] } }),
        [MeshFeature.ResponseHeaders] = Rule(r => r with { ResponseHeaders = new HeaderModifier { Set = new Dictionary<string, string> { ["cache-control"] = "no-store" }, Remove = ["server"] } }),
        [MeshFeature.Cors] = Rule(r => r with { Cors = new CorsPolicy { AllowOrigins = ["https://a.example"], AllowMethods = ["GET"], AllowHeaders = ["x-user"], ExposeHeaders = ["x-trace"], MaxAge = TimeSpan.FromHours(1), AllowCredentials = false } }),
        [MeshFeature.TcpSplit] = new MeshConfig
        {
            Name = "imported",
            Services = [_service],
            TcpRoutes = [new TcpRoute { Name = "reviews", Namespace = "bookinfo", Host = Reviews, Port = 9000, Backends = [new WeightedBackend { Service = Reviews, Subset = "v1", Weight = 4 }, new WeightedBackend { Service = Reviews, Subset = "v2", Weight = 1 }] }],
        },
        [MeshFeature.LbRoundRobin] = Policy(p => p with { LoadBalancer = LoadBalancer.RoundRobin }),
        [MeshFeature.LbLeastRequest] = Policy(p => p with { LoadBalancer = LoadBalancer.LeastRequest }),
        [MeshFeature.LbRandom] = Policy(p => p with { LoadBalancer = LoadBalancer.Random }),
        [MeshFeature.HashHeader] = Policy(p => p with { LoadBalancer = LoadBalancer.HashOn(ConsistentHash.Header("x-user")) }),
        [MeshFeature.HashCookie] = Policy(p => p with { LoadBalancer = LoadBalancer.HashOn(ConsistentHash.Cookie("session")) }),
        [MeshFeature.HashCookieAttributes] = Policy(p => p with { LoadBalancer = LoadBalancer.HashOn(ConsistentHash.Cookie("session") with { CookieTtl = TimeSpan.FromHours(1), CookiePath = "/" }) }),
        [MeshFeature.HashRingHash] = Policy(p => p with { LoadBalancer = LoadBalancer.HashOn(ConsistentHash.Header("x-user") with { Ring = new HashRing(HashRingKind.RingHash, 2048) }) }),
        [MeshFeature.HashMaglev] = Policy(p => p with { LoadBalancer = LoadBalancer.HashOn(ConsistentHash.Header("x-user") with { Ring = new HashRing(HashRingKind.Maglev, 131071) }) }),
        [MeshFeature.LocalityEnabled] = Policy(p => p with { LoadBalancer = LoadBalancer.MeshDefault with { Locality = new LocalityLoadBalancing { Enabled = false } } }),
        [MeshFeature.LocalityDistribute] = Policy(p => p with
        {
            LoadBalancer = LoadBalancer.MeshDefault with
            {
                Locality = new LocalityLoadBalancing { Distribute = [new LocalityDistribution { From = "us-west/zone1/*", To = [new("us-west/zone1/*", 80), new("us-west/zone2/*", 20)] }] },
            },
        }),
        [MeshFeature.LocalityFailover] = Policy(p => p with
        {
            LoadBalancer = LoadBalancer.MeshDefault with { Locality = new LocalityLoadBalancing { Failover = [new LocalityFailover { From = "us-east", To = "us-west" }] } },
            OutlierDetection = new OutlierDetection { Consecutive5xx = 5 },
        }),
        [MeshFeature.LocalityFailoverPriority] = Policy(p => p with
        {
            LoadBalancer = LoadBalancer.MeshDefault with { Locality = new LocalityLoadBalancing { FailoverPriority = ["topology.kubernetes.io/region"] } },
            OutlierDetection = new OutlierDetection { Consecutive5xx = 5 },
        }),
        [MeshFeature.Warmup] = Policy(p => p with { LoadBalancer = LoadBalancer.RoundRobin with { Warmup = new Warmup { Duration = TimeSpan.FromSeconds(30), MinimumPercent = 10 } } }),
        [MeshFeature.HashSourceIp] = Policy(p => p with { LoadBalancer = LoadBalancer.HashOn(ConsistentHash.SourceIp) }),
        [MeshFeature.HashQueryParameter] = Policy(p => p with { LoadBalancer = LoadBalancer.HashOn(ConsistentHash.QueryParameter("user")) }),
        [MeshFeature.MaxConnections] = Policy(p => p with { ConnectionPool = new ConnectionPool { MaxConnections = 100 } }),
        [MeshFeature.MaxPendingRequests] = Policy(p => p with { ConnectionPool = new ConnectionPool { MaxPendingRequests = 10 } }),
        [MeshFeature.MaxRequests] = Policy(p => p with { ConnectionPool = new ConnectionPool { MaxRequests = 50 } }),
        [MeshFeature.MaxRequestsPerConnection] = Policy(p => p with { ConnectionPool = new ConnectionPool { MaxRequestsPerConnection = 1 } }),
        [MeshFeature.MaxRetries] = Policy(p => p with { ConnectionPool = new ConnectionPool { MaxRetries = 3 } }),
        [MeshFeature.ConnectTimeout] = Policy(p => p with { ConnectionPool = new ConnectionPool { ConnectTimeout = TimeSpan.FromMilliseconds(250) } }),
        [MeshFeature.IdleTimeout] = Policy(p => p with { ConnectionPool = new ConnectionPool { IdleTimeout = TimeSpan.FromMinutes(5) } }),
        [MeshFeature.MaxConcurrentStreams] = Policy(p => p with { ConnectionPool = new ConnectionPool { MaxConcurrentStreams = 100 } }),
        [MeshFeature.Http2Upgrade] = Policy(p => p with { ConnectionPool = new ConnectionPool { Http2Upgrade = Http2Upgrade.Upgrade } }),
        [MeshFeature.OutlierConsecutive5xx] = Policy(p => p with { OutlierDetection = new OutlierDetection { Consecutive5xx = 5 } }),
        [MeshFeature.OutlierConsecutiveGatewayErrors] = Policy(p => p with { OutlierDetection = new OutlierDetection { ConsecutiveGatewayErrors = 3 } }),
        [MeshFeature.OutlierInterval] = Policy(p => p with { OutlierDetection = new OutlierDetection { Interval = TimeSpan.FromSeconds(10) } }),
        [MeshFeature.OutlierBaseEjectionTime] = Policy(p => p with { OutlierDetection = new OutlierDetection { BaseEjectionTime = TimeSpan.FromMinutes(1) } }),
        [MeshFeature.OutlierMaxEjectionPercent] = Policy(p => p with { OutlierDetection = new OutlierDetection { MaxEjectionPercent = 50 } }),
        [MeshFeature.SubsetPolicy] = Policy(p => p with { Target = new PolicyTarget { Service = Reviews, Subset = "v2" }, LoadBalancer = LoadBalancer.Random }),
        [MeshFeature.PortPolicy] = Policy(p => p with { Target = new PolicyTarget { Service = Reviews, Port = 9080 }, LoadBalancer = LoadBalancer.Random }) with
        {
            Services = [_service.FindPort(9080) is null ? _service with { Ports = [.. _service.Ports, new ServicePort { Port = 9080, Protocol = Protocol.Http }] } : _service],
        },
        [MeshFeature.TlsDisable] = Policy(p => p with { Tls = new ClientTls { Mode = ClientTlsMode.Disable } }),
        [MeshFeature.TlsSimple] = Policy(p => p with { Tls = new ClientTls { Mode = ClientTlsMode.Simple } }),
        [MeshFeature.TlsMutual] = Policy(p => p with { Tls = new ClientTls { Mode = ClientTlsMode.Mutual, CredentialName = "reviews-client" } }),
        [MeshFeature.TlsMesh] = Policy(p => p with { Tls = new ClientTls { Mode = ClientTlsMode.Mesh } }),
        [MeshFeature.TlsSni] = Policy(p => p with { Tls = new ClientTls { Sni = "reviews.example.com" } }),
        [MeshFeature.TlsSubjectAltNames] = Policy(p => p with { Tls = new ClientTls { SubjectAltNames = ["reviews.example.com", "spiffe://example.com/ns/bookinfo/sa/reviews"] } }),
        [MeshFeature.TlsCaCertificates] = Policy(p => p with { Tls = new ClientTls { CaCertificates = "/etc/certs/ca.pem" } }),
        [MeshFeature.TlsCredentialName] = Policy(p => p with { Tls = new ClientTls { CredentialName = "reviews-ca" } }),
        [MeshFeature.TlsInsecureSkipVerify] = Policy(p => p with { Tls = new ClientTls { InsecureSkipVerify = true } }),
        [MeshFeature.RateLimit] = Policy(p => p with { RateLimit = new LocalRateLimit { Requests = 100 } }),
        [MeshFeature.RateLimitInterval] = Policy(p => p with { RateLimit = new LocalRateLimit { Requests = 600, Interval = TimeSpan.FromMinutes(1) } }),
        [MeshFeature.RateLimitBurst] = Policy(p => p with { RateLimit = new LocalRateLimit { Requests = 100, Burst = 150 } }),
        [MeshFeature.RateLimitStatus] = Policy(p => p with { RateLimit = new LocalRateLimit { Requests = 100, Status = 503 } }),
        [MeshFeature.RateLimitRoutes] = Policy(p => p with { RateLimit = new LocalRateLimit { Requests = 100, Routes = [new RouteRateLimit { Path = PathMatch.Prefix("/api"), Requests = 10 }] } }),
        [MeshFeature.MtlsStrict] = Mtls(MtlsScope.ForNamespace("bookinfo"), MtlsMode.Strict),
        [MeshFeature.MtlsPermissive] = Mtls(MtlsScope.ForNamespace("bookinfo"), MtlsMode.Permissive),
        [MeshFeature.MtlsDisabled] = Mtls(MtlsScope.ForNamespace("bookinfo"), MtlsMode.Disabled),
        [MeshFeature.MtlsScopeMesh] = Mtls(MtlsScope.Mesh),
        [MeshFeature.MtlsScopeNamespace] = Mtls(MtlsScope.ForNamespace("shop")),
        [MeshFeature.MtlsScopeWorkload] = Mtls(new MtlsScope { Namespace = "bookinfo", Workload = App }),
        [MeshFeature.MtlsScopePort] = Mtls(new MtlsScope { Namespace = "bookinfo", Workload = App, Port = 8080 }, MtlsMode.Disabled),
        [MeshFeature.AccessAllow] = Access(p => p),
        [MeshFeature.AccessDeny] = Access(p => p with { Action = AccessAction.Deny }),
        [MeshFeature.AccessFromServiceAccounts] = Access(p => p with { Rules = [new AccessRule { From = new AccessSource { ServiceAccounts = [new ServiceAccountRef("shop", "web")] } }] }),
        [MeshFeature.AccessFromServices] = Access(p => p with { Rules = [new AccessRule { From = new AccessSource { Services = [new ServiceRef("reviews", "bookinfo")] } }] }),
        [MeshFeature.AccessFromNamespaces] = Access(p => p with { Rules = [new AccessRule { From = new AccessSource { Namespaces = ["shop", "ops"] } }] }),
        [MeshFeature.AccessFromIpBlocks] = Access(p => p with { Rules = [new AccessRule { From = new AccessSource { IpBlocks = ["10.0.0.0/8"] } }] }),
        [MeshFeature.AccessFromUnauthenticated] = Access(p => p with { Rules = [new AccessRule { From = new AccessSource { Unauthenticated = true } }] }),
        [MeshFeature.AccessToPorts] = Access(p => p with { Rules = [new AccessRule { To = new AccessOperation { Ports = [9080] } }] }),
        [MeshFeature.AccessToMethods] = Access(p => p with { Rules = [new AccessRule { To = new AccessOperation { Methods = ["GET"] } }] }),
        [MeshFeature.AccessToPaths] = Access(p => p with { Rules = [new AccessRule { To = new AccessOperation { Paths = ["/api/*", "*.js", "/health"] } }] }),
        [MeshFeature.AccessSubsetTarget] = Access(p => p with { Target = new PolicyTarget { Service = Reviews, Subset = "v2" } }),
        [MeshFeature.AccessAudit] = Access(p => p with { Action = AccessAction.Audit }),
        [MeshFeature.AccessFromAuthenticated] = Access(p => p with { Rules = [new AccessRule { From = new AccessSource { Authenticated = true } }] }),
        [MeshFeature.AccessFromIdentities] = Access(p => p with { Rules = [new AccessRule { From = new AccessSource { Identities = ["spiffe://partner.example/ns/pay/sa/api"] } }] }),
        [MeshFeature.AccessFromRequestPrincipals] = Access(p => p with { Rules = [new AccessRule { From = new AccessSource { RequestPrincipals = ["https://issuer.example/alice"] } }] }),
        [MeshFeature.AccessFromRemoteIpBlocks] = Access(p => p with { Rules = [new AccessRule { From = new AccessSource { RemoteIpBlocks = ["203.0.113.0/24"] } }] }),
        [MeshFeature.AccessFromExcluded] = Access(p => p with { Rules = [new AccessRule { From = new AccessSource { Namespaces = ["shop"], Not = new AccessSource { ServiceAccounts = [new ServiceAccountRef("shop", "batch")] } } }] }),
        [MeshFeature.AccessToHosts] = Access(p => p with { Rules = [new AccessRule { From = new AccessSource { Namespaces = ["shop"] }, To = new AccessOperation { Hosts = ["reviews.example.com"] } }] }),
        [MeshFeature.AccessToExcluded] = Access(p => p with { Rules = [new AccessRule { From = new AccessSource { Namespaces = ["shop"] }, To = new AccessOperation { Not = new AccessOperation { Paths = ["/admin/*"] } } }] }),
        [MeshFeature.AccessWhenHeaders] = Access(p => p with { Rules = [new AccessRule { When = [new AccessCondition { Key = AccessConditionKey.Header("x-tenant"), Values = ["blue"] }] }] }),
        [MeshFeature.AccessWhenConnection] = Access(p => p with { Rules = [new AccessRule { From = new AccessSource { Namespaces = ["shop"] }, When = [new AccessCondition { Key = AccessConditionKey.Of(AccessAttribute.DestinationPort), Values = ["9080"] }] }] }),
        [MeshFeature.AccessWhenToken] = Access(p => p with { Rules = [new AccessRule { From = new AccessSource { Namespaces = ["shop"] }, When = [new AccessCondition { Key = AccessConditionKey.Claim("groups"), Values = ["admins"] }] }] }),
        [MeshFeature.ExternalHosts] = External(Resolution.Dns),
        [MeshFeature.ExternalResolutionDns] = External(Resolution.Dns, "203.0.113.7"),
        [MeshFeature.ExternalResolutionStatic] = External(Resolution.Static, "203.0.113.7", "203.0.113.8"),
        [MeshFeature.ExternalResolutionNone] = External(Resolution.None),
        [MeshFeature.ExternalAddresses] = External(Resolution.Dns, "203.0.113.0/24"),
        [MeshFeature.ExternalRoutes] = ExternalRoute(),
        [MeshFeature.ExternalEndpoints] = External(Resolution.Static) with
        {
            ExternalServices = [External(Resolution.Static).ExternalServices[0] with { Endpoints = [new ExternalEndpoint { Address = "203.0.113.7", Ports = [new("tls-443", 8443)], Labels = new Dictionary<string, string> { ["version"] = "v1" } }] }],
        },
        [MeshFeature.ExternalEndpointIdentity] = External(Resolution.Static) with
        {
            ExternalServices = [External(Resolution.Static).ExternalServices[0] with { Endpoints = [new ExternalEndpoint { Address = "203.0.113.7", ServiceAccount = "billing" }] }],
        },
        [MeshFeature.ExternalSubsets] = External(Resolution.Static) with
        {
            ExternalServices = [External(Resolution.Static).ExternalServices[0] with
            {
                Endpoints = [new ExternalEndpoint { Address = "203.0.113.7", Labels = new Dictionary<string, string> { ["version"] = "v1" } }],
                Subsets = [new Subset { Name = "v1", Labels = new Dictionary<string, string> { ["version"] = "v1" } }],
            }],
            DestinationPolicies = [new DestinationPolicy { Target = new PolicyTarget { Service = new ServiceRef("api", "bookinfo"), Subset = "v1" }, LoadBalancer = LoadBalancer.Random }],
        },
        [MeshFeature.OutboundRegistryOnly] = Outbound(new OutboundPolicy { Mode = OutboundMode.RegistryOnly }),
        [MeshFeature.OutboundNamespace] = Outbound(new OutboundPolicy { Namespace = "bookinfo", Mode = OutboundMode.RegistryOnly }),
        [MeshFeature.OutboundHosts] = Outbound(new OutboundPolicy { Hosts = ["./*"] }),
        [MeshFeature.AccessLogging] = Telemetry(new TelemetryPolicy { Namespace = "bookinfo", AccessLogging = false }),
        [MeshFeature.TracingSampling] = Telemetry(new TelemetryPolicy { Tracing = new TracingSettings { SamplingPercentage = 2.5m } }),
        [MeshFeature.TracingCustomTags] = Telemetry(new TelemetryPolicy { Tracing = new TracingSettings { CustomTags = [new TracingTag { Name = "user", Source = TracingTagSource.Header, Value = "x-user", Default = "anonymous" }] } }),
        [MeshFeature.TelemetryWorkload] = Telemetry(new TelemetryPolicy { Namespace = "bookinfo", Workload = new Dictionary<string, string> { ["app"] = "reviews" }, AccessLogging = true }),
        [MeshFeature.JwtRules] = Jwt(new JwtRule { Issuer = "https://issuer.example.com", Audiences = ["reviews"], JwksUri = "https://issuer.example.com/.well-known/jwks.json" }),
        [MeshFeature.JwtTokenLocations] = Jwt(new JwtRule { Issuer = "https://issuer.example.com", FromHeaders = [new JwtHeader("x-jwt-assertion", "Bearer ")], FromParams = ["token"], FromCookies = ["session"] }),
        [MeshFeature.JwtOutputs] = Jwt(new JwtRule { Issuer = "https://issuer.example.com", ForwardOriginalToken = true, OutputClaimToHeaders = [new JwtClaimHeader("x-user", "sub")], OutputPayloadToHeader = "x-jwt-payload" }),
        [MeshFeature.JwtGateway] = Edge(new GatewayListener { Name = "http", Port = 80, Protocol = ListenerProtocol.Http }) with
        {
            RequestAuthentications = [new RequestAuthentication { Name = "edge-jwt", Namespace = "bookinfo", Gateway = "public", JwtRules = [new JwtRule { Issuer = "https://issuer.example.com" }] }],
        },
        [MeshFeature.GatewayHttp] = Edge(new GatewayListener { Name = "http", Port = 80, Protocol = ListenerProtocol.Http, Hosts = ["shop.example.com"] }),
        [MeshFeature.GatewayTlsTerminate] = Edge(new GatewayListener { Name = "https", Port = 443, Protocol = ListenerProtocol.Https, Tls = new GatewayTls { CredentialName = "shop-cert" } }),
        [MeshFeature.GatewayTlsMutual] = Edge(new GatewayListener { Name = "https", Port = 443, Protocol = ListenerProtocol.Https, Tls = new GatewayTls { Mode = GatewayTlsMode.Mutual, CredentialName = "shop-cert", SubjectAltNames = ["client.example.com"] } }),
        [MeshFeature.GatewayPassthrough] = Edge(new GatewayListener { Name = "tls", Port = 443, Protocol = ListenerProtocol.Tls, Hosts = ["db.example.com"], Tls = new GatewayTls { Mode = GatewayTlsMode.Passthrough } }),
        [MeshFeature.GatewayCertificateFiles] = Edge(new GatewayListener { Name = "https", Port = 443, Protocol = ListenerProtocol.Https, Tls = new GatewayTls { Files = new CertificateFiles { CertificateChain = "/etc/certs/cert.pem", PrivateKey = "/etc/certs/key.pem" } } }),
        [MeshFeature.GatewayHttpsRedirect] = Edge(new GatewayListener { Name = "http", Port = 80, Protocol = ListenerProtocol.Http, HttpsRedirect = true }),
        [MeshFeature.GatewayRoutes] = Edge(new GatewayListener { Name = "http", Port = 80, Protocol = ListenerProtocol.Http }),
        [MeshFeature.GatewayRouteListener] = Edge(new GatewayListener { Name = "http", Port = 80, Protocol = ListenerProtocol.Http }, routeListener: "http"),
        [MeshFeature.GatewayTlsRoutes] = Edge(new GatewayListener { Name = "tls", Port = 443, Protocol = ListenerProtocol.Tls, Hosts = ["db.example.com"], Tls = new GatewayTls { Mode = GatewayTlsMode.Passthrough } }) with
        {
            GatewayTlsRoutes = [new GatewayTlsRoute { Name = "db", Namespace = "bookinfo", Gateways = [new GatewayRef { Name = "public", Namespace = "bookinfo" }], Hostnames = ["db.example.com"], Backends = [_primary] }],
        },
        [MeshFeature.GatewayTcpRoutes] = Edge(new GatewayListener { Name = "tcp", Port = 5432, Protocol = ListenerProtocol.Tcp }) with
        {
            GatewayTcpRoutes = [new GatewayTcpRoute { Name = "db", Namespace = "bookinfo", Gateways = [new GatewayRef { Name = "public", Namespace = "bookinfo" }], Backends = [_primary] }],
        },
    };
}
