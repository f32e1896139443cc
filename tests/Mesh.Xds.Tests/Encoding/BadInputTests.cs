using Mesh.Collections;
using Mesh.Diagnostics;
using Mesh.Model;
using static Mesh.Xds.Tests.Samples;

namespace Mesh.Xds.Tests.Encoding;

public sealed class BadInputTests
{
    private static XdsBuildResult Build(MeshConfig config, EndpointSnapshot? endpoints = null, XdsProxy? proxy = null) =>
        new XdsEncoder().Build(config, endpoints ?? SampleEndpoints(), proxy ?? Sidecar);

    /// <summary>The ratings route with one rule; a rule that names no backends and does not redirect gets ratings itself.</summary>
    private static MeshConfig WithRule(HttpRouteRule rule) => Bookinfo() with
    {
        Routes = [new HttpRoute { Name = "r", Namespace = "bookinfo", Host = Ratings, Rules = [rule.Backends.IsEmpty && rule.Redirect is null ? rule with { Backends = [new WeightedBackend { Service = Ratings }] } : rule] }],
    };

    /// <summary>
    /// The model's problems are the validator's (MESH20xx, and MESH10xx for nulls and unknown enum values), reported
    /// once each, without the encoder's provider or codes.
    /// </summary>
    private static void AssertValidatorErrorsOnly(XdsBuildResult result)
    {
        Assert.Null(result.Snapshot);
        Assert.All(result.Diagnostics, d => Assert.DoesNotMatch("^MESH40", d.Code.Value));
        Assert.All(result.Diagnostics, d => Assert.Null(d.Provider));
        Assert.Equal(result.Diagnostics.Count, result.Diagnostics.Select(d => (d.Code, d.Path)).Distinct().Count());
    }

    [Theory]
    [InlineData("(?=foo)bar")]
    [InlineData("(?<!a)b")]
    [InlineData("(a)\\1")]
    public void RegexRe2Rejects_IsOneValidatorErrorWithItsPath_AndNoSnapshot(string pattern)
    {
        var result = Build(WithRule(new HttpRouteRule { Matches = [new HttpMatch { Path = PathMatch.Regex(pattern) }] }));
        AssertValidatorErrorsOnly(result);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.RegexUnsupported, diagnostic.Code);
        Assert.Equal("$.spec.routes[0].rules[0].matches[0].path.regex", diagnostic.Path);
    }

    public static TheoryData<string, HttpRouteRule, string, string> ProblemsBothUsedToReport => new()
    {
        { "negative weight", new HttpRouteRule { Backends = [new WeightedBackend { Service = Ratings, Weight = -1 }, new WeightedBackend { Service = Reviews, Weight = 2 }] }, "MESH2005", "$.spec.routes[0].rules[0].backends[0].weight" },
        { "bad regex", new HttpRouteRule { Matches = [new HttpMatch { Headers = [ValueMatch.Regex("h", "a++")] }] }, "MESH2013", "$.spec.routes[0].rules[0].matches[0].headers[0].regex" },
        { "dangling subset", new HttpRouteRule { Backends = [new WeightedBackend { Service = Reviews, Subset = "v9" }] }, "MESH2002", "$.spec.routes[0].rules[0].backends[0].subset" },
        { "percentage", new HttpRouteRule { Fault = new FaultInjection { Abort = new FaultAbort { HttpStatus = 503, Percentage = 100.5m } } }, "MESH2007", "$.spec.routes[0].rules[0].fault.abort.percentage" },
        { "abort status", new HttpRouteRule { Fault = new FaultInjection { Abort = new FaultAbort { HttpStatus = 700 } } }, "MESH2016", "$.spec.routes[0].rules[0].fault.abort.httpStatus" },
        { "negative timeout", new HttpRouteRule { Timeout = TimeSpan.FromSeconds(-1) }, "MESH2008", "$.spec.routes[0].rules[0].timeout" },
    };

    [Theory]
    [MemberData(nameof(ProblemsBothUsedToReport))]
    public void AProblemTheValidatorAndTheEncoderBothCouldReport_IsReportedOnce(string problem, HttpRouteRule rule, string code, string path)
    {
        var result = Build(WithRule(rule));
        AssertValidatorErrorsOnly(result);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.True(diagnostic.Code.Value == code && diagnostic.Path == path, $"{problem}: {diagnostic}");
    }

    [Fact]
    public void AProblemOfARule_IsReportedOnce_ThoughItsHostHasTwoHttpPorts()
    {
        var two = new ServiceRef("two", "bookinfo");
        HttpRouteRule Rule(string pattern) => new()
        {
            Matches = [new HttpMatch { Path = PathMatch.Regex(pattern), QueryParams = [ValueMatch.Absent("q")] }],
            Backends = [new WeightedBackend { Service = two, Port = 80 }],
        };
        MeshConfig Config(string pattern) => Bookinfo() with
        {
            Services = [.. Bookinfo().Services, new MeshService { Name = "two", Namespace = "bookinfo", Ports = [new ServicePort { Port = 80, Protocol = Protocol.Http }, new ServicePort { Port = 8080, Protocol = Protocol.Grpc }] }],
            Routes = [new HttpRoute { Name = "r", Namespace = "bookinfo", Host = two, Rules = [Rule(pattern)] }],
        };

        // The validator's problem: one per model element.
        var invalid = Build(Config("(?=x)a"));
        Assert.Equal(DiagnosticCodes.RegexUnsupported, Assert.Single(invalid.Diagnostics).Code);

        // The encoder's (a pattern the caller's regex engine rejects, an absent query parameter): planned once per
        // HTTP port of the host, reported once.
        var encoder = new XdsEncoder(new XdsEncoderOptions { RegexCheck = p => p.Contains('x', StringComparison.Ordinal) ? "no x" : null });
        var result = encoder.Build(Config("x+"), SampleEndpoints(), Sidecar);
        Assert.Equal(XdsDiagnosticCodes.RegexRejected, Assert.Single(result.Diagnostics, d => d.IsError).Code);
        Assert.Single(result.Diagnostics, d => d.Code == XdsDiagnosticCodes.NotEncoded);
    }

    [Fact]
    public void RegexCheck_IsPluggable_AndRunsOnValidModels()
    {
        var encoder = new XdsEncoder(new XdsEncoderOptions { RegexCheck = p => p.Contains('x', StringComparison.Ordinal) ? "no x" : null });
        var config = WithRule(new HttpRouteRule { Matches = [new HttpMatch { Headers = [ValueMatch.Regex("h", "x+")], QueryParams = [ValueMatch.Regex("q", "xy")] }] });
        var result = encoder.Build(config, SampleEndpoints(), Sidecar);
        Assert.Null(result.Snapshot);
        Assert.Equal(
            [(XdsDiagnosticCodes.RegexRejected, "$.spec.routes[0].rules[0].matches[0].headers[0].regex"), (XdsDiagnosticCodes.RegexRejected, "$.spec.routes[0].rules[0].matches[0].queryParams[0].regex")],
            result.Diagnostics.Where(d => d.IsError).Select(d => (d.Code, d.Path)));
    }

    [Fact]
    public void Re2Checker_OfModelValidation_AcceptsRe2_AndRejectsWhatRe2CannotRun()
    {
        Assert.Null(Mesh.Validation.Re2.Check("^/api/v[0-9]+/(users|groups)/[^/]+$"));
        Assert.Null(Mesh.Validation.Re2.Check("[(?=]literal"));
        Assert.Null(Mesh.Validation.Re2.Check("\\(?=x"));
        Assert.NotNull(Mesh.Validation.Re2.Check("a++"));
        Assert.NotNull(Mesh.Validation.Re2.Check("(?>a)"));
    }

    [Fact]
    public void UnknownBackendServiceSubsetOrPort_AreValidatorErrorsWithPaths()
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
        AssertValidatorErrorsOnly(result);
        Assert.Equal(
            [
                (DiagnosticCodes.DanglingService, "$.spec.routes[0].rules[0].backends[0].service"),
                (DiagnosticCodes.DanglingSubset, "$.spec.routes[0].rules[0].backends[1].subset"),
                (DiagnosticCodes.DanglingPort, "$.spec.routes[0].rules[0].backends[2].port"),
            ],
            result.Diagnostics.Select(d => (d.Code, d.Path)));
    }

    [Fact]
    public void BackendsTheEncoderCannotResolve_AreUnknownReferenceErrors()
    {
        // A wildcard host that DNS would have to resolve has no cluster, so a backend naming its service has nowhere to go.
        var config = WithRule(new HttpRouteRule { Backends = [new WeightedBackend { Service = new ServiceRef("google", "bookinfo"), Weight = 1 }] }) with
        {
            ExternalServices = [new ExternalService { Name = "google", Namespace = "bookinfo", Hosts = ["*.google.com"], Ports = [new ServicePort { Port = 443, Protocol = Protocol.Http }] }],
        };
        Assert.Empty(Mesh.Validation.MeshValidator.Validate(config));
        var result = Build(config);
        Assert.Null(result.Snapshot);
        Assert.Equal(
            [(XdsDiagnosticCodes.UnknownReference, "$.spec.routes[0].rules[0].backends[0].service")],
            result.Diagnostics.Where(d => d.IsError).Select(d => (d.Code, d.Path)));
    }

    [Fact]
    public void ABackendWithoutAPort_OnAServiceWithOtherPorts_IsWarnedByValidation_AndAnEncoderError()
    {
        // Without a port the call goes to the request's port, which "multi" does not have: validation warns, and the
        // encoder, which has no cluster to send such a request to, refuses it.
        var config = WithRule(new HttpRouteRule { Backends = [new WeightedBackend { Service = new ServiceRef("multi", "bookinfo"), Weight = 1 }] }) with
        {
            Services = [.. Bookinfo().Services, new MeshService { Name = "multi", Namespace = "bookinfo", Ports = [new ServicePort { Port = 81, Protocol = Protocol.Http }, new ServicePort { Port = 82, Protocol = Protocol.Http }] }],
        };
        var validation = Mesh.Validation.MeshValidator.Validate(config);
        Assert.DoesNotContain(validation, d => d.IsError);
        Assert.Contains(validation, d => d.Code == Mesh.Diagnostics.DiagnosticCodes.DanglingPort && d.Path == "$.spec.routes[0].rules[0].backends[0].port");
        var result = Build(config);
        Assert.Null(result.Snapshot);
        Assert.Equal(
            [(XdsDiagnosticCodes.UnknownReference, "$.spec.routes[0].rules[0].backends[0].port")],
            result.Diagnostics.Where(d => d.IsError).Select(d => (d.Code, d.Path)));
    }

    [Fact]
    public void RouteForAnExternalService_IsNotEncodedForProxylessClients_WithAWarning()
    {
        var google = new ServiceRef("google", "bookinfo");
        var config = Bookinfo() with
        {
            ExternalServices = [new ExternalService { Name = "google", Namespace = "bookinfo", Hosts = ["google.com"], Ports = [new ServicePort { Port = 443, Protocol = Protocol.Http }] }],
            Routes = [.. Bookinfo().Routes, new HttpRoute { Name = "g", Namespace = "bookinfo", Host = google, Rules = [new HttpRouteRule { Backends = [new WeightedBackend { Service = google }] }] }],
        };
        var result = Build(config, proxy: Proxyless);
        Assert.NotNull(result.Snapshot);
        Assert.Contains(result.Diagnostics, d => d.Code == XdsDiagnosticCodes.NotEncoded && d.Path == "$.spec.routes[2]");
        Assert.Contains(result.Diagnostics, d => d.Code == XdsDiagnosticCodes.NotEncoded && d.Path == "$.spec.externalServices[0]");
        Assert.DoesNotContain(result.Snapshot.Clusters, c => c.Name.Contains("google.com", StringComparison.Ordinal));
        // A sidecar gets the route: nothing about it is reported.
        var sidecar = Build(config);
        Assert.DoesNotContain(sidecar.Diagnostics, d => d.Path == "$.spec.routes[2]");
    }

    [Fact]
    public void RouteForUnknownHost_IsAValidatorError()
    {
        var config = Bookinfo() with { Routes = [new HttpRoute { Name = "r", Namespace = "x", Host = new ServiceRef("ghost", "x") }] };
        var result = Build(config);
        AssertValidatorErrorsOnly(result);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.DanglingService, "$.spec.routes[0].host"), (diagnostic.Code, diagnostic.Path));
    }

    [Fact]
    public void DuplicateServices_AreValidatorErrors()
    {
        var config = Bookinfo() with { Services = [.. Bookinfo().Services, Bookinfo().Services[1]] };
        var result = Build(config);
        AssertValidatorErrorsOnly(result);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.DuplicateName, "$.spec.services[3].name"), (diagnostic.Code, diagnostic.Path));
    }

    [Fact]
    public void DuplicatePortsAndOutOfRangePorts_AreValidatorErrors()
    {
        var config = Bookinfo() with
        {
            Services = [new MeshService { Name = "a", Namespace = "n", Ports = [new ServicePort { Port = 80, Protocol = Protocol.Http }, new ServicePort { Port = 80, Protocol = Protocol.Http }, new ServicePort { Port = 70000, Protocol = Protocol.Http }] }],
            Routes = [],
            DestinationPolicies = [],
        };
        var result = Build(config, EndpointSnapshot.Empty);
        AssertValidatorErrorsOnly(result);
        Assert.Equal(
            [(DiagnosticCodes.DuplicateName, "$.spec.services[0].ports[1].port"), (DiagnosticCodes.PortOutOfRange, "$.spec.services[0].ports[2].port")],
            result.Diagnostics.Select(d => (d.Code, d.Path)).OrderBy(p => p.Path, StringComparer.Ordinal));
    }

    [Fact]
    public void TwoRoutesForOneHost_AreAValidatorError_NotMerged()
    {
        var config = Bookinfo() with { Routes = [.. Bookinfo().Routes, Bookinfo().Routes[0] with { Name = "reviews-2" }] };
        var result = Build(config);
        AssertValidatorErrorsOnly(result);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.ConflictingRoutes, "$.spec.routes[2].host"), (diagnostic.Code, diagnostic.Path));
    }

    [Fact]
    public void ZeroTimeoutsAndTooManyRetries_AreValidatorErrors()
    {
        var result = Build(WithRule(new HttpRouteRule { Timeout = TimeSpan.Zero, Retry = new RetryPolicy { Attempts = 11, PerTryTimeout = TimeSpan.Zero } }));
        AssertValidatorErrorsOnly(result);
        Assert.Equal(
            [
                (DiagnosticCodes.RetryOutOfRange, "$.spec.routes[0].rules[0].retry.attempts"),
                (DiagnosticCodes.NonPositiveDuration, "$.spec.routes[0].rules[0].retry.perTryTimeout"),
                (DiagnosticCodes.NonPositiveDuration, "$.spec.routes[0].rules[0].timeout"),
            ],
            result.Diagnostics.Select(d => (d.Code, d.Path)).OrderBy(p => p.Path, StringComparer.Ordinal));
    }

    [Fact]
    public void APercentageOutOfRange_IsReportedInInvariantCulture()
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            var result = Build(WithRule(new HttpRouteRule { Mirror = new Mirror { Service = Ratings, Percentage = 100.5m } }));
            var diagnostic = Assert.Single(result.Diagnostics);
            Assert.Equal("$.spec.routes[0].rules[0].mirror.percentage", diagnostic.Path);
            Assert.Contains("100.5", diagnostic.Message, StringComparison.Ordinal);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void AnInvalidModel_IsNotPlanned_AndNothingDownstreamThrows()
    {
        var encoder = new XdsEncoder();
        var compiled = encoder.Compile(WithRule(new HttpRouteRule { Backends = [new WeightedBackend { Service = Ratings, Weight = -1 }, new WeightedBackend { Service = Reviews }] }), Sidecar);
        Assert.True(compiled.HasErrors);
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        foreach (var type in XdsSnapshot.ResourceTypes)
        {
            Assert.Equal(0, compiled.CountOf(type));
            output.ResetWrittenCount();
            XdsEncoder.WriteDiscoveryResponse(compiled, SampleEndpoints(), type, output);
            var response = Envoy.Service.Discovery.V3.DiscoveryResponse.Parser.ParseFrom(output.WrittenSpan);
            Assert.Equal(XdsTypeUrls.Of(type), response.TypeUrl);
            Assert.Empty(response.Resources);
        }
        // The endpoints' values are still checked; whether the model has their services is not known, so not reported.
        var endpoints = SampleEndpoints() with { Services = [.. SampleEndpoints().Services, new ServiceEndpoints { Service = new ServiceRef("ghost", "x"), Port = 80, Addresses = [new EndpointAddress { Address = "not-an-ip" }] }] };
        var result = encoder.Encode(compiled, endpoints);
        Assert.Null(result.Snapshot);
        Assert.Equal(
            [(DiagnosticCodes.NegativeWeight, "$.spec.routes[0].rules[0].backends[0].weight"), (XdsDiagnosticCodes.InvalidAddress, "$.endpoints[3].addresses[0].address")],
            result.Diagnostics.Select(d => (d.Code, d.Path)));
    }

    [Fact]
    public void NullsInsideTheModel_AreValidatorErrors_NotExceptions()
    {
        var config = Bookinfo() with { Services = [.. Bookinfo().Services, null!], Routes = [Bookinfo().Routes[0] with { Rules = [null!] }] };
        var result = Build(config);
        AssertValidatorErrorsOnly(result);
        Assert.Equal(
            [(DiagnosticCodes.MissingRequired, "$.spec.services[3]"), (DiagnosticCodes.MissingRequired, "$.spec.routes[0].rules[0]")],
            result.Diagnostics.Select(d => (d.Code, d.Path)));
    }

    [Fact]
    public void ValidatorWarnings_AreReported_AndDoNotStopEncoding()
    {
        // The second rule has the first's matches: it can never match.
        var rule = new HttpRouteRule { Matches = [new HttpMatch { Path = PathMatch.Exact("/a") }], Backends = [new WeightedBackend { Service = Ratings }] };
        var config = Bookinfo() with { Routes = [new HttpRoute { Name = "r", Namespace = "bookinfo", Host = Ratings, Rules = [rule, rule] }] };
        var result = Build(config);
        Assert.NotNull(result.Snapshot);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Warning, DiagnosticCodes.ConflictingRoutes, "$.spec.routes[0].rules[1].matches"), (warning.Severity, warning.Code, warning.Path));
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
            TcpRoutes = [new TcpRoute { Name = "t", Namespace = "bookinfo", Host = Ratings, Backends = [new WeightedBackend { Service = Ratings }] }],
            ExternalServices = [new ExternalService { Name = "google", Namespace = "bookinfo", Hosts = ["google.com"], Ports = [new ServicePort { Port = 443, Protocol = Protocol.Tls }] }],
            AccessPolicies = [new AccessPolicy { Name = "deny-all", Namespace = "bookinfo", Action = AccessAction.Deny, Target = new PolicyTarget { Service = Ratings } }],
            Routes = [new HttpRoute { Name = "c", Namespace = "bookinfo", Host = Ratings, Rules = [new HttpRouteRule { Cors = new CorsPolicy { AllowOrigins = ["*"] }, Backends = [new WeightedBackend { Service = Ratings }] }] }],
        };
        var result = Build(config, proxy: XdsProxy.Sidecar("n", "bookinfo", new ServiceRef("db", "bookinfo")));
        Assert.NotNull(result.Snapshot);
        Assert.Equal(
            ["$.spec.routes[0].rules[0].cors", "$.spec.tcpRoutes[0]"],
            result.Diagnostics.Where(d => d.Code == XdsDiagnosticCodes.NotEncoded).Select(d => d.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AbsentQueryParameter_IsReported()
    {
        var result = Build(WithRule(new HttpRouteRule { Matches = [new HttpMatch { QueryParams = [ValueMatch.Absent("q")] }] }));
        Assert.Contains(result.Diagnostics, d => d.Code == XdsDiagnosticCodes.NotEncoded && d.Path == "$.spec.routes[0].rules[0].matches[0].queryParams[0]");
    }

    [Fact]
    public void UnsupportedRedirectStatus_IsAValidatorError()
    {
        var result = Build(WithRule(new HttpRouteRule { Redirect = new Redirect { Path = "/x", StatusCode = 305 } }));
        AssertValidatorErrorsOnly(result);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.InvalidStatusCode, "$.spec.routes[0].rules[0].redirect.statusCode"), (diagnostic.Code, diagnostic.Path));
    }

    [Fact]
    public void ZeroWeights_AreAValidatorError()
    {
        var result = Build(WithRule(new HttpRouteRule { Backends = [new WeightedBackend { Service = Ratings, Weight = 0 }] }));
        AssertValidatorErrorsOnly(result);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.NoEffectiveBackends, "$.spec.routes[0].rules[0].backends"), (diagnostic.Code, diagnostic.Path));
    }

    [Fact]
    public void ModelValuesOutOfRange_AreValidatorErrorsWithPaths_EachReportedOnce()
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
        AssertValidatorErrorsOnly(result);
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
            "$.spec.routes[0].rules[0].retry.backoff.baseInterval",
            "$.spec.routes[0].rules[0].retry.statusCodes[0]",
            "$.spec.routes[0].rules[0].timeout",
        ], result.Diagnostics.Where(d => d.IsError).Select(d => d.Path).Order(StringComparer.Ordinal));
        // Status codes without retriable-status-codes are ignored: a warning.
        var warning = Assert.Single(result.Diagnostics, d => !d.IsError);
        Assert.Equal((DiagnosticCodes.RetryStatusCodes, "$.spec.routes[0].rules[0].retry.statusCodes"), (warning.Code, warning.Path));
    }

    [Fact]
    public void EmptyNodeId_IsAnInvalidProxyError()
    {
        var result = Build(Bookinfo(), proxy: XdsProxy.Sidecar("", "bookinfo"));
        Assert.Equal(XdsDiagnosticCodes.InvalidProxy, Assert.Single(result.Diagnostics, d => d.IsError).Code);
    }

    [Fact]
    public void AnInvalidProxy_IsReportedWithTheModelsProblems()
    {
        var result = Build(WithRule(new HttpRouteRule { Timeout = TimeSpan.Zero }), proxy: XdsProxy.Sidecar("", "bookinfo"));
        Assert.Equal(
            [(DiagnosticCodes.NonPositiveDuration, "$.spec.routes[0].rules[0].timeout"), (XdsDiagnosticCodes.InvalidProxy, "$.proxy.nodeId")],
            result.Diagnostics.Select(d => (d.Code, d.Path)));
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
