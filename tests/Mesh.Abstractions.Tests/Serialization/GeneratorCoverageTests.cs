using CsCheck;
using Mesh.Model;
using Mesh.Testing;

namespace Mesh.Abstractions.Tests.Serialization;

/// <summary>
/// Checks the claim that <see cref="MeshGenerators.Config"/> covers every feature: across the samples the
/// round-trip tests draw, every enum value appears and every optional field is seen both set and unset.
/// </summary>
public class GeneratorCoverageTests
{
    private const int Samples = 500;

    private static readonly Lazy<List<MeshConfig>> Configs = new(() =>
    {
        var configs = new List<MeshConfig>();
        var gate = new object();
        MeshGenerators.Config.Sample(c => { lock (gate) configs.Add(c); }, iter: Samples, seed: "0N0XIzNsQ0O2");
        return configs;
    });

    private static IEnumerable<HttpRouteRule> Rules => Configs.Value.SelectMany(c => c.Routes).SelectMany(r => r.Rules);

    private static IEnumerable<HttpMatch> Matches => Rules.SelectMany(r => r.Matches);

    private static IEnumerable<WeightedBackend> Backends =>
        Rules.SelectMany(r => r.Backends).Concat(Configs.Value.SelectMany(c => c.TcpRoutes).SelectMany(t => t.Backends));

    private static void Both<T>(IEnumerable<T> items, Func<T, bool> isSet, string what)
    {
        var list = items.ToList();
        Assert.True(list.Any(isSet), $"{what} is never set in {Samples} samples");
        Assert.True(list.Any(i => !isSet(i)), $"{what} is never unset in {Samples} samples");
    }

    private static void Every<TEnum>(IEnumerable<TEnum> seen) where TEnum : struct, Enum =>
        Assert.Empty(Enum.GetValues<TEnum>().Except(seen));

    [Fact]
    public void TheSampleHasTheStatedSize() => Assert.Equal(Samples, Configs.Value.Count);

    [Fact]
    public void EveryEnumValue_Appears()
    {
        var configs = Configs.Value;
        Every(configs.SelectMany(c => c.Services).SelectMany(s => s.Ports).Concat(configs.SelectMany(c => c.ExternalServices).SelectMany(e => e.Ports)).Select(p => p.Protocol));
        Every(Matches.Where(m => m.Path is not null).Select(m => m.Path!.Kind));
        Every(Matches.SelectMany(m => m.Headers).Select(h => h.Kind));
        Every(Matches.SelectMany(m => m.QueryParams).Select(h => h.Kind));
        Every(Rules.Where(r => r.Retry is not null).SelectMany(r => r.Retry!.On));
        var balancers = configs.SelectMany(c => c.DestinationPolicies).Select(p => p.LoadBalancer).OfType<LoadBalancer>().ToList();
        Every(balancers.Select(b => b.Algorithm));
        Every(balancers.Where(b => b.ConsistentHash is not null).Select(b => b.ConsistentHash!.Key));
        Every(configs.SelectMany(c => c.Mtls).Select(m => m.Mode));
        Every(configs.SelectMany(c => c.Mtls).Select(m => m.Scope.Kind));
        Every(configs.SelectMany(c => c.AccessPolicies).Select(p => p.Action));
        Every(configs.SelectMany(c => c.ExternalServices).Select(e => e.Resolution));
    }

    [Fact]
    public void EveryTopLevelCollection_IsSeenEmptyAndFilled()
    {
        var configs = Configs.Value;
        Both(configs, c => c.Services.Count > 1, "more than one service");
        Both(configs, c => !c.Routes.IsEmpty, "routes");
        Both(configs, c => !c.TcpRoutes.IsEmpty, "tcpRoutes");
        Both(configs, c => !c.DestinationPolicies.IsEmpty, "destinationPolicies");
        Both(configs, c => !c.Mtls.IsEmpty, "mtls");
        Both(configs, c => !c.AccessPolicies.IsEmpty, "accessPolicies");
        Both(configs, c => !c.ExternalServices.IsEmpty, "externalServices");
        Both(configs.SelectMany(c => c.Services), s => !s.Subsets.IsEmpty, "service subsets");
        Both(configs.SelectMany(c => c.Services).SelectMany(s => s.Ports), p => p.Name is not null, "port name");
        Both(configs.SelectMany(c => c.Services).SelectMany(s => s.Subsets), s => !s.Labels.IsEmpty, "subset labels");
        Both(configs.SelectMany(c => c.Services), s => !s.Selector.IsEmpty, "service selector");
        Both(configs.SelectMany(c => c.Services).SelectMany(s => s.Ports), p => p.TargetPort is not null, "service target port");
        Both(configs.SelectMany(c => c.Services).SelectMany(s => s.Ports), p => p.TargetPort?.Name is not null, "named target port");
    }

    [Fact]
    public void EveryOptionalPartOfARule_IsSeenSetAndUnset()
    {
        Both(Rules, r => !r.Matches.IsEmpty, "rule matches");
        Both(Rules, r => !r.Backends.IsEmpty, "rule backends");
        Both(Rules, r => r.Timeout is not null, "timeout");
        Both(Rules, r => r.Retry is not null, "retry");
        Both(Rules, r => r.Fault is not null, "fault");
        Both(Rules, r => r.Mirror is not null, "mirror");
        Both(Rules, r => r.Rewrite is not null, "rewrite");
        Both(Rules, r => r.Redirect is not null, "redirect");
        Both(Rules, r => r.RequestHeaders is not null, "requestHeaders");
        Both(Rules, r => r.ResponseHeaders is not null, "responseHeaders");
        Both(Rules, r => r.Cors is not null, "cors");

        Both(Matches, m => m.Path is not null, "match path");
        Both(Matches, m => !m.Headers.IsEmpty, "match headers");
        Both(Matches, m => !m.QueryParams.IsEmpty, "match queryParams");
        Both(Matches, m => m.Method is not null, "match method");

        Both(Backends, b => b.Subset is not null, "backend subset");
        Both(Backends, b => b.Port is not null, "backend port");
        Assert.Contains(Backends, b => b.Weight == 0);

        var retries = Rules.Select(r => r.Retry).OfType<RetryPolicy>().ToList();
        Both(retries, r => r.PerTryTimeout is not null, "retry perTryTimeout");
        Both(retries, r => !r.On.IsEmpty, "retry on");
        Both(retries, r => !r.StatusCodes.IsEmpty, "retry statusCodes");
        Both(retries, r => r.Backoff is not null, "retry backoff");
        Both(retries.Select(r => r.Backoff).OfType<RetryBackoff>(), b => b.MaxInterval is not null, "backoff maxInterval");
        Assert.Contains(retries, r => r.Attempts == 0);
        Assert.Contains(retries, r => r.Attempts == 10);

        var faults = Rules.Select(r => r.Fault).OfType<FaultInjection>().ToList();
        Both(faults, f => f.Delay is not null, "fault delay");
        Both(faults, f => f.Abort is not null, "fault abort");
        Assert.Contains(faults, f => f.Delay is { } d && d.Percentage != decimal.Truncate(d.Percentage));

        var mirrors = Rules.Select(r => r.Mirror).OfType<Mirror>().ToList();
        Both(mirrors, m => m.Subset is not null, "mirror subset");
        Both(mirrors, m => m.Port is not null, "mirror port");

        var rewrites = Rules.Select(r => r.Rewrite).OfType<Rewrite>().ToList();
        Both(rewrites, r => r.PathPrefix is not null, "rewrite pathPrefix");
        Both(rewrites, r => r.FullPath is not null, "rewrite fullPath");
        Both(rewrites, r => r.Authority is not null, "rewrite authority");

        var redirects = Rules.Select(r => r.Redirect).OfType<Redirect>().ToList();
        Both(redirects, r => r.Scheme is not null, "redirect scheme");
        Both(redirects, r => r.Host is not null, "redirect host");
        Both(redirects, r => r.Port is not null, "redirect port");
        Both(redirects, r => r.Path is not null, "redirect path");
        Both(redirects, r => r.PathPrefix is not null, "redirect pathPrefix");

        var headers = Rules.SelectMany(r => new[] { r.RequestHeaders, r.ResponseHeaders }).OfType<HeaderModifier>().ToList();
        Both(headers, h => !h.Set.IsEmpty, "header set");
        Both(headers, h => !h.Add.IsEmpty, "header add");
        Both(headers, h => !h.Remove.IsEmpty, "header remove");

        var cors = Rules.Select(r => r.Cors).OfType<CorsPolicy>().ToList();
        Both(cors, c => !c.AllowOrigins.IsEmpty, "cors allowOrigins");
        Both(cors, c => !c.AllowMethods.IsEmpty, "cors allowMethods");
        Both(cors, c => !c.AllowHeaders.IsEmpty, "cors allowHeaders");
        Both(cors, c => !c.ExposeHeaders.IsEmpty, "cors exposeHeaders");
        Both(cors, c => c.MaxAge is not null, "cors maxAge");
        Both(cors, c => c.AllowCredentials is not null, "cors allowCredentials");
        Assert.Contains(cors, c => c.AllowCredentials == false);
    }

    [Fact]
    public void EveryOptionalPartOfPoliciesAndEgress_IsSeenSetAndUnset()
    {
        var configs = Configs.Value;
        var tcp = configs.SelectMany(c => c.TcpRoutes).ToList();
        Both(tcp, t => t.Port is not null, "tcp port");

        var destinations = configs.SelectMany(c => c.DestinationPolicies).ToList();
        Both(destinations, d => d.Target.Subset is not null, "destination target subset");
        Both(destinations, d => d.LoadBalancer is not null, "loadBalancer");
        Both(destinations, d => d.ConnectionPool is not null, "connectionPool");
        Both(destinations, d => d.OutlierDetection is not null, "outlierDetection");
        var pools = destinations.Select(d => d.ConnectionPool).OfType<ConnectionPool>().ToList();
        Both(pools, p => p.MaxConnections is not null, "maxConnections");
        Both(pools, p => p.MaxPendingRequests is not null, "maxPendingRequests");
        Both(pools, p => p.MaxRequests is not null, "maxRequests");
        Both(pools, p => p.MaxRequestsPerConnection is not null, "maxRequestsPerConnection");
        Both(pools, p => p.MaxRetries is not null, "maxRetries");
        Both(pools, p => p.ConnectTimeout is not null, "connectTimeout");
        var outliers = destinations.Select(d => d.OutlierDetection).OfType<OutlierDetection>().ToList();
        Both(outliers, o => o.Consecutive5xx is not null, "consecutive5xx");
        Both(outliers, o => o.ConsecutiveGatewayErrors is not null, "consecutiveGatewayErrors");
        Both(outliers, o => o.Interval is not null, "interval");
        Both(outliers, o => o.BaseEjectionTime is not null, "baseEjectionTime");
        Both(outliers, o => o.MaxEjectionPercent is not null, "maxEjectionPercent");

        var access = configs.SelectMany(c => c.AccessPolicies).ToList();
        Both(access, a => a.Target is not null, "access target");
        Both(access, a => !a.Rules.IsEmpty, "access rules");
        var rules = access.SelectMany(a => a.Rules).ToList();
        Both(rules, r => r.From is not null, "access from");
        Both(rules, r => r.To is not null, "access to");
        var sources = rules.Select(r => r.From).OfType<AccessSource>().ToList();
        Both(sources, s => !s.ServiceAccounts.IsEmpty, "from serviceAccounts");
        Both(sources, s => !s.Namespaces.IsEmpty, "from namespaces");
        Both(sources, s => !s.IpBlocks.IsEmpty, "from ipBlocks");
        Both(sources, s => s.Unauthenticated, "from unauthenticated");
        var operations = rules.Select(r => r.To).OfType<AccessOperation>().ToList();
        Both(operations, o => !o.Ports.IsEmpty, "to ports");
        Both(operations, o => !o.Methods.IsEmpty, "to methods");
        Both(operations, o => !o.Paths.IsEmpty, "to paths");

        var external = configs.SelectMany(c => c.ExternalServices).ToList();
        Both(external, e => !e.Ports.IsEmpty, "external ports");
        Both(external, e => !e.Addresses.IsEmpty, "external addresses");
        Both(external, e => e.Hosts.Count > 1, "several external hosts");
    }

    [Fact]
    public void Values_ThatNeedQuoting_AreGenerated()
    {
        var values = Configs.Value.SelectMany(c => c.Services).SelectMany(s => s.Subsets).SelectMany(s => s.Labels.Values)
            .Concat(Matches.SelectMany(m => m.Headers.Concat(m.QueryParams)).Select(h => h.Value).OfType<string>())
            .ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string>(["2", "true", "null", "1.0", ""], StringComparer.Ordinal), values);
    }

    [Fact]
    public void GeneratedModels_StayWithinTheirBounds_AndKeepReferencesValid()
    {
        foreach (var config in Configs.Value)
        {
            Assert.InRange(config.Services.Count, 1, 4);
            Assert.Equal(config.Services.Count, config.Services.Select(s => s.Reference).Distinct().Count());
            Assert.Equal(config.Routes.Count, config.Routes.Select(r => r.Host).Distinct().Count());
            foreach (var backend in config.Routes.SelectMany(r => r.Rules).SelectMany(r => r.Backends).Concat(config.TcpRoutes.SelectMany(t => t.Backends)))
            {
                // A backend of an external service's route (a route on calls leaving the mesh) names that external service.
                if (config.ExternalServices.FirstOrDefault(e => e.Name == backend.Service.Name && e.Namespace == backend.Service.Namespace) is { } external && config.FindService(backend.Service) is null)
                {
                    if (backend.Subset is not null) Assert.Contains(external.Subsets, x => x.Name == backend.Subset);
                    continue;
                }
                var service = config.FindService(backend.Service);
                Assert.NotNull(service);
                if (backend.Subset is not null) Assert.NotNull(service.FindSubset(backend.Subset));
                if (backend.Port is not null) Assert.NotNull(service.FindPort(backend.Port.Value));
            }
            foreach (var rule in config.Routes.SelectMany(r => r.Rules))
            {
                Assert.True(rule.Redirect is not null || rule.Backends.Any(b => b.Weight > 0));
                if (rule.Retry is not null) Assert.InRange(rule.Retry.Attempts, 0, 10);
                if (rule.Timeout is { } t) Assert.True(t > TimeSpan.Zero && t.Ticks % TimeSpan.TicksPerMillisecond == 0);
            }
        }
    }
}
