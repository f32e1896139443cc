using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.Osm.Mapping;
using Mesh.Providers.Osm.Resources;
using static Mesh.Providers.Osm.Tests.Export.Models;

namespace Mesh.Providers.Osm.Tests.Export;

/// <summary>Retries as Retry policies per calling account, connection pools as UpstreamTrafficSettings.</summary>
public sealed class ResilienceExportTests
{
    [Fact]
    public void ARetry_IsARetryPerCallingAccount_WithEveryFieldTheCrdRequires()
    {
        var retry = new RetryPolicy { Attempts = 5, PerTryTimeout = TimeSpan.FromSeconds(1), On = [RetryCondition.ServerError, RetryCondition.ConnectFailure], Backoff = new RetryBackoff { BaseInterval = TimeSpan.FromMilliseconds(500) } };
        var export = new Exported(Routed(Rule(To(Bookstore, "v1")) with { Retry = retry }));
        var retries = export.All<Retry>();
        Assert.Equal([("bookbuyer", "bookbuyer-retry"), ("bookstore", "bookstore-retry")], retries.Select(r => (r.Metadata.NamespaceProperty!, r.Metadata.Name!)));
        var spec = retries[0].Spec;
        Assert.Equal(("ServiceAccount", "bookbuyer", "bookbuyer"), (spec.Source!.Kind!, spec.Source.Name!, spec.Source.Namespace!));
        Assert.Equal(("Service", "bookstore", "bookstore"), (spec.Destinations![0].Kind!, spec.Destinations[0].Name!, spec.Destinations[0].Namespace!));
        Assert.Equal(("5xx,connect-failure", "1s", 5, "500ms"), (spec.RetryPolicy!.RetryOn!, spec.RetryPolicy.PerTryTimeout!, spec.RetryPolicy.NumRetries!.Value, spec.RetryPolicy.RetryBackoffBaseInterval!));
        Assert.Contains("bookbuyer/bookbuyer, bookstore/bookstore", export.At(DiagnosticCodes.TranslationNote, "$.spec.routes[0].rules[0].retry").Message, StringComparison.Ordinal);
        Assert.Contains("enableRetryPolicy", export.At(DiagnosticCodes.TranslationNote, "$.spec.routes").Message, StringComparison.Ordinal);
        export.NoWarnings();
        Assert.True(export.MeshConfig.Spec.FeatureFlags!.EnableRetryPolicy);
    }

    [Fact]
    public void MissingRetryFields_TakeEnvoysBehaviour_Approximated()
    {
        var export = new Exported(Routed(Rule(To(Bookstore, "v1")) with { Retry = new RetryPolicy { Attempts = 2 } }));
        var policy = export.All<Retry>()[0].Spec.RetryPolicy!;
        Assert.Equal((RetryMapping.DefaultRetryOn, "15s", "25ms"), (policy.RetryOn!, policy.PerTryTimeout!, policy.RetryBackoffBaseInterval!));
        foreach (var field in new[] { "on", "perTryTimeout", "backoff" })
        {
            export.At(DiagnosticCodes.Approximated, $"$.spec.routes[0].rules[0].retry.{field}");
        }
    }

    [Fact]
    public void StatusCodesAndAMaximumBackoff_AreReported()
    {
        var retry = new RetryPolicy
        {
            Attempts = 2, On = [RetryCondition.GatewayError, RetryCondition.RetriableStatusCodes], StatusCodes = [409],
            Backoff = new RetryBackoff { BaseInterval = TimeSpan.FromMilliseconds(100), MaxInterval = TimeSpan.FromSeconds(3) },
        };
        var export = new Exported(Routed(Rule(To(Bookstore, "v1")) with { Retry = retry }));
        Assert.Equal("gateway-error", export.All<Retry>()[0].Spec.RetryPolicy!.RetryOn);
        export.At(DiagnosticCodes.Unsupported, "$.spec.routes[0].rules[0].retry.statusCodes");
        export.At(DiagnosticCodes.Unsupported, "$.spec.routes[0].rules[0].retry.backoff.maxInterval");
    }

    [Fact]
    public void HostsSharingAPolicy_AreDestinationsOfOneRetry()
    {
        var retry = new RetryPolicy { Attempts = 3, PerTryTimeout = TimeSpan.FromSeconds(2) };
        var other = new ServiceRef("bookwarehouse", "bookwarehouse");
        var model = Routed(Rule(To(Bookstore, "v1")) with { Retry = retry });
        model = model with
        {
            Services = [.. model.Services, Service("bookwarehouse", "bookwarehouse", Http(14001))],
            Routes = [.. model.Routes, new HttpRoute { Name = "warehouse", Namespace = "bookwarehouse", Host = other, Rules = [Rule(To(other)) with { Retry = retry }] }],
        };
        var retries = new Exported(model).All<Retry>();
        Assert.Equal(3, retries.Count);
        Assert.All(retries, r => Assert.Equal(["bookstore", "bookwarehouse"], r.Spec.Destinations!.Select(d => d.Name)));
    }

    [Fact]
    public void AConnectionPool_IsAnUpstreamTrafficSettingOfTheServiceHost()
    {
        var pool = new ConnectionPool { MaxConnections = 100, ConnectTimeout = TimeSpan.FromSeconds(2), MaxRequests = 50, MaxRequestsPerConnection = 10, MaxPendingRequests = 5, MaxRetries = 3 };
        var model = new MeshConfig
        {
            Name = "pool",
            Services = [BookstoreService()],
            DestinationPolicies = [new DestinationPolicy { Target = new PolicyTarget { Service = Bookstore }, ConnectionPool = pool }],
        };
        var export = new Exported(model);
        var setting = Assert.Single(export.All<UpstreamTrafficSetting>());
        Assert.Equal(("bookstore", "bookstore", "bookstore.bookstore.svc.cluster.local"), (setting.Metadata.Name!, setting.Metadata.NamespaceProperty!, setting.Spec.Host!));
        var tcp = setting.Spec.ConnectionSettings!.Tcp!;
        var http = setting.Spec.ConnectionSettings.Http!;
        Assert.Equal((100, "2s"), (tcp.MaxConnections!.Value, tcp.ConnectTimeout!));
        Assert.Equal((50, 10, 5, 3), (http.MaxRequests!.Value, http.MaxRequestsPerConnection!.Value, http.MaxPendingRequests!.Value, http.MaxRetries!.Value));
        Assert.Equal("bookstore", setting.Metadata.Annotations![OsmAnnotations.Target]);
        export.NoWarnings();
    }

    [Fact]
    public void ASubsetPolicy_IsOnTheLeafServiceWhenARouteSplitsToIt_AndReportedOtherwise()
    {
        var model = Routed(Rule(To(Bookstore, "v1", 9), To(Bookstore, "v2", 1))) with
        {
            DestinationPolicies =
            [
                new DestinationPolicy { Target = new PolicyTarget { Service = Bookstore, Subset = "v2" }, ConnectionPool = new ConnectionPool { MaxConnections = 1 } },
            ],
        };
        var export = new Exported(model);
        var setting = Assert.Single(export.All<UpstreamTrafficSetting>());
        Assert.Equal(("bookstore-v2", "bookstore-v2.bookstore.svc.cluster.local", "bookstore/v2"), (setting.Metadata.Name!, setting.Spec.Host!, setting.Metadata.Annotations![OsmAnnotations.Target]));
        export.At(DiagnosticCodes.Approximated, "$.spec.destinationPolicies[0].target.subset");

        var unrouted = new Exported(model with { Routes = [] });
        Assert.Empty(unrouted.All<UpstreamTrafficSetting>());
        unrouted.At(DiagnosticCodes.Unsupported, "$.spec.destinationPolicies[0].target.subset");
    }

    [Fact]
    public void LoadBalancingAndOutlierDetection_AreReported()
    {
        var model = new MeshConfig
        {
            Name = "lb",
            Services = [BookstoreService()],
            DestinationPolicies = [new DestinationPolicy { Target = new PolicyTarget { Service = Bookstore }, LoadBalancer = LoadBalancer.LeastRequest, OutlierDetection = new OutlierDetection { Consecutive5xx = 5 } }],
        };
        var export = new Exported(model);
        export.At(DiagnosticCodes.Unsupported, "$.spec.destinationPolicies[0].loadBalancer");
        export.At(DiagnosticCodes.Unsupported, "$.spec.destinationPolicies[0].outlierDetection");
        Assert.Empty(export.All<UpstreamTrafficSetting>());
    }
}
