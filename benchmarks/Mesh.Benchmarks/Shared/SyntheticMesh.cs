using Mesh.Collections;
using Mesh.Model;

namespace Mesh.Benchmarks;

/// <summary>The benchmarks' shared synthetic mesh: N services, each with 3 subsets, 3 route rules, a destination policy and an access policy.</summary>
public static class SyntheticMesh
{
    private static readonly string[] Versions = ["v1", "v2", "v3"];

    /// <summary>Builds the mesh.</summary>
    public static MeshConfig Create(int services) => Create(services, breadth: false);

    /// <summary>
    /// Builds the mesh; with <paramref name="breadth"/> every destination policy also sets the fields of model breadth I
    /// (client TLS, locality failover, warm-up, a Maglev consistent hash on a generated cookie, idle timeout, HTTP/2 streams, a
    /// local rate limit) and every tenth service calls an external API through a route with a timeout and retries; the mesh is
    /// registry only and each team namespace sees its own services, the next team's and the external APIs.
    /// </summary>
    public static MeshConfig Create(int services, bool breadth)
    {
        var externals = new List<ExternalService>();
        var list = new List<MeshService>(services);
        var routes = new List<HttpRoute>(services);
        var policies = new List<DestinationPolicy>(services);
        var access = new List<AccessPolicy>(services);
        for (var i = 0; i < services; i++)
        {
            var ns = $"team-{i % 10}";
            var name = $"svc-{i}";
            var self = new ServiceRef(name, ns);
            list.Add(new MeshService
            {
                Name = name,
                Namespace = ns,
                Ports = [new ServicePort { Port = 8080, Protocol = Protocol.Http }],
                Subsets = [.. Versions.Select(v => new Subset { Name = v, Labels = new Dictionary<string, string> { ["version"] = v } })],
            });
            var next = new ServiceRef($"svc-{(i + 1) % services}", $"team-{(i + 1) % 10}");
            routes.Add(new HttpRoute
            {
                Name = name,
                Namespace = ns,
                Host = self,
                Rules =
                [
                    new HttpRouteRule
                    {
                        Matches = [new HttpMatch { Path = PathMatch.Prefix("/api/v2"), Headers = [ValueMatch.Exact("x-canary", "true")] }],
                        Backends = [new WeightedBackend { Service = self, Subset = "v3" }],
                        Timeout = TimeSpan.FromSeconds(2),
                        Retry = new RetryPolicy { Attempts = 3, PerTryTimeout = TimeSpan.FromMilliseconds(500), On = [RetryCondition.ServerError, RetryCondition.ConnectFailure] },
                    },
                    new HttpRouteRule
                    {
                        Matches = [new HttpMatch { Path = PathMatch.Regex("^/items/[0-9]+$"), Method = "GET" }],
                        Backends = [new WeightedBackend { Service = self, Subset = "v2" }],
                        Mirror = new Mirror { Service = next, Percentage = 10 },
                        RequestHeaders = new HeaderModifier { Set = new Dictionary<string, string> { ["x-route"] = "items" } },
                    },
                    new HttpRouteRule
                    {
                        Backends = [new WeightedBackend { Service = self, Subset = "v1", Weight = 90 }, new WeightedBackend { Service = self, Subset = "v2", Weight = 10 }],
                        Timeout = TimeSpan.FromSeconds(5),
                    },
                ],
            });
            policies.Add(new DestinationPolicy
            {
                Target = new PolicyTarget { Service = self },
                LoadBalancer = LoadBalancer.LeastRequest,
                ConnectionPool = new ConnectionPool { MaxConnections = 100, MaxPendingRequests = 10, ConnectTimeout = TimeSpan.FromMilliseconds(250) },
                OutlierDetection = new OutlierDetection { Consecutive5xx = 5, Interval = TimeSpan.FromSeconds(10), BaseEjectionTime = TimeSpan.FromSeconds(30) },
            });
            if (breadth) AddBreadth(i, name, ns, policies, routes, externals);
            var callers = new AccessRule { From = new AccessSource { ServiceAccounts = [new ServiceAccountRef(next.Namespace, next.Name)], Namespaces = [ns] }, To = new AccessOperation { Methods = ["GET", "POST"], Paths = ["/api/*"] } };
            access.Add(new AccessPolicy
            {
                Name = $"{name}-callers",
                Namespace = ns,
                Target = new PolicyTarget { Service = self },
                Action = AccessAction.Allow,
                Rules = [breadth ? Authorization(callers, name, ns) : callers],
            });
            // Model breadth II (issue 15 item 3): an audit policy on every tenth service.
            if (breadth && i % 10 == 0)
            {
                access.Add(new AccessPolicy { Name = $"{name}-audit", Namespace = ns, Target = new PolicyTarget { Service = self }, Action = AccessAction.Audit, Rules = [new AccessRule { To = new AccessOperation { Methods = ["DELETE"] } }] });
            }
        }
        EquatableArray<OutboundPolicy> outbound = breadth
            ? [new OutboundPolicy { Mode = OutboundMode.RegistryOnly }, .. Enumerable.Range(0, Math.Min(10, services)).Select(t => new OutboundPolicy
            {
                Namespace = $"team-{t}",
                Mode = OutboundMode.RegistryOnly,
                Hosts = ["./*", $"team-{(t + 1) % 10}/*", "*/*.example.com"],
            })]
            : default;
        return new MeshConfig { Name = "bench", Services = [.. list], Routes = [.. routes], DestinationPolicies = [.. policies], AccessPolicies = [.. access], ExternalServices = [.. externals], Outbound = outbound, Telemetry = breadth ? Telemetry(services, i => $"team-{i % 10}", 10) : default };
    }

    /// <summary>
    /// Telemetry (model breadth I, issue 14 item 8): mesh-wide 1% sampling with a literal and a header tag; access logs off in
    /// every other team namespace; for every 50th service's workloads, access logs on and full sampling.
    /// </summary>
    /// <param name="services">The number of services.</param>
    /// <param name="namespaceOf">Service i's namespace.</param>
    /// <param name="namespaces">How many namespaces there are (<c>namespaceOf</c> cycles through them).</param>
    internal static EquatableArray<TelemetryPolicy> Telemetry(int services, Func<int, string> namespaceOf, int namespaces) =>
    [
        new TelemetryPolicy { Tracing = new TracingSettings { SamplingPercentage = 1, CustomTags = [new TracingTag { Name = "cluster", Source = TracingTagSource.Literal, Value = "bench" }, new TracingTag { Name = "user", Source = TracingTagSource.Header, Value = "x-user", Default = "anonymous" }] } },
        .. Enumerable.Range(0, Math.Min(namespaces, services)).Where(t => t % 2 == 0).Select(t => new TelemetryPolicy { Namespace = namespaceOf(t), AccessLogging = false }),
        .. Enumerable.Range(0, services).Where(i => i % 50 == 0).Select(i => new TelemetryPolicy
        {
            Namespace = namespaceOf(i),
            Workload = new Dictionary<string, string> { ["app"] = $"svc-{i}" }.ToEquatableMap(),
            AccessLogging = true,
            Tracing = new TracingSettings { SamplingPercentage = 100 },
        }),
    ];

    /// <summary>A local rate limit (model breadth I, issue 14 item 6): every service's workloads, half of them with a route limit too.</summary>
    internal static LocalRateLimit RateLimit(int i) => new()
    {
        Requests = 100 + i % 50,
        Burst = 200,
        Routes = i % 2 == 0 ? [new RouteRateLimit { Path = PathMatch.Prefix("/api/search"), Requests = 10, Interval = TimeSpan.FromSeconds(10) }] : [],
    };

    /// <summary>
    /// Complete authorization (model breadth II, issue 15 item 3) on a rule: a batch account excluded, the service's host,
    /// internal paths excluded, and a tenant header condition.
    /// </summary>
    private static AccessRule Authorization(AccessRule rule, string name, string ns) => rule with
    {
        From = rule.From! with { Not = new AccessSource { ServiceAccounts = [new ServiceAccountRef(ns, "batch")] } },
        To = rule.To! with { Hosts = [$"{name}.{ns}.svc.cluster.local"], Not = new AccessOperation { Paths = ["/api/internal/*"] } },
        When = [new AccessCondition { Key = AccessConditionKey.Header("x-tenant"), Values = [ns] }],
    };

    private static void AddBreadth(int i, string name, string ns, List<DestinationPolicy> policies, List<HttpRoute> routes, List<ExternalService> externals)
    {
        var last = policies.Count - 1;
        policies[last] = policies[last] with
        {
            LoadBalancer = i % 2 == 0
                ? LoadBalancer.LeastRequest with
                {
                    Locality = new LocalityLoadBalancing { Failover = [new LocalityFailover { From = "us-east", To = "us-west" }] },
                    Warmup = new Warmup { Duration = TimeSpan.FromSeconds(30), MinimumPercent = 10 },
                }
                : LoadBalancer.HashOn(ConsistentHash.Cookie("session") with { CookieTtl = TimeSpan.FromHours(1), CookiePath = "/", Ring = new HashRing(HashRingKind.Maglev, 65537) }),
            ConnectionPool = policies[last].ConnectionPool! with { IdleTimeout = TimeSpan.FromMinutes(5), MaxConcurrentStreams = 100 },
            Tls = new ClientTls { Mode = ClientTlsMode.Mesh, SubjectAltNames = [$"spiffe://cluster.local/ns/{ns}/sa/{name}"] },
            RateLimit = RateLimit(i),
        };
        if (i % 10 != 0) return;
        var api = new ServiceRef($"api-{i}", ns);
        externals.Add(new ExternalService
        {
            Name = api.Name,
            Namespace = ns,
            Hosts = [$"api-{i}.example.com"],
            Ports = [new ServicePort { Port = 443, Protocol = Protocol.Tls }, new ServicePort { Name = "http", Port = 80, Protocol = Protocol.Http }],
            Resolution = Resolution.Dns,
        });
        routes.Add(new HttpRoute
        {
            Name = api.Name,
            Namespace = ns,
            Host = api,
            Rules = [new HttpRouteRule { Backends = [new WeightedBackend { Service = api }], Timeout = TimeSpan.FromSeconds(3), Retry = new RetryPolicy { Attempts = 2 } }],
        });
        policies.Add(new DestinationPolicy { Target = new PolicyTarget { Service = api }, Tls = new ClientTls { Mode = ClientTlsMode.Simple, Sni = $"api-{i}.example.com" } });
    }
}
