using Mesh.Model;

namespace Mesh.Providers.Linkerd.Tests.Generators;

/// <summary>Hand-written models covering every routing feature Linkerd expresses.</summary>
internal static class Samples
{
    private static readonly ServiceRef Web = new("web", "shop");
    private static readonly ServiceRef Echo = new("echo", "grpc");

    public static MeshConfig Routing { get; } = new()
    {
        Name = "routing",
        Services =
        [
            new MeshService { Name = "web", Namespace = "shop", Ports = [new ServicePort { Port = 8080, Protocol = Protocol.Http }] },
            new MeshService { Name = "echo", Namespace = "grpc", Ports = [new ServicePort { Port = 7070, Protocol = Protocol.Grpc }] },
        ],
        Routes =
        [
            new HttpRoute
            {
                Name = "web", Namespace = "shop", Host = Web,
                Rules =
                [
                    new HttpRouteRule
                    {
                        Matches = [new HttpMatch { Path = PathMatch.Prefix("/api"), Headers = [ValueMatch.Exact("x-user", "jason")], QueryParams = [ValueMatch.Regex("v", "^[12]$")], Method = "GET" }],
                        Backends = [new WeightedBackend { Service = Web, Port = 8080, Weight = 9 }, new WeightedBackend { Service = new ServiceRef("web-canary", "shop"), Port = 8080, Weight = 1 }],
                        Timeout = TimeSpan.FromSeconds(2),
                        Retry = new RetryPolicy { Attempts = 2, PerTryTimeout = TimeSpan.FromMilliseconds(300), On = [RetryCondition.ServerError, RetryCondition.RetriableStatusCodes], StatusCodes = [429] },
                        RequestHeaders = new HeaderModifier { Set = new Dictionary<string, string> { ["x-env"] = "prod" }, Remove = ["x-debug"] },
                    },
                    new HttpRouteRule
                    {
                        Matches = [new HttpMatch { Path = PathMatch.Exact("/old") }],
                        Timeout = TimeSpan.FromSeconds(2),
                        Retry = new RetryPolicy { Attempts = 2, PerTryTimeout = TimeSpan.FromMilliseconds(300), On = [RetryCondition.ServerError, RetryCondition.RetriableStatusCodes], StatusCodes = [429] },
                        Redirect = new Redirect { Scheme = "https", Path = "/new", StatusCode = 301 },
                    },
                ],
            },
            new HttpRoute
            {
                Name = "echo", Namespace = "grpc", Host = Echo,
                Rules =
                [
                    new HttpRouteRule
                    {
                        Matches = [new HttpMatch { Path = PathMatch.Exact("/echo.Echo/Say") }],
                        Backends = [new WeightedBackend { Service = new ServiceRef("echo-v2", "grpc"), Port = 7070 }],
                        Retry = new RetryPolicy { Attempts = 3, On = [RetryCondition.Unavailable, RetryCondition.Cancelled] },
                    },
                ],
            },
        ],
    };
}
