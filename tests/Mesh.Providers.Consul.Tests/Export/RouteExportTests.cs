using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.Consul.Resources;
using static Mesh.Providers.Consul.Tests.Export.Models;

namespace Mesh.Providers.Consul.Tests.Export;

/// <summary>HTTP routes as one ServiceRouter per host: matches, destinations, retries, timeouts, rewrites and headers.</summary>
public sealed class RouteExportTests
{
    [Fact]
    public void Matches_MapFieldByField_OneConsulRoutePerMatch()
    {
        var rule = new HttpRouteRule
        {
            Matches =
            [
                new HttpMatch
                {
                    Path = PathMatch.Prefix("/api"),
                    Headers = [ValueMatch.Exact("x-env", "canary"), ValueMatch.Prefix("x-user", "test-"), ValueMatch.Regex("x-id", "[0-9]+"), ValueMatch.Present("x-debug"), ValueMatch.Absent("x-skip")],
                    QueryParams = [ValueMatch.Exact("a", "1"), ValueMatch.Regex("b", "x.*"), ValueMatch.Present("c")],
                    Method = "POST",
                },
                new HttpMatch { Path = PathMatch.Regex("/v[0-9]+/.*") },
                new HttpMatch { Path = PathMatch.Exact("/health") },
            ],
            Backends = [To("v2")],
        };
        var export = new Exported(Shop(Route("api", rule)));
        var router = export.Get<ServiceRouter>("api");
        Assert.Equal(3, router.Spec.Routes!.Count);
        var http = router.Spec.Routes[0].Match!.Http!;
        Assert.Equal("/api", http.PathPrefix);
        Assert.Equal(["POST"], http.Methods!);
        Assert.Equal("canary", http.Header![0].Exact);
        Assert.Equal("test-", http.Header[1].Prefix);
        Assert.Equal("[0-9]+", http.Header[2].Regex);
        Assert.True(http.Header[3].Present);
        Assert.True(http.Header[4].Present);
        Assert.True(http.Header[4].Invert);
        Assert.Equal(("1", "x.*", true), (http.QueryParam![0].Exact, http.QueryParam[1].Regex, http.QueryParam[2].Present));
        Assert.Equal("/v[0-9]+/.*", router.Spec.Routes[1].Match!.Http!.PathRegex);
        Assert.Equal("/health", router.Spec.Routes[2].Match!.Http!.PathExact);
        Assert.All(router.Spec.Routes, r => Assert.Equal(("api", "v2"), (r.Destination!.Service, r.Destination.ServiceSubset)));
        Assert.Equal("api/0,api/0,api/0", router.Metadata.Annotations!["mesh-sdk.io/route-sources"]);
    }

    [Fact]
    public void QueryPrefix_IsAnAnchoredRegex_AndQueryAbsentDropsTheMatch()
    {
        var prefix = new HttpRouteRule { Matches = [new HttpMatch { QueryParams = [ValueMatch.Prefix("q", "a.b")] }], Backends = [To("v1")] };
        var absent = new HttpRouteRule { Matches = [new HttpMatch { QueryParams = [ValueMatch.Absent("q")] }], Backends = [To("v2")] };
        var export = new Exported(Shop(Route("api", prefix, absent)));
        var routes = export.Get<ServiceRouter>("api").Spec.Routes!;
        Assert.Equal(@"a\.b.*", Assert.Single(routes).Match!.Http!.QueryParam![0].Regex);
        Assert.True(export.Has(DiagnosticCodes.Unsupported, "$.spec.routes[0].rules[1].matches[0].queryParams[0]"));
    }

    [Fact]
    public void RetriesTimeoutsAndHeaders_GoOnTheDestination()
    {
        var rule = new HttpRouteRule
        {
            Backends = [To("v1")],
            Timeout = TimeSpan.FromMilliseconds(1500),
            Retry = new RetryPolicy
            {
                Attempts = 3,
                On = [RetryCondition.ServerError, RetryCondition.ConnectFailure, RetryCondition.Unavailable, RetryCondition.RetriableStatusCodes],
                StatusCodes = [503, 429],
            },
            RequestHeaders = new HeaderModifier { Set = new Dictionary<string, string> { ["x-a"] = "1" }, Remove = ["x-b"] },
            ResponseHeaders = new HeaderModifier { Add = new Dictionary<string, string> { ["x-c"] = "2" } },
        };
        var destination = new Exported(Shop(Route("api", rule))).Get<ServiceRouter>("api").Spec.Routes![0].Destination!;
        Assert.Equal("1500ms", destination.RequestTimeout);
        Assert.Equal(3, destination.NumRetries);
        Assert.Equal(["5xx", "unavailable"], destination.RetryOn!);
        Assert.True(destination.RetryOnConnectFailure);
        Assert.Equal([503, 429], destination.RetryOnStatusCodes!);
        Assert.Equal("1", destination.RequestHeaders!.Set!["x-a"]);
        Assert.Equal(["x-b"], destination.RequestHeaders.Remove!);
        Assert.Equal("2", destination.ResponseHeaders!.Add!["x-c"]);
    }

    [Fact]
    public void ZeroAttempts_WritesNoRetryField_AndPerTryTimeoutAndBackoffAreReported()
    {
        var zero = new HttpRouteRule { Matches = [new HttpMatch { Path = PathMatch.Exact("/a") }], Backends = [To("v1")], Retry = new RetryPolicy { Attempts = 0 } };
        var tuned = new HttpRouteRule
        {
            Backends = [To("v2")],
            Retry = new RetryPolicy { Attempts = 2, PerTryTimeout = TimeSpan.FromSeconds(1), Backoff = new RetryBackoff { BaseInterval = TimeSpan.FromMilliseconds(100) } },
        };
        var export = new Exported(Shop(Route("api", zero, tuned)));
        var routes = export.Get<ServiceRouter>("api").Spec.Routes!;
        Assert.Null(routes[0].Destination!.NumRetries);
        Assert.Equal(2, routes[1].Destination!.NumRetries);
        Assert.True(export.Has(DiagnosticCodes.Unsupported, "$.spec.routes[0].rules[1].retry.perTryTimeout"));
        Assert.True(export.Has(DiagnosticCodes.Unsupported, "$.spec.routes[0].rules[1].retry.backoff"));
    }

    [Fact]
    public void PrefixRewrite_NeedsAPrefixOrExactMatch()
    {
        var prefixed = new HttpRouteRule { Matches = [new HttpMatch { Path = PathMatch.Prefix("/old") }], Backends = [To("v1")], Rewrite = new Rewrite { PathPrefix = "/new" } };
        var regex = new HttpRouteRule { Matches = [new HttpMatch { Path = PathMatch.Regex("/r.*") }], Backends = [To("v1")], Rewrite = new Rewrite { PathPrefix = "/x" } };
        var bare = new HttpRouteRule { Backends = [To("v2")], Rewrite = new Rewrite { PathPrefix = "/y" } };
        var export = new Exported(Shop(Route("api", prefixed, regex, bare)));
        var routes = export.Get<ServiceRouter>("api").Spec.Routes!;
        Assert.Equal("/new", routes[0].Destination!.PrefixRewrite);
        Assert.Null(routes[1].Destination!.PrefixRewrite);
        Assert.True(export.Has(DiagnosticCodes.Unsupported, "$.spec.routes[0].rules[1].rewrite.pathPrefix"));
        Assert.Equal(("/", "/y"), (routes[2].Match!.Http!.PathPrefix, routes[2].Destination!.PrefixRewrite));
    }

    [Fact]
    public void RoutedServices_GetAnHttpProtocol_AndATcpHostIsNotRouted()
    {
        var onDb = new HttpRoute { Name = "db", Namespace = "shop", Host = Db, Rules = [new HttpRouteRule { Backends = [new WeightedBackend { Service = Db }] }] };
        var export = new Exported(Shop(Route("api", new HttpRouteRule { Backends = [To("v1")] }), onDb));
        Assert.Equal("http", export.Get<ServiceDefaults>("api").Spec.Protocol);
        Assert.Equal("tcp", export.Get<ServiceDefaults>("db").Spec.Protocol);
        Assert.Null(export.Find<ServiceRouter>("db"));
        Assert.True(export.Has(DiagnosticCodes.Unsupported, "$.spec.routes[1]"));
    }

    [Fact]
    public void EmptyValues_AreTheEmptyRegexOrPresence_BecauseConsulDropsEmptyStrings()
    {
        var rule = new HttpRouteRule
        {
            Matches = [new HttpMatch { Headers = [ValueMatch.Exact("x-a", ""), ValueMatch.Prefix("x-b", "")], QueryParams = [ValueMatch.Exact("q", "")] }],
            Backends = [To("v1")],
        };
        var http = new Exported(Shop(Route("api", rule))).Get<ServiceRouter>("api").Spec.Routes![0].Match!.Http!;
        Assert.Equal(("^$", null), (http.Header![0].Regex, http.Header[0].Exact));
        Assert.True(http.Header[1].Present);
        Assert.Null(http.Header[1].Prefix);
        Assert.Equal("^$", http.QueryParam![0].Regex);
    }

    [Fact]
    public void ARuleToATcpService_IsNotWritten()
    {
        var rule = new HttpRouteRule { Matches = [new HttpMatch { Path = PathMatch.Prefix("/db") }], Backends = [new WeightedBackend { Service = Db }] };
        var export = new Exported(Shop(Route("api", rule, new HttpRouteRule { Backends = [To("v1")] })));
        var route = Assert.Single(export.Get<ServiceRouter>("api").Spec.Routes!);
        Assert.Equal("v1", route.Destination!.ServiceSubset);
        Assert.True(export.Has(DiagnosticCodes.Unsupported, "$.spec.routes[0].rules[0].backends[0]"));
    }

    [Fact]
    public void BackendPort_IsNoted_WhenTheServicesOnly_Reported_WhenOneOfSeveral()
    {
        var only = new Exported(Shop(Route("api", new HttpRouteRule { Backends = [new WeightedBackend { Service = Api, Subset = "v1", Port = 8080 }] })));
        Assert.True(only.Has(DiagnosticCodes.TranslationNote, "$.spec.routes[0].rules[0].backends[0].port"));
        Assert.False(only.Has(DiagnosticCodes.Unsupported, "$.spec.routes[0].rules[0].backends[0].port"));
        // Consul registers one port per service: traffic reaches that one, whichever port the backend names.
        var model = Shop(Route("api", new HttpRouteRule { Backends = [new WeightedBackend { Service = Api, Subset = "v1", Port = 9090 }] }));
        var several = new Exported(model with { Services = [.. model.Services.Select(s => s.Reference == Api ? s with { Ports = [Http(8080), Http(9090)] } : s)] });
        Assert.True(several.Has(DiagnosticCodes.Unsupported, "$.spec.routes[0].rules[0].backends[0].port"));
        Assert.Equal("v1", Assert.Single(several.Get<ServiceRouter>("api").Spec.Routes!).Destination!.ServiceSubset);
    }
}
