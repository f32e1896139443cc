using Mesh.Model;
using Mesh.Xds;

namespace Mesh.Benchmarks.Xds;

/// <summary>
/// The synthetic mesh: N services, each with 3 subsets, 3 endpoints per subset, 3 route rules with a
/// weighted split, retries and a timeout, and a destination policy with outlier detection.
/// </summary>
internal static class SyntheticMesh
{
    public const int Port = 8080;

    public static ServiceRef Service(int i) => new($"svc-{i}", $"ns-{i % 20}");

    public static MeshConfig Config(int services) => Config(services, breadth: false);

    /// <summary>
    /// The mesh; with <paramref name="breadth"/> each destination policy also sets model breadth I's fields: client TLS,
    /// locality failover, warm-up or a Maglev hash on a generated cookie, idle timeout, HTTP/2 streams and a local rate limit
    /// (encoded only for a sidecar whose own service it is).
    /// </summary>
    public static MeshConfig Config(int services, bool breadth)
    {
        var meshServices = new MeshService[services];
        var routes = new HttpRoute[services];
        var policies = new DestinationPolicy[services];
        for (var i = 0; i < services; i++)
        {
            var reference = Service(i);
            meshServices[i] = new MeshService
            {
                Name = reference.Name,
                Namespace = reference.Namespace,
                Ports = [new ServicePort { Port = Port, Protocol = Protocol.Http }],
                Subsets =
                [
                    new Subset { Name = "v1", Labels = new Dictionary<string, string> { ["version"] = "v1" } },
                    new Subset { Name = "v2", Labels = new Dictionary<string, string> { ["version"] = "v2" } },
                    new Subset { Name = "v3", Labels = new Dictionary<string, string> { ["version"] = "v3" } },
                ],
            };
            var retry = new RetryPolicy { Attempts = 3, PerTryTimeout = TimeSpan.FromSeconds(2), On = [RetryCondition.ServerError, RetryCondition.ConnectFailure, RetryCondition.Reset] };
            routes[i] = new HttpRoute
            {
                Name = reference.Name,
                Namespace = reference.Namespace,
                Host = reference,
                Rules =
                [
                    new HttpRouteRule
                    {
                        Matches = [new HttpMatch { Headers = [ValueMatch.Exact("x-canary", "true")] }],
                        Backends = [new WeightedBackend { Service = reference, Subset = "v3", Weight = 90 }, new WeightedBackend { Service = reference, Subset = "v2", Weight = 10 }],
                        Timeout = TimeSpan.FromSeconds(5),
                        Retry = retry,
                    },
                    new HttpRouteRule
                    {
                        Matches = [new HttpMatch { Path = PathMatch.Prefix("/api/v2") }],
                        Backends = [new WeightedBackend { Service = reference, Subset = "v2", Weight = 50 }, new WeightedBackend { Service = reference, Subset = "v3", Weight = 50 }],
                        Timeout = TimeSpan.FromSeconds(10),
                        Retry = retry,
                    },
                    new HttpRouteRule
                    {
                        Backends = [new WeightedBackend { Service = reference, Subset = "v1", Weight = 80 }, new WeightedBackend { Service = reference, Subset = "v2", Weight = 20 }],
                        Timeout = TimeSpan.FromSeconds(15),
                        Retry = retry,
                    },
                ],
            };
            policies[i] = new DestinationPolicy
            {
                Target = new PolicyTarget { Service = reference },
                OutlierDetection = new OutlierDetection { Consecutive5xx = 5, Interval = TimeSpan.FromSeconds(10), BaseEjectionTime = TimeSpan.FromSeconds(30), MaxEjectionPercent = 50 },
            };
            if (breadth)
            {
                policies[i] = policies[i] with
                {
                    LoadBalancer = i % 2 == 0
                        ? LoadBalancer.LeastRequest with
                        {
                            Locality = new LocalityLoadBalancing { Failover = [new LocalityFailover { From = "us-east-1", To = "us-west-2" }] },
                            Warmup = new Warmup { Duration = TimeSpan.FromSeconds(30), MinimumPercent = 10 },
                        }
                        : LoadBalancer.HashOn(ConsistentHash.Cookie("session") with { CookieTtl = TimeSpan.FromHours(1), CookiePath = "/", Ring = new HashRing(HashRingKind.Maglev, 65537) }),
                    ConnectionPool = new ConnectionPool { IdleTimeout = TimeSpan.FromMinutes(5), MaxConcurrentStreams = 100 },
                    Tls = new ClientTls { Mode = ClientTlsMode.Simple, Sni = $"{reference.Name}.example.com", CredentialName = $"{reference.Name}-ca", SubjectAltNames = [$"{reference.Name}.example.com"] },
                    RateLimit = global::Mesh.Benchmarks.SyntheticMesh.RateLimit(i),
                };
            }
        }
        return new MeshConfig { Name = "synthetic", Services = meshServices, Routes = routes, DestinationPolicies = policies, Telemetry = breadth ? global::Mesh.Benchmarks.SyntheticMesh.Telemetry(services, i => Service(i).Namespace, 20) : default };
    }

    public static ServiceEndpoints Endpoints(int i, int generation)
    {
        var addresses = new EndpointAddress[9];
        for (var subset = 0; subset < 3; subset++)
        {
            for (var k = 0; k < 3; k++)
            {
                addresses[subset * 3 + k] = new EndpointAddress
                {
                    Address = $"10.{i / 250 % 256}.{i % 250}.{subset * 3 + k + 1 + generation}",
                    Labels = new Dictionary<string, string> { ["app"] = $"svc-{i}", ["version"] = $"v{subset + 1}" },
                    Locality = new EndpointLocality("us-east-1", $"us-east-1{(char)('a' + k)}"),
                };
            }
        }
        return new ServiceEndpoints { Service = Service(i), Port = Port, Addresses = addresses };
    }

    public static EndpointSnapshot Endpoints(int services) =>
        new() { Services = Enumerable.Range(0, services).Select(i => Endpoints(i, 0)).ToArray() };
}
