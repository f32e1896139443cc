using Envoy.Service.Discovery.V3;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Mesh.Collections;
using Mesh.Model;

namespace Mesh.Xds.Tests;

/// <summary>A small bookinfo-like mesh, its endpoints, and helpers that decode our bytes with the oracle.</summary>
internal static class Samples
{
    public static readonly ServiceRef Reviews = new("reviews", "bookinfo");
    public static readonly ServiceRef Ratings = new("ratings", "bookinfo");
    public static readonly ServiceRef Greeter = new("greeter", "grpc");

    public static MeshConfig Bookinfo(bool strictMtls = false) => new()
    {
        Name = "bookinfo",
        Services =
        [
            new MeshService
            {
                Name = "reviews", Namespace = "bookinfo",
                Ports = [new ServicePort { Port = 9080, Protocol = Protocol.Http }],
                Subsets =
                [
                    new Subset { Name = "v1", Labels = new Dictionary<string, string> { ["version"] = "v1" } },
                    new Subset { Name = "v2", Labels = new Dictionary<string, string> { ["version"] = "v2" } },
                    new Subset { Name = "v3", Labels = new Dictionary<string, string> { ["version"] = "v3" } },
                ],
            },
            new MeshService { Name = "ratings", Namespace = "bookinfo", Ports = [new ServicePort { Port = 9080, Protocol = Protocol.Http }] },
            new MeshService { Name = "greeter", Namespace = "grpc", Ports = [new ServicePort { Port = 50051, Protocol = Protocol.Grpc }] },
        ],
        Routes =
        [
            new HttpRoute
            {
                Name = "reviews", Namespace = "bookinfo", Host = Reviews,
                Rules =
                [
                    new HttpRouteRule
                    {
                        Matches = [new HttpMatch { Headers = [ValueMatch.Exact("end-user", "jason")] }],
                        Backends = [new WeightedBackend { Service = Reviews, Subset = "v2" }],
                    },
                    new HttpRouteRule
                    {
                        Matches = [new HttpMatch { Path = PathMatch.Prefix("/api"), Method = "GET" }],
                        Backends = [new WeightedBackend { Service = Reviews, Subset = "v1", Weight = 75 }, new WeightedBackend { Service = Reviews, Subset = "v3", Weight = 25 }],
                        Timeout = TimeSpan.FromSeconds(10),
                        Retry = new RetryPolicy { Attempts = 3, PerTryTimeout = TimeSpan.FromMilliseconds(2500), On = [RetryCondition.ServerError, RetryCondition.ConnectFailure, RetryCondition.RetriableStatusCodes], StatusCodes = [503], Backoff = new RetryBackoff { BaseInterval = TimeSpan.FromMilliseconds(25), MaxInterval = TimeSpan.FromMilliseconds(250) } },
                        Mirror = new Mirror { Service = Reviews, Subset = "v3", Percentage = 12.5m },
                        RequestHeaders = new HeaderModifier { Set = new Dictionary<string, string> { ["x-env"] = "prod" }, Add = new Dictionary<string, string> { ["x-trace"] = "1" }, Remove = ["x-debug"] },
                        ResponseHeaders = new HeaderModifier { Remove = ["server"] },
                    },
                ],
            },
            new HttpRoute
            {
                Name = "ratings", Namespace = "bookinfo", Host = Ratings,
                Rules =
                [
                    new HttpRouteRule
                    {
                        Matches = [new HttpMatch { Path = PathMatch.Regex("^/ratings/[0-9]+$"), QueryParams = [ValueMatch.Present("debug")] }],
                        Backends = [new WeightedBackend { Service = Ratings }],
                        Fault = new FaultInjection { Delay = new FaultDelay { Duration = TimeSpan.FromSeconds(2), Percentage = 10m }, Abort = new FaultAbort { HttpStatus = 503, Percentage = 0.5m } },
                        Rewrite = new Rewrite { PathPrefix = "/v2/ratings", Authority = "ratings.internal" },
                    },
                    new HttpRouteRule
                    {
                        Matches = [new HttpMatch { Path = PathMatch.Exact("/old") }],
                        Redirect = new Redirect { Path = "/new", StatusCode = 308, Scheme = "https", Port = 8443 },
                    },
                ],
            },
        ],
        DestinationPolicies =
        [
            new DestinationPolicy
            {
                Target = new PolicyTarget { Service = Reviews },
                LoadBalancer = LoadBalancer.HashOn(ConsistentHash.Header("x-user")),
                ConnectionPool = new ConnectionPool { MaxConnections = 100, MaxPendingRequests = 10, MaxRequestsPerConnection = 5, ConnectTimeout = TimeSpan.FromMilliseconds(1500) },
                OutlierDetection = new OutlierDetection { Consecutive5xx = 5, ConsecutiveGatewayErrors = 3, Interval = TimeSpan.FromSeconds(10), BaseEjectionTime = TimeSpan.FromSeconds(30), MaxEjectionPercent = 50 },
            },
            new DestinationPolicy { Target = new PolicyTarget { Service = Reviews, Subset = "v3" }, LoadBalancer = LoadBalancer.LeastRequest },
        ],
        Mtls = strictMtls ? [new MtlsPolicy { Scope = MtlsScope.Mesh, Mode = MtlsMode.Strict }] : [],
    };

    public static EndpointSnapshot SampleEndpoints() => new()
    {
        Services =
        [
            new ServiceEndpoints
            {
                Service = Reviews, Port = 9080,
                Addresses =
                [
                    new EndpointAddress { Address = "10.0.0.12", Labels = Labels("v2"), Locality = new EndpointLocality("r1", "z2"), Weight = 2 },
                    new EndpointAddress { Address = "10.0.0.11", Labels = Labels("v1"), Locality = new EndpointLocality("r1", "z1") },
                    new EndpointAddress { Address = "10.0.0.13", Labels = Labels("v3"), Locality = new EndpointLocality("r1", "z1"), Health = EndpointHealth.Unhealthy },
                    new EndpointAddress { Address = "fd00::14", Port = 19080, Labels = Labels("v1"), Locality = new EndpointLocality("r1", "z1"), Weight = 3 },
                ],
            },
            new ServiceEndpoints { Service = Ratings, Port = 9080, Addresses = [new EndpointAddress { Address = "10.0.1.1" }] },
            new ServiceEndpoints { Service = Greeter, Port = 50051, Addresses = [new EndpointAddress { Address = "10.0.2.1", Locality = new EndpointLocality("r2") }] },
        ],
    };

    public static EquatableMap<string> Labels(string version) => new Dictionary<string, string> { ["version"] = version, ["app"] = "reviews" };

    public static XdsProxy Sidecar => XdsProxy.Sidecar("sidecar~10.0.9.9~productpage.bookinfo~bookinfo.svc.cluster.local", "bookinfo");

    public static XdsProxy Proxyless => XdsProxy.ProxylessGrpc("grpc-client-1", "grpc");

    public static XdsSnapshot Build(MeshConfig? config = null, EndpointSnapshot? endpoints = null, XdsProxy? proxy = null)
    {
        var result = new XdsEncoder().Build(config ?? Bookinfo(), endpoints ?? SampleEndpoints(), proxy ?? Sidecar);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return result.Snapshot!;
    }

    /// <summary>Parses a serialized DiscoveryResponse with the oracle and unpacks its resources.</summary>
    public static List<T> Decode<T>(byte[] response) where T : IMessage<T>, new()
    {
        var parsed = DiscoveryResponse.Parser.ParseFrom(response);
        var typeUrl = "type.googleapis.com/" + new T().Descriptor.FullName;
        Assert.Equal(typeUrl, parsed.TypeUrl);
        Assert.All(parsed.Resources, a => Assert.Equal(typeUrl, a.TypeUrl));
        return [.. parsed.Resources.Select(a => a.Unpack<T>())];
    }

    public static List<T> Decode<T>(XdsSnapshot snapshot, XdsResourceType type) where T : IMessage<T>, new() => Decode<T>(snapshot.ToDiscoveryResponse(type));

    public static T Single<T>(XdsSnapshot snapshot, XdsResourceType type, string name) where T : IMessage<T>, new()
    {
        Assert.True(snapshot[type].TryGet(name, out var resource), $"no {type} named {name}; have: {string.Join(", ", snapshot[type].Select(r => r.Name))}");
        return new MessageParser<T>(() => new T()).ParseFrom(resource.Payload.Span);
    }

    public static T Unpack<T>(Any any) where T : IMessage<T>, new() => any.Unpack<T>();
}
