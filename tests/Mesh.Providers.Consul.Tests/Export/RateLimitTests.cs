using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.Consul.Resources;
using static Mesh.Providers.Consul.Tests.Export.Models;

namespace Mesh.Providers.Consul.Tests.Export;

/// <summary>Rate limits as the callee's ServiceDefaults <c>rateLimits.instanceLevel</c>, both directions.</summary>
public sealed class RateLimitTests
{
    private static readonly ConsulOptions Enterprise = new() { Edition = ConsulEdition.Enterprise };

    private static MeshConfig With(LocalRateLimit limit) => Shop() with { DestinationPolicies = [new DestinationPolicy { Target = new PolicyTarget { Service = Api }, RateLimit = limit }] };

    [Fact]
    public void RateLimit_IsTheServicesInstanceLevelLimit_WithRoutesByPathForm()
    {
        var limit = new LocalRateLimit
        {
            Requests = 100,
            Burst = 150,
            Routes =
            [
                new RouteRateLimit { Path = PathMatch.Exact("/login"), Requests = 5 },
                new RouteRateLimit { Path = PathMatch.Prefix("/api"), Requests = 20, Burst = 40 },
                new RouteRateLimit { Path = PathMatch.Regex("/items/[0-9]+"), Requests = 7 },
            ],
        };
        var export = new Exported(With(limit), Enterprise);

        var instance = export.Get<ServiceDefaults>("api").Spec.RateLimits!.InstanceLevel!;
        Assert.Equal((100, 150), (instance.RequestsPerSecond, instance.RequestsMaxBurst));
        Assert.Equal(["/login", null, null], instance.Routes!.Select(r => r.PathExact));
        Assert.Equal([null, "/api", null], instance.Routes!.Select(r => r.PathPrefix));
        Assert.Equal([null, null, "/items/[0-9]+"], instance.Routes!.Select(r => r.PathRegex));
        Assert.Equal([(5, (int?)null), (20, 40), (7, null)], instance.Routes!.Select(r => (r.RequestsPerSecond!.Value, r.RequestsMaxBurst)));
        Assert.DoesNotContain(export.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);

        var back = export.Translator.ImportYaml(export.Yaml, "back.yaml");
        Assert.Equal(limit, Assert.Single(back.Config!.DestinationPolicies, p => p.Target.Service == Api).RateLimit);
    }

    [Fact]
    public void AnotherInterval_IsTheSameRatePerSecond_AndAnotherStatusIsReported()
    {
        var export = new Exported(With(new LocalRateLimit { Requests = 600, Interval = TimeSpan.FromMinutes(1), Status = 503 }), Enterprise);

        var instance = export.Get<ServiceDefaults>("api").Spec.RateLimits!.InstanceLevel!;
        // 600 a minute is 10 a second; the bucket of 600 is kept as the burst.
        Assert.Equal((10, 600), (instance.RequestsPerSecond, instance.RequestsMaxBurst));
        Assert.True(export.Has(DiagnosticCodes.Approximated, "$.spec.destinationPolicies[0].rateLimit.interval"));
        Assert.True(export.Has(DiagnosticCodes.Unsupported, "$.spec.destinationPolicies[0].rateLimit.status"));
    }

    [Fact]
    public void CommunityEdition_IsToldRateLimitsAreEnterpriseOnly()
    {
        var export = new Exported(With(new LocalRateLimit { Requests = 10 }), new ConsulOptions { Edition = ConsulEdition.Community });

        Assert.NotNull(export.Get<ServiceDefaults>("api").Spec.RateLimits);
        Assert.Contains(export.Diagnostics, d => d.Severity == DiagnosticSeverity.Info && d.Message.Contains("Enterprise", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_ReportsWhatConsulOrTheModelCannotHold_AtItsPath()
    {
        var result = new ConsulTranslator(Enterprise).ImportYaml("""
            apiVersion: consul.hashicorp.com/v1alpha1
            kind: ServiceDefaults
            metadata: { name: api, namespace: shop }
            spec:
              protocol: http
              rateLimits:
                instanceLevel:
                  requestsPerSecond: 50
                  requestsMaxBurst: 20
                  routes:
                    - { pathPrefix: /a, requestsPerSecond: 0 }
                    - { pathPrefix: /b }
                    - { pathPrefix: /c, requestsPerSecond: 3 }
                    - { pathPrefix: /c, requestsPerSecond: 4 }
            """, "in.yaml");

        var policy = Assert.Single(result.Config!.DestinationPolicies);
        Assert.Equal(new LocalRateLimit { Requests = 50, Routes = [new RouteRateLimit { Path = PathMatch.Prefix("/c"), Requests = 3 }] }, policy.RateLimit);
        var paths = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.Path).ToHashSet();
        Assert.Contains("in.yaml#0 $.spec.rateLimits.instanceLevel.requestsMaxBurst", paths);
        Assert.Contains("in.yaml#0 $.spec.rateLimits.instanceLevel.routes[0].requestsPerSecond", paths);
        Assert.Contains("in.yaml#0 $.spec.rateLimits.instanceLevel.routes[1].requestsPerSecond", paths);
        Assert.Contains("in.yaml#0 $.spec.rateLimits.instanceLevel.routes[3]", paths);
    }

    [Fact]
    public void Import_OfARouteWithTwoPathForms_IsAnErrorAtTheRoute()
    {
        var result = new ConsulTranslator(Enterprise).ImportYaml("""
            apiVersion: consul.hashicorp.com/v1alpha1
            kind: ServiceDefaults
            metadata: { name: api, namespace: shop }
            spec: { protocol: http, rateLimits: { instanceLevel: { routes: [{ pathPrefix: /a, pathExact: /a, requestsPerSecond: 1 }] } } }
            """, "in.yaml");

        Assert.Contains(result.Diagnostics, d => d.IsError && d.Path == "in.yaml#0 $.spec.rateLimits.instanceLevel.routes[0]");
    }
}
