using Mesh.Model;

namespace Mesh.Xds.Server.Tests.Fixtures;

/// <summary>
/// The mesh the tests serve: a gRPC service <c>greeter.grpc</c> with subsets v1 and v2 split by weight, a header
/// (<c>x-canary: yes</c>) that sends everything to v2, an optional route timeout, and a second service <c>hello.grpc</c>
/// that tests remove.
/// </summary>
internal static class GreeterMesh
{
    public static readonly ServiceRef Greeter = new("greeter", "grpc");
    public static readonly ServiceRef Hello = new("hello", "grpc");
    public const int Port = 50051;
    public const string Namespace = "grpc";

    /// <summary>The <c>xds:///</c> target (and LDS name) a proxyless client uses for the greeter.</summary>
    public static string Target => $"greeter.grpc.svc.cluster.local:{Port}";

    public static MeshConfig Model(int v1Weight = 80, int v2Weight = 20, TimeSpan? timeout = null, bool withHello = true, TimeSpan? canaryTimeout = null) => new()
    {
        Name = "greeter",
        Services =
        [
            new MeshService
            {
                Name = "greeter", Namespace = Namespace,
                Ports = [new ServicePort { Port = Port, Protocol = Mesh.Model.Protocol.Grpc }],
                Subsets =
                [
                    new Subset { Name = "v1", Labels = new Dictionary<string, string> { ["version"] = "v1" } },
                    new Subset { Name = "v2", Labels = new Dictionary<string, string> { ["version"] = "v2" } },
                ],
            },
            .. (withHello ? new[] { new MeshService { Name = "hello", Namespace = Namespace, Ports = [new ServicePort { Port = Port, Protocol = Mesh.Model.Protocol.Grpc }] } } : []),
        ],
        Routes =
        [
            new HttpRoute
            {
                Name = "greeter", Namespace = Namespace, Host = Greeter,
                Rules =
                [
                    new HttpRouteRule
                    {
                        Matches = [new HttpMatch { Headers = [ValueMatch.Exact("x-canary", "yes")] }],
                        Backends = [new WeightedBackend { Service = Greeter, Subset = "v2" }],
                        Timeout = canaryTimeout,
                    },
                    new HttpRouteRule
                    {
                        Backends = [new WeightedBackend { Service = Greeter, Subset = "v1", Weight = v1Weight }, new WeightedBackend { Service = Greeter, Subset = "v2", Weight = v2Weight }],
                        Timeout = timeout,
                    },
                ],
            },
        ],
    };

    public static EndpointSnapshot Endpoints(int v1Port = 7001, int v2Port = 7002, string v1Address = "127.0.0.1") => new()
    {
        Services =
        [
            new ServiceEndpoints
            {
                Service = Greeter, Port = Port,
                Addresses =
                [
                    new EndpointAddress { Address = v1Address, Port = v1Port, Labels = new Dictionary<string, string> { ["version"] = "v1" } },
                    new EndpointAddress { Address = "127.0.0.1", Port = v2Port, Labels = new Dictionary<string, string> { ["version"] = "v2" } },
                ],
            },
            new ServiceEndpoints
            {
                Service = Hello, Port = Port,
                Addresses = [new EndpointAddress { Address = "127.0.0.1", Port = 7003 }],
            },
        ],
    };

    public static XdsProxy Proxy(string nodeId = "node-1") => XdsProxy.ProxylessGrpc(nodeId, Namespace);

    public static XdsSnapshot Snapshot(MeshConfig? model = null, EndpointSnapshot? endpoints = null, string nodeId = "node-1")
    {
        var result = new XdsEncoder().Build(model ?? Model(), endpoints ?? Endpoints(), Proxy(nodeId));
        return result.Snapshot ?? throw new InvalidOperationException("The test mesh did not encode: " + string.Join("; ", result.Diagnostics));
    }
}
