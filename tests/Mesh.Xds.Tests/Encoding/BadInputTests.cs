using Mesh.Collections;
using Mesh.Model;
using static Mesh.Xds.Tests.Samples;

namespace Mesh.Xds.Tests.Encoding;

public sealed class BadInputTests
{
    private static XdsBuildResult Build(MeshConfig config, EndpointSnapshot? endpoints = null, XdsProxy? proxy = null) =>
        new XdsEncoder().Build(config, endpoints ?? SampleEndpoints(), proxy ?? Sidecar);

    private static MeshConfig WithRule(HttpRouteRule rule) => Bookinfo() with
    {
        Routes = [new HttpRoute { Name = "r", Namespace = "bookinfo", Host = Ratings, Rules = [rule] }],
    };

    [Theory]
    [InlineData("(?=foo)bar")]
    [InlineData("(?<!a)b")]
    [InlineData("(a)\\1")]
    public void RegexRe2Rejects_IsAnErrorWithItsPath_AndNoSnapshot(string pattern)
    {
        var result = Build(WithRule(new HttpRouteRule { Matches = [new HttpMatch { Path = PathMatch.Regex(pattern) }] }));
        Assert.Null(result.Snapshot);
        var diagnostic = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(XdsDiagnosticCodes.RegexRejected, diagnostic.Code);
        Assert.Equal("$.spec.routes[0].rules[0].matches[0].path.regex", diagnostic.Path);
    }

    [Fact]
    public void AProblemOfARule_IsReportedOnce_ThoughItsHostHasTwoHttpPorts()
    {
        var config = Bookinfo() with
        {
            Services = [.. Bookinfo().Services, new MeshService { Name = "two", Namespace = "bookinfo", Ports = [new ServicePort { Port = 80, Protocol = Protocol.Http }, new ServicePort { Port = 8080, Protocol = Protocol.Grpc }] }],
            Routes =
            [
                new HttpRoute
                {
                    Name = "r",
                    Namespace = "bookinfo",
                    Host = new ServiceRef("two", "bookinfo"),
                    Rules = [new HttpRouteRule { Matches = [new HttpMatch { Path = PathMatch.Regex("(?=x)a"), QueryParams = [ValueMatch.Absent("q")] }] }],
                },
            ],
        };
        var result = Build(config);
        Assert.Equal(XdsDiagnosticCodes.RegexRejected, Assert.Single(result.Diagnostics, d => d.IsError).Code);
        Assert.Single(result.Diagnostics, d => d.Code == XdsDiagnosticCodes.NotEncoded);
    }

    [Fact]
    public void RegexCheck_IsPluggable()
    {
        var encoder = new XdsEncoder(new XdsEncoderOptions { RegexCheck = p => p.Contains('x', StringComparison.Ordinal) ? "no x" : null });
        var config = WithRule(new HttpRouteRule { Matches = [new HttpMatch { Headers = [ValueMatch.Regex("h", "x+")] }] });
        var result = encoder.Build(config, SampleEndpoints(), Sidecar);
        Assert.Equal("$.spec.routes[0].rules[0].matches[0].headers[0].regex", Assert.Single(result.Diagnostics, d => d.IsError).Path);
    }

    [Fact]
    public void DefaultRegexCheck_IsTheSdkRe2Checker()
    {
        Assert.Null(Mesh.Validation.Re2.Check("^/api/v[0-9]+/(users|groups)/[^/]+$"));
        Assert.Null(Mesh.Validation.Re2.Check("[(?=]literal"));
        Assert.Null(Mesh.Validation.Re2.Check("\\(?=x"));
        Assert.NotNull(Mesh.Validation.Re2.Check("a++"));
        Assert.NotNull(Mesh.Validation.Re2.Check("(?>a)"));
    }

    [Fact]
    public void UnknownBackendServiceSubsetOrPort_AreErrorsWithPaths()
    {
        var result = Build(WithRule(new HttpRouteRule
        {
            Backends =
            [
                new WeightedBackend { Service = new ServiceRef("nope", "bookinfo") },
                new WeightedBackend { Service = Reviews, Subset = "v9" },
                new WeightedBackend { Service = Reviews, Port = 1234 },
            ],
        }));
        Assert.Null(result.Snapshot);
        Assert.Equal(
            ["$.spec.routes[0].rules[0].backends[0].service", "$.spec.routes[0].rules[0].backends[1].subset", "$.spec.routes[0].rules[0].backends[2].port"],
            result.Diagnostics.Where(d => d.IsError).Select(d => d.Path));
        Assert.All(result.Diagnostics.Where(d => d.IsError), d => Assert.Equal(XdsDiagnosticCodes.UnknownReference, d.Code));
    }

    [Fact]
    public void RouteForUnknownHost_IsAnError()
    {
        var config = Bookinfo() with { Routes = [new HttpRoute { Name = "r", Namespace = "x", Host = new ServiceRef("ghost", "x") }] };
        var diagnostic = Assert.Single(Build(config).Diagnostics, d => d.IsError);
        Assert.Equal("$.spec.routes[0].host", diagnostic.Path);
    }

    [Fact]
    public void DuplicateServices_AreDuplicateResourceErrors()
    {
        var config = Bookinfo() with { Services = [.. Bookinfo().Services, Bookinfo().Services[1]] };
        var diagnostic = Assert.Single(Build(config).Diagnostics, d => d.IsError);
        Assert.Equal(XdsDiagnosticCodes.DuplicateResource, diagnostic.Code);
        Assert.Equal("$.spec.services[3]", diagnostic.Path);
    }

    [Fact]
    public void DuplicatePortsAndOutOfRangePorts_AreErrors()
    {
        var config = Bookinfo() with
        {
            Services = [new MeshService { Name = "a", Namespace = "n", Ports = [new ServicePort { Port = 80, Protocol = Protocol.Http }, new ServicePort { Port = 80, Protocol = Protocol.Http }, new ServicePort { Port = 70000, Protocol = Protocol.Http }] }],
            Routes = [],
            DestinationPolicies = [],
        };
        var errors = Build(config, EndpointSnapshot.Empty).Diagnostics.Where(d => d.IsError).ToList();
        Assert.Contains(errors, d => d.Code == XdsDiagnosticCodes.DuplicateResource && d.Path == "$.spec.services[0].ports[1]");
        Assert.Contains(errors, d => d.Code == XdsDiagnosticCodes.PortOutOfRange && d.Path == "$.spec.services[0].ports[2].port");
    }

    [Fact]
    public void EndpointsForUnknownServiceOrPort_AreReportedAndIgnored()
    {
        var endpoints = SampleEndpoints() with
        {
            Services = [.. SampleEndpoints().Services, new ServiceEndpoints { Service = new ServiceRef("ghost", "x"), Port = 80 }, new ServiceEndpoints { Service = Ratings, Port = 81 }],
        };
        var result = Build(Bookinfo(), endpoints);
        Assert.NotNull(result.Snapshot);
        Assert.Contains(result.Diagnostics, d => d.Code == XdsDiagnosticCodes.UnknownService && d.Path == "$.endpoints[3].service");
        Assert.Contains(result.Diagnostics, d => d.Code == XdsDiagnosticCodes.UnknownService && d.Path == "$.endpoints[4].port");
    }

    [Fact]
    public void EndpointsBuiltInCode_AreCheckedToo()
    {
        var endpoints = new EndpointSnapshot
        {
            Services = [new ServiceEndpoints { Service = Ratings, Port = 9080, Addresses = [new EndpointAddress { Address = "ratings-1" }, new EndpointAddress { Address = "10.0.0.1", Port = 0, Weight = 0 }] }],
        };
        var result = Build(Bookinfo(), endpoints);
        Assert.Null(result.Snapshot);
        Assert.Equal(
            [(XdsDiagnosticCodes.InvalidAddress, "$.endpoints[0].addresses[0].address"), (XdsDiagnosticCodes.PortOutOfRange, "$.endpoints[0].addresses[1].port"), (XdsDiagnosticCodes.InvalidValue, "$.endpoints[0].addresses[1].weight")],
            result.Diagnostics.Where(d => d.IsError).Select(d => (d.Code, d.Path)));
    }

    [Fact]
    public void UnencodedFeatures_AreWarnings_NeverSilentlyDropped()
    {
        var config = Bookinfo() with
        {
            TcpRoutes = [new TcpRoute { Name = "t", Namespace = "bookinfo", Host = Ratings }],
            ExternalServices = [new ExternalService { Name = "google", Namespace = "bookinfo", Hosts = ["google.com"] }],
            AccessPolicies = [new AccessPolicy { Name = "deny-all", Namespace = "bookinfo", Action = AccessAction.Deny, Target = new PolicyTarget { Service = Ratings } }],
            Routes = [new HttpRoute { Name = "c", Namespace = "bookinfo", Host = Ratings, Rules = [new HttpRouteRule { Cors = new CorsPolicy { AllowOrigins = ["*"] } }] }],
        };
        var result = Build(config, proxy: XdsProxy.Sidecar("n", "bookinfo", new ServiceRef("db", "bookinfo")));
        Assert.NotNull(result.Snapshot);
        Assert.Equal(
            ["$.spec.externalServices[0]", "$.spec.routes[0].rules[0].cors", "$.spec.tcpRoutes[0]"],
            result.Diagnostics.Where(d => d.Code == XdsDiagnosticCodes.NotEncoded).Select(d => d.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AbsentQueryParameter_IsReported()
    {
        var result = Build(WithRule(new HttpRouteRule { Matches = [new HttpMatch { QueryParams = [ValueMatch.Absent("q")] }] }));
        Assert.Contains(result.Diagnostics, d => d.Code == XdsDiagnosticCodes.NotEncoded && d.Path == "$.spec.routes[0].rules[0].matches[0].queryParams[0]");
    }

    [Fact]
    public void UnsupportedRedirectStatus_IsAnError()
    {
        var result = Build(WithRule(new HttpRouteRule { Redirect = new Redirect { Path = "/x", StatusCode = 305 } }));
        Assert.Equal("$.spec.routes[0].rules[0].redirect.statusCode", Assert.Single(result.Diagnostics, d => d.IsError).Path);
    }

    [Fact]
    public void ZeroWeights_AreAnError()
    {
        var result = Build(WithRule(new HttpRouteRule { Backends = [new WeightedBackend { Service = Ratings, Weight = 0 }] }));
        Assert.Equal("$.spec.routes[0].rules[0].backends", Assert.Single(result.Diagnostics, d => d.IsError).Path);
    }

    [Fact]
    public void ValuesEnvoyWouldReject_AreErrorsWithPaths()
    {
        var config = WithRule(new HttpRouteRule
        {
            Timeout = TimeSpan.FromSeconds(-1),
            Retry = new RetryPolicy { Attempts = -1, StatusCodes = [42], Backoff = new RetryBackoff { BaseInterval = TimeSpan.Zero } },
            Fault = new FaultInjection { Delay = new FaultDelay { Duration = TimeSpan.Zero, Percentage = 101m }, Abort = new FaultAbort { HttpStatus = 700 } },
            Mirror = new Mirror { Service = Ratings, Percentage = -1m },
        }) with
        {
            DestinationPolicies =
            [
                new DestinationPolicy
                {
                    Target = new PolicyTarget { Service = Ratings },
                    ConnectionPool = new ConnectionPool { ConnectTimeout = TimeSpan.Zero },
                    OutlierDetection = new OutlierDetection { Interval = TimeSpan.Zero, BaseEjectionTime = TimeSpan.FromSeconds(-1), MaxEjectionPercent = 101 },
                },
            ],
        };
        var result = Build(config);
        Assert.Null(result.Snapshot);
        Assert.Equal(
        [
            "$.spec.destinationPolicies[0].connectionPool.connectTimeout",
            "$.spec.destinationPolicies[0].outlierDetection.baseEjectionTime",
            "$.spec.destinationPolicies[0].outlierDetection.interval",
            "$.spec.destinationPolicies[0].outlierDetection.maxEjectionPercent",
            "$.spec.routes[0].rules[0].fault.abort.httpStatus",
            "$.spec.routes[0].rules[0].fault.delay.duration",
            "$.spec.routes[0].rules[0].fault.delay.percentage",
            "$.spec.routes[0].rules[0].mirror.percentage",
            "$.spec.routes[0].rules[0].retry.attempts",
            "$.spec.routes[0].rules[0].retry.backoff",
            "$.spec.routes[0].rules[0].retry.statusCodes[0]",
            "$.spec.routes[0].rules[0].timeout",
        ], result.Diagnostics.Where(d => d.IsError).Select(d => d.Path).Order(StringComparer.Ordinal));
        Assert.All(result.Diagnostics.Where(d => d.IsError), d => Assert.Equal(XdsDiagnosticCodes.InvalidValue, d.Code));
    }

    [Fact]
    public void EmptyNodeId_IsAnInvalidProxyError()
    {
        var result = Build(Bookinfo(), proxy: XdsProxy.Sidecar("", "bookinfo"));
        Assert.Equal(XdsDiagnosticCodes.InvalidProxy, Assert.Single(result.Diagnostics, d => d.IsError).Code);
    }

    [Fact]
    public void StrictMtlsForProxyless_IsReported()
    {
        var result = Build(Bookinfo(strictMtls: true), proxy: Proxyless);
        Assert.Contains(result.Diagnostics, d => d.Code == XdsDiagnosticCodes.NotEncoded && d.Path == "$.spec.mtls[0]");
    }

    [Fact]
    public void AccessPolicyForAServiceWithoutHttpPorts_IsReported()
    {
        var config = Bookinfo() with
        {
            Services = [.. Bookinfo().Services, new MeshService { Name = "db", Namespace = "bookinfo", Ports = [new ServicePort { Port = 5432, Protocol = Protocol.Tcp }] }],
            AccessPolicies = [new AccessPolicy { Name = "p", Namespace = "bookinfo", Action = AccessAction.Deny }],
        };
        var result = Build(config, proxy: XdsProxy.Sidecar("n", "bookinfo", new ServiceRef("db", "bookinfo")));
        Assert.Contains(result.Diagnostics, d => d.Code == XdsDiagnosticCodes.NotEncoded && d.Path == "$.spec.accessPolicies[0]");
    }

    [Fact]
    public void WorkloadScopedMtls_IsReportedForSidecars()
    {
        var config = Bookinfo() with { Mtls = [new MtlsPolicy { Scope = new MtlsScope { Namespace = "bookinfo", Workload = new EquatableMap<string>(new Dictionary<string, string> { ["app"] = "x" }) }, Mode = MtlsMode.Strict }] };
        Assert.Contains(Build(config).Diagnostics, d => d.Code == XdsDiagnosticCodes.NotEncoded && d.Path == "$.spec.mtls[0]");
    }
}
