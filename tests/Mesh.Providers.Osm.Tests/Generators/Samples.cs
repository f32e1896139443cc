using Mesh.Model;

namespace Mesh.Providers.Osm.Tests.Generators;

/// <summary>Hand-written models covering what OSM expresses: splits, resilience, access control and egress (OSM's bookstore demo).</summary>
internal static class Samples
{
    private static readonly ServiceRef Bookstore = new("bookstore", "bookstore");
    private static readonly ServiceRef Mysql = new("mysql", "bookwarehouse");

    private static readonly MeshService BookstoreService = new()
    {
        Name = "bookstore", Namespace = "bookstore",
        Ports = [new ServicePort { Port = 14001, Protocol = Protocol.Http }],
        Subsets = [Subset("v1"), Subset("v2")],
    };

    private static readonly MeshService MysqlService = new()
    {
        Name = "mysql", Namespace = "bookwarehouse",
        Ports = [new ServicePort { Port = 3306, Protocol = Protocol.Tcp }],
        Subsets = [Subset("primary"), Subset("replica")],
    };

    private static readonly MeshService[] Callers =
    [
        new() { Name = "bookbuyer", Namespace = "bookbuyer", Ports = [new ServicePort { Port = 14001, Protocol = Protocol.Http }] },
        new() { Name = "bookwarehouse", Namespace = "bookwarehouse", Ports = [new ServicePort { Port = 14001, Protocol = Protocol.Http }] },
    ];

    /// <summary>A 90/10 canary of bookstore and a 3/1 TCP split of mysql.</summary>
    public static MeshConfig Routing { get; } = new()
    {
        Name = "routing",
        Services = [BookstoreService, MysqlService, .. Callers],
        Routes = [new HttpRoute { Name = "bookstore-split", Namespace = "bookstore", Host = Bookstore, Rules = [new HttpRouteRule { Backends = [To(Bookstore, "v1", 90), To(Bookstore, "v2", 10)] }] }],
        TcpRoutes = [new TcpRoute { Name = "mysql", Namespace = "bookwarehouse", Host = Mysql, Port = 3306, Backends = [To(Mysql, "primary", 3), To(Mysql, "replica", 1)] }],
    };

    /// <summary>A retried canary and connection limits on bookstore and its v2 subset.</summary>
    public static MeshConfig Resilience { get; } = Routing with
    {
        Name = "resilience",
        Routes = [Routing.Routes[0] with
        {
            Rules = [Routing.Routes[0].Rules[0] with
            {
                Retry = new RetryPolicy { Attempts = 5, PerTryTimeout = TimeSpan.FromSeconds(1), On = [RetryCondition.ServerError], Backoff = new RetryBackoff { BaseInterval = TimeSpan.FromSeconds(1) } },
            }],
        }],
        DestinationPolicies =
        [
            new DestinationPolicy { Target = new PolicyTarget { Service = Bookstore }, ConnectionPool = new ConnectionPool { MaxConnections = 100, MaxPendingRequests = 10, ConnectTimeout = TimeSpan.FromSeconds(3) } },
            new DestinationPolicy { Target = new PolicyTarget { Service = Bookstore, Subset = "v2" }, ConnectionPool = new ConnectionPool { MaxRequests = 20, MaxRequestsPerConnection = 1, MaxRetries = 2 } },
        ],
    };

    /// <summary>bookbuyer may buy books (paths and methods), bookwarehouse may reach mysql on its TCP port; mesh-wide strict mTLS.</summary>
    public static MeshConfig Security { get; } = new()
    {
        Name = "security",
        Services = [BookstoreService, MysqlService, .. Callers],
        Mtls = [new MtlsPolicy { Scope = MtlsScope.Mesh, Mode = MtlsMode.Strict }],
        AccessPolicies =
        [
            new AccessPolicy
            {
                Name = "bookstore", Namespace = "bookstore", Target = new PolicyTarget { Service = Bookstore }, Action = AccessAction.Allow,
                Rules = [new AccessRule { From = new AccessSource { ServiceAccounts = [new("bookbuyer", "bookbuyer")] }, To = new AccessOperation { Methods = ["GET", "POST"], Paths = ["/books-bought", "/buy-a-book/*"] } }],
            },
            new AccessPolicy
            {
                Name = "mysql", Namespace = "bookwarehouse", Target = new PolicyTarget { Service = Mysql }, Action = AccessAction.Allow,
                Rules = [new AccessRule { From = new AccessSource { ServiceAccounts = [new("bookwarehouse", "bookwarehouse")] }, To = new AccessOperation { Ports = [3306] } }],
            },
        ],
    };

    /// <summary>HTTPS, HTTP and an address-bound TCP external service.</summary>
    public static MeshConfig Egress { get; } = new()
    {
        Name = "egress",
        Services = [.. Callers],
        ExternalServices =
        [
            new ExternalService { Name = "httpbin", Namespace = "bookbuyer", Hosts = ["httpbin.org"], Ports = [new ServicePort { Port = 443, Protocol = Protocol.Tls }, new ServicePort { Port = 80, Protocol = Protocol.Http }] },
            new ExternalService { Name = "db", Namespace = "bookwarehouse", Hosts = ["db.example.com"], Ports = [new ServicePort { Port = 5432, Protocol = Protocol.Tcp }], Resolution = Resolution.Static, Addresses = ["192.0.2.10"] },
        ],
    };

    public static IEnumerable<MeshConfig> All => [Routing, Resilience, Security, Egress];

    private static Subset Subset(string name) => new() { Name = name, Labels = new Dictionary<string, string> { ["version"] = name } };

    private static WeightedBackend To(ServiceRef service, string subset, int weight) => new() { Service = service, Subset = subset, Weight = weight };
}
