using System.Text.Json;
using Envoy.Config.Listener.V3;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Envoy.Type.V3;
using Mesh.Collections;
using Mesh.Model;
using static Mesh.Xds.Tests.Samples;
using LocalRateLimitConfig = Envoy.Extensions.Filters.Http.LocalRatelimit.V3.LocalRateLimit;

namespace Mesh.Xds.Tests.Encoding;

/// <summary>
/// Local rate limits in the inbound listener of the limited workload, decoded with the oracle types: the workload's
/// token bucket as the <c>envoy.filters.http.local_ratelimit</c> HTTP filter, route limits as routes of their own with
/// per-route configuration.
/// </summary>
public sealed class RateLimitTests
{
    private const string FilterName = "envoy.filters.http.local_ratelimit";
    private static readonly XdsProxy ReviewsV1 = XdsProxy.Sidecar("reviews-v1", "bookinfo", Reviews, new EquatableMap<string>(new Dictionary<string, string> { ["version"] = "v1" }));
    private static readonly XdsProxy ReviewsV2 = XdsProxy.Sidecar("reviews-v2", "bookinfo", Reviews, new EquatableMap<string>(new Dictionary<string, string> { ["version"] = "v2" }));

    private static MeshConfig WithLimits(params (string? Subset, LocalRateLimit Limit)[] limits)
    {
        var config = Bookinfo();
        var policies = config.DestinationPolicies.Select(p => limits.FirstOrDefault(l => l.Subset == p.Target.Subset && p.Target.Service == Reviews && p.Target.Port is null) is { Limit: { } limit } ? p with { RateLimit = limit } : p).ToList();
        foreach (var (subset, limit) in limits)
        {
            if (!policies.Any(p => p.Target.Service == Reviews && p.Target.Subset == subset && p.Target.Port is null))
            {
                policies.Add(new DestinationPolicy { Target = new PolicyTarget { Service = Reviews, Subset = subset }, RateLimit = limit });
            }
        }
        return config with { DestinationPolicies = [.. policies] };
    }

    private static HttpConnectionManager Inbound(MeshConfig config, XdsProxy proxy)
    {
        var listener = Single<Listener>(Build(config, proxy: proxy), XdsResourceType.Listener, "virtualInbound");
        return Assert.Single(listener.FilterChains).Filters[0].TypedConfig.Unpack<HttpConnectionManager>();
    }

    private static void AssertOn(Envoy.Config.Core.V3.RuntimeFractionalPercent percent)
    {
        Assert.Equal(100u, percent.DefaultValue.Numerator);
        Assert.Equal(FractionalPercent.Types.DenominatorType.Hundred, percent.DefaultValue.Denominator);
    }

    [Fact]
    public void WorkloadLimit_IsALocalRateLimitFilterBeforeTheRouter_WithItsTokenBucket()
    {
        var hcm = Inbound(WithLimits((null, new LocalRateLimit { Requests = 100, Interval = TimeSpan.FromSeconds(2), Burst = 150, Status = 503 })), ReviewsV1);
        Assert.Equal([FilterName, "envoy.filters.http.router"], hcm.HttpFilters.Select(f => f.Name));
        Assert.Equal("type.googleapis.com/envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit", hcm.HttpFilters[0].TypedConfig.TypeUrl);
        var limit = hcm.HttpFilters[0].TypedConfig.Unpack<LocalRateLimitConfig>();
        Assert.Equal("http_local_rate_limiter", limit.StatPrefix);
        Assert.Equal(150u, limit.TokenBucket.MaxTokens);
        Assert.Equal(100u, limit.TokenBucket.TokensPerFill);
        Assert.Equal(TimeSpan.FromSeconds(2), limit.TokenBucket.FillInterval.ToTimeSpan());
        Assert.Equal(StatusCode.ServiceUnavailable, limit.Status.Code);
        AssertOn(limit.FilterEnabled);
        AssertOn(limit.FilterEnforced);
        // No route of its own without route limits.
        Assert.Equal(["default"], Assert.Single(hcm.RouteConfig.VirtualHosts).Routes.Select(r => r.Name));
    }

    [Fact]
    public void Defaults_AreOneSecondABurstOfTheRequestsAndStatus429()
    {
        var limit = Inbound(WithLimits((null, new LocalRateLimit { Requests = 7 })), ReviewsV1).HttpFilters[0].TypedConfig.Unpack<LocalRateLimitConfig>();
        Assert.Equal(7u, limit.TokenBucket.MaxTokens);
        Assert.Equal(7u, limit.TokenBucket.TokensPerFill);
        Assert.Equal(TimeSpan.FromSeconds(1), limit.TokenBucket.FillInterval.ToTimeSpan());
        Assert.Equal(StatusCode.TooManyRequests, limit.Status.Code);
    }

    [Fact]
    public void RouteLimits_AreRoutesBeforeTheDefault_EachWithItsOwnBucket()
    {
        var rateLimit = new LocalRateLimit
        {
            Status = 503,
            Routes =
            [
                new RouteRateLimit { Path = PathMatch.Prefix("/api"), Requests = 5 },
                new RouteRateLimit { Path = PathMatch.Exact("/login"), Requests = 1, Interval = TimeSpan.FromMinutes(1), Burst = 3 },
                new RouteRateLimit { Path = PathMatch.Regex("/items/[0-9]+"), Requests = 20 },
            ],
        };
        var hcm = Inbound(WithLimits((null, rateLimit)), ReviewsV1);
        // Only routes are limited: the filter is there without a bucket of its own.
        var global = hcm.HttpFilters[0].TypedConfig.Unpack<LocalRateLimitConfig>();
        Assert.Equal(FilterName, hcm.HttpFilters[0].Name);
        Assert.Null(global.TokenBucket);
        var routes = Assert.Single(hcm.RouteConfig.VirtualHosts).Routes;
        Assert.Equal(["rate-limit-0", "rate-limit-1", "rate-limit-2", "default"], routes.Select(r => r.Name));
        Assert.Equal("/api", routes[0].Match.Prefix);
        Assert.Equal("/login", routes[1].Match.Path);
        Assert.Equal("/items/[0-9]+", routes[2].Match.SafeRegex.Regex);
        Assert.Equal("/", routes[3].Match.Prefix);
        Assert.All(routes, r => Assert.Equal("inbound|9080||", r.Route_.Cluster));
        Assert.Empty(routes[3].TypedPerFilterConfig);
        var login = routes[1].TypedPerFilterConfig[FilterName].Unpack<LocalRateLimitConfig>();
        Assert.Equal(3u, login.TokenBucket.MaxTokens);
        Assert.Equal(1u, login.TokenBucket.TokensPerFill);
        Assert.Equal(TimeSpan.FromMinutes(1), login.TokenBucket.FillInterval.ToTimeSpan());
        Assert.Equal(StatusCode.ServiceUnavailable, login.Status.Code);
        AssertOn(login.FilterEnabled);
        AssertOn(login.FilterEnforced);
        Assert.Equal(5u, routes[0].TypedPerFilterConfig[FilterName].Unpack<LocalRateLimitConfig>().TokenBucket.MaxTokens);
    }

    [Fact]
    public void ASubsetsLimit_AppliesToItsWorkloadsOnly_AndOverridesTheServices()
    {
        var config = WithLimits((null, new LocalRateLimit { Requests = 100 }), ("v1", new LocalRateLimit { Requests = 10 }));
        Assert.Equal(10u, Inbound(config, ReviewsV1).HttpFilters[0].TypedConfig.Unpack<LocalRateLimitConfig>().TokenBucket.MaxTokens);
        Assert.Equal(100u, Inbound(config, ReviewsV2).HttpFilters[0].TypedConfig.Unpack<LocalRateLimitConfig>().TokenBucket.MaxTokens);
        var onlyV1 = WithLimits(("v1", new LocalRateLimit { Requests = 10 }));
        Assert.Equal(["envoy.filters.http.router"], Inbound(onlyV1, ReviewsV2).HttpFilters.Select(f => f.Name));
    }

    [Fact]
    public void AnotherServicesLimit_IsNotOnThisWorkload_NorOnItsCallers()
    {
        var config = Bookinfo() with { DestinationPolicies = [.. Bookinfo().DestinationPolicies, new DestinationPolicy { Target = new PolicyTarget { Service = Ratings }, RateLimit = new LocalRateLimit { Requests = 1 } }] };
        Assert.Equal(["envoy.filters.http.router"], Inbound(config, ReviewsV1).HttpFilters.Select(f => f.Name));
        // The callers' outbound resources are those of the model without the limit: it is enforced by the ratings workloads.
        var with = Build(config);
        var without = Build(Bookinfo());
        Assert.Equal(without.Listeners.Select(r => r.Version), with.Listeners.Select(r => r.Version));
        Assert.Equal(without.RouteConfigurations.Select(r => r.Version), with.RouteConfigurations.Select(r => r.Version));
        Assert.Equal(without.Clusters.Select(r => r.Version), with.Clusters.Select(r => r.Version));
    }

    [Fact]
    public void ARouteLimitsRegex_TheClientsEngineRejects_IsAnErrorAtItsPath()
    {
        var config = WithLimits((null, new LocalRateLimit { Routes = [new RouteRateLimit { Path = PathMatch.Regex("/x+"), Requests = 1 }] }));
        var encoder = new XdsEncoder(new XdsEncoderOptions { RegexCheck = p => p.Contains('x', StringComparison.Ordinal) ? "no x" : null });

        var result = encoder.Build(config, SampleEndpoints(), ReviewsV1);

        Assert.Null(result.Snapshot);
        var policy = config.DestinationPolicies.ToList().FindIndex(p => p.RateLimit is not null);
        Assert.Equal((XdsDiagnosticCodes.RegexRejected, $"$.spec.destinationPolicies[{policy}].rateLimit.routes[0].path.regex"), Assert.Single(result.Diagnostics, d => d.IsError) is var d ? (d.Code, d.Path) : default);
    }

    [Fact]
    public void Json_RendersTheFilterAndThePerRouteBucket()
    {
        var config = WithLimits((null, new LocalRateLimit { Requests = 100, Burst = 120, Routes = [new RouteRateLimit { Path = PathMatch.Prefix("/api"), Requests = 5, Interval = TimeSpan.FromMilliseconds(500) }] }));
        using var json = JsonDocument.Parse(Build(config, proxy: ReviewsV1).ToJson());
        var inbound = json.RootElement.GetProperty("lds").GetProperty("resources").EnumerateArray().Single(l => l.GetProperty("name").GetString() == "virtualInbound");
        var hcm = inbound.GetProperty("filter_chains")[0].GetProperty("filters")[0].GetProperty("typed_config");
        var filter = hcm.GetProperty("http_filters")[0];
        Assert.Equal(FilterName, filter.GetProperty("name").GetString());
        var config0 = filter.GetProperty("typed_config");
        Assert.Equal("type.googleapis.com/envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit", config0.GetProperty("@type").GetString());
        Assert.Equal("http_local_rate_limiter", config0.GetProperty("stat_prefix").GetString());
        Assert.Equal(120, config0.GetProperty("token_bucket").GetProperty("max_tokens").GetInt32());
        Assert.Equal(100, config0.GetProperty("token_bucket").GetProperty("tokens_per_fill").GetInt32());
        Assert.Equal("1s", config0.GetProperty("token_bucket").GetProperty("fill_interval").GetString());
        Assert.Equal(429, config0.GetProperty("status").GetProperty("code").GetInt32());
        Assert.Equal(100, config0.GetProperty("filter_enforced").GetProperty("default_value").GetProperty("numerator").GetInt32());
        var route = hcm.GetProperty("route_config").GetProperty("virtual_hosts")[0].GetProperty("routes")[0];
        var perRoute = route.GetProperty("typed_per_filter_config")[0];
        Assert.Equal(FilterName, perRoute.GetProperty("key").GetString());
        Assert.Equal("0.5s", perRoute.GetProperty("value").GetProperty("token_bucket").GetProperty("fill_interval").GetString());
    }
}
