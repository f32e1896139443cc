using Mesh.Diagnostics;
using Mesh.Model;
using static Mesh.Providers.AppMesh.Tests.Export.Models;

namespace Mesh.Providers.AppMesh.Tests.Export;

/// <summary>Routes: retries, per-port expansion, gRPC routes, header and query matches, TCP routes.</summary>
public sealed class RouteExportTests
{
    private static readonly ServiceRef Api = new("api", "shop");

    [Fact]
    public void RetryConditions_BecomeRetryEvents()
    {
        var retry = new RetryPolicy { Attempts = 3, PerTryTimeout = TimeSpan.FromMilliseconds(1500), On = [RetryCondition.ServerError, RetryCondition.Retriable4xx, RetryCondition.RefusedStream, RetryCondition.ConnectFailure] };
        var export = new Exported(Routed(Rule(To(Reviews, "v1")) with { Retry = retry }));
        var policy = export.Router("reviews").Spec.Routes![0].HttpRoute!.RetryPolicy!;
        Assert.Equal(3, policy.MaxRetries);
        Assert.Equal((1500L, "ms"), (policy.PerRetryTimeout!.Value!.Value, policy.PerRetryTimeout.Unit!));
        Assert.Equal(["server-error", "client-error", "stream-error"], policy.HttpRetryEvents!);
        Assert.Equal(["connection-error"], policy.TcpRetryEvents!);
        Assert.Null(policy.GrpcRetryEvents);
        Assert.DoesNotContain(export.Diagnostics, d => d.Path.StartsWith("$.spec.routes[0].rules[0].retry", StringComparison.Ordinal));
    }

    [Fact]
    public void RetryWithoutConditionsOrPerTryTimeout_TakesAppMeshDefaults_Approximated()
    {
        var export = new Exported(Routed(Rule(To(Reviews, "v1")) with { Retry = new RetryPolicy { Attempts = 2 } }));
        var policy = export.Router("reviews").Spec.Routes![0].HttpRoute!.RetryPolicy!;
        Assert.Equal(["server-error", "gateway-error"], policy.HttpRetryEvents!);
        Assert.Equal(["connection-error"], policy.TcpRetryEvents!);
        Assert.Equal((15L, "s"), (policy.PerRetryTimeout!.Value!.Value, policy.PerRetryTimeout.Unit!));
        Assert.Equal(2, export.Diagnostics.Count(d => d.Code == DiagnosticCodes.Approximated && d.Path == "$.spec.routes[0].rules[0].retry"));
    }

    [Fact]
    public void UnexpressibleRetryConditions_AreReported_AndAPolicyWithoutEventsIsNotWritten()
    {
        var retry = new RetryPolicy { Attempts = 2, On = [RetryCondition.Reset, RetryCondition.Unavailable] };
        var export = new Exported(Routed(Rule(To(Reviews, "v1")) with { Retry = retry }));
        Assert.Null(export.Router("reviews").Spec.Routes![0].HttpRoute!.RetryPolicy);
        export.At(DiagnosticCodes.Unsupported, "$.spec.routes[0].rules[0].retry.on[0]");
        Assert.Contains("gRPC routes only", export.At(DiagnosticCodes.Unsupported, "$.spec.routes[0].rules[0].retry.on[1]").Message, StringComparison.Ordinal);
        export.At(DiagnosticCodes.Unsupported, "$.spec.routes[0].rules[0].retry");
    }

    [Fact]
    public void MultiPortHost_GetsOneRoutePerPort_WithMatchAndTargetPorts()
    {
        var model = new MeshConfig
        {
            Name = "shop",
            Services = [new MeshService { Name = "api", Namespace = "shop", Ports = [Http(8080), Port(9090, Protocol.Grpc), Port(5432, Protocol.Tcp)] }],
            Routes = [new HttpRoute { Name = "api", Namespace = "shop", Host = Api, Rules = [new HttpRouteRule { Matches = [new HttpMatch { Path = PathMatch.Prefix("/") }], Backends = [To(Api)] }] }],
            TcpRoutes = [new TcpRoute { Name = "db", Namespace = "shop", Host = Api, Port = 5432, Backends = [To(Api, port: 5432)] }],
        };
        var router = new Exported(model).Router("api");
        Assert.Equal([(8080, "http"), (9090, "grpc"), (5432, "tcp")], router.Spec.Listeners!.Select(l => (l.PortMapping!.Port!.Value, l.PortMapping.Protocol!)));
        Assert.Equal(["api-r0-p8080", "api-r0-p9090", "db-tcp-p5432"], router.Spec.Routes!.Select(r => r.Name!));
        Assert.Equal([0, 1, 2], router.Spec.Routes!.Select(r => r.Priority!.Value));
        var http = router.Spec.Routes![0].HttpRoute!;
        Assert.Equal((8080, 8080), (http.Match!.Port!.Value, Assert.Single(http.Action!.WeightedTargets!).Port!.Value));
        var grpc = router.Spec.Routes[1].GrpcRoute!;
        Assert.Equal((9090, 9090), (grpc.Match!.Port!.Value, Assert.Single(grpc.Action!.WeightedTargets!).Port!.Value));
        var tcp = router.Spec.Routes[2].TcpRoute!;
        Assert.Equal((5432, 5432), (tcp.Match!.Port!.Value, Assert.Single(tcp.Action!.WeightedTargets!).Port!.Value));
    }

    [Fact]
    public void SeveralMatches_AreOneRouteEach()
    {
        var rule = Rule(To(Reviews, "v2")) with { Matches = [new HttpMatch { Path = PathMatch.Exact("/a") }, new HttpMatch { Path = PathMatch.Regex("/b/[0-9]+") }] };
        var routes = new Exported(Routed(rule, Rule(To(Reviews, "v1")))).Router("reviews").Spec.Routes!;
        Assert.Equal(["reviews-r0-m0", "reviews-r0-m1", "reviews-r1"], routes.Select(r => r.Name!));
        Assert.Equal("/a", routes[0].HttpRoute!.Match!.Path!.Exact);
        Assert.Equal("/b/[0-9]+", routes[1].HttpRoute!.Match!.Path!.Regex);
        Assert.Null(routes[0].HttpRoute!.Match!.Prefix);
    }

    [Fact]
    public void GrpcRoute_MatchesServiceAndMethod_AndHeadersAsMetadata()
    {
        var model = new MeshConfig
        {
            Name = "shop",
            Services = [new MeshService { Name = "api", Namespace = "shop", Ports = [Port(9090, Protocol.Grpc)], Subsets = [Version("v1"), Version("v2")] }],
            Routes =
            [
                new HttpRoute
                {
                    Name = "api",
                    Namespace = "shop",
                    Host = Api,
                    Rules =
                    [
                        new HttpRouteRule { Matches = [new HttpMatch { Path = PathMatch.Exact("/shop.Cart/Add"), Headers = [ValueMatch.Present("x-canary")] }], Backends = [To(Api, "v2")], Retry = new RetryPolicy { Attempts = 1, PerTryTimeout = TimeSpan.FromSeconds(1), On = [RetryCondition.Unavailable] } },
                        new HttpRouteRule { Matches = [new HttpMatch { Path = PathMatch.Prefix("/shop.Cart/") }], Backends = [To(Api, "v1")] },
                    ],
                },
            ],
        };
        var routes = new Exported(model).Router("api").Spec.Routes!;
        var method = routes[0].GrpcRoute!;
        Assert.Equal(("shop.Cart", "Add"), (method.Match!.ServiceName, method.Match.MethodName));
        var metadata = Assert.Single(method.Match.Metadata!);
        Assert.Equal(("x-canary", (object?)null, (bool?)null), (metadata.Name, (object?)metadata.Match, metadata.Invert));
        Assert.Equal(["unavailable"], method.RetryPolicy!.GrpcRetryEvents!);
        var service = routes[1].GrpcRoute!;
        Assert.Equal(("shop.Cart", (string?)null), (service.Match!.ServiceName, service.Match.MethodName));
    }

    [Fact]
    public void GrpcRegexPath_IsNotWritten_AndReported()
    {
        var model = new MeshConfig
        {
            Name = "shop",
            Services = [new MeshService { Name = "api", Namespace = "shop", Ports = [Port(9090, Protocol.Grpc)] }],
            Routes = [new HttpRoute { Name = "api", Namespace = "shop", Host = Api, Rules = [new HttpRouteRule { Matches = [new HttpMatch { Path = PathMatch.Regex("/shop.*") }], Backends = [To(Api)] }] }],
        };
        var export = new Exported(model);
        Assert.Null(export.Router("api").Spec.Routes);
        export.At(DiagnosticCodes.Unsupported, "$.spec.routes[0].rules[0].matches[0].path");
    }

    [Fact]
    public void HeaderPresentAndAbsent_AreANameAndAnInvertedName()
    {
        var rule = Rule(To(Reviews, "v2")) with { Matches = [new HttpMatch { Headers = [ValueMatch.Present("x-a"), ValueMatch.Absent("x-b"), ValueMatch.Prefix("x-c", "pre"), ValueMatch.Regex("x-d", "v[0-9]")] }] };
        var headers = new Exported(Routed(rule)).Router("reviews").Spec.Routes![0].HttpRoute!.Match!.Headers!;
        Assert.Equal(("x-a", (bool?)null), (headers[0].Name, headers[0].Invert));
        Assert.Null(headers[0].Match);
        Assert.Equal(("x-b", (bool?)true), (headers[1].Name, headers[1].Invert));
        Assert.Null(headers[1].Match);
        Assert.Equal("pre", headers[2].Match!.Prefix);
        Assert.Equal("v[0-9]", headers[3].Match!.Regex);
    }

    [Fact]
    public void QueryAndMethod_ExactAreWritten_OthersReported()
    {
        var rule = Rule(To(Reviews, "v2")) with { Matches = [new HttpMatch { Method = "GET", QueryParams = [ValueMatch.Exact("a", "1"), ValueMatch.Prefix("b", "x")] }] };
        var export = new Exported(Routed(rule));
        var match = export.Router("reviews").Spec.Routes![0].HttpRoute!.Match!;
        Assert.Equal("GET", match.Method);
        Assert.Equal(("a", "1"), (Assert.Single(match.QueryParameters!).Name, match.QueryParameters![0].Match!.Exact));
        Assert.Contains("exact value only", export.At(DiagnosticCodes.Unsupported, "$.spec.routes[0].rules[0].matches[0].queryParams[1]").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MethodOutsideTheEnum_IsReported()
    {
        var export = new Exported(Routed(Rule(To(Reviews, "v2")) with { Matches = [new HttpMatch { Method = "PURGE" }] }));
        Assert.Null(export.Router("reviews").Spec.Routes![0].HttpRoute!.Match!.Method);
        export.At(DiagnosticCodes.Unsupported, "$.spec.routes[0].rules[0].matches[0].method");
    }

    [Fact]
    public void MoreThanTenHeaders_TheRestIsReported()
    {
        var headers = Enumerable.Range(0, 11).Select(i => ValueMatch.Exact($"x-{i}", "v")).ToArray();
        var export = new Exported(Routed(Rule(To(Reviews, "v2")) with { Matches = [new HttpMatch { Headers = [.. headers] }] }));
        Assert.Equal(10, export.Router("reviews").Spec.Routes![0].HttpRoute!.Match!.Headers!.Count);
        export.At(DiagnosticCodes.Unsupported, "$.spec.routes[0].rules[0].matches[0].headers[10]");
    }

    [Fact]
    public void MoreThanTenTargets_TheRestIsReported()
    {
        var subsets = Enumerable.Range(0, 11).Select(i => Version($"v{i}")).ToArray();
        var model = new MeshConfig
        {
            Name = "bookinfo",
            Services = [ReviewsService(subsets)],
            Routes = [new HttpRoute { Name = "reviews", Namespace = "bookinfo", Host = Reviews, Rules = [Rule([.. subsets.Select(s => To(Reviews, s.Name))])] }],
        };
        var export = new Exported(model);
        Assert.Equal(10, export.Router("reviews").Spec.Routes![0].HttpRoute!.Action!.WeightedTargets!.Count);
        Assert.Contains("at most 10", export.At(DiagnosticCodes.Unsupported, "$.spec.routes[0].rules[0].backends").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TcpRoute_OnAnHttpPort_IsReported()
    {
        var model = Routed(Rule(To(Reviews, "v1"))) with { TcpRoutes = [new TcpRoute { Name = "raw", Namespace = "bookinfo", Host = Reviews, Port = 9080, Backends = [To(Reviews, "v1")] }] };
        var export = new Exported(model);
        Assert.DoesNotContain(export.Router("reviews").Spec.Routes!, r => r.TcpRoute is not null);
        export.At(DiagnosticCodes.Unsupported, "$.spec.tcpRoutes[0].port");
    }

    [Fact]
    public void BackendInAnotherNamespace_NamesItsNamespace()
    {
        var other = new MeshService { Name = "legacy", Namespace = "old", Ports = [Http(9080)] };
        var model = Routed(Rule(To(Reviews, "v1", 50), To(other.Reference, weight: 50))) with { Services = [.. Routed().Services, other] };
        var targets = new Exported(model).Router("reviews").Spec.Routes![0].HttpRoute!.Action!.WeightedTargets!;
        Assert.Equal([(null, "reviews-v1"), ("old", "legacy")], targets.Select(t => (t.VirtualNodeRef!.Namespace, t.VirtualNodeRef.Name!)));
    }
}
