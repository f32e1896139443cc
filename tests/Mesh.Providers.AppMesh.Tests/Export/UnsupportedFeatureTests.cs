using Mesh.Diagnostics;
using Mesh.Model;
using static Mesh.Providers.AppMesh.Tests.Export.Models;

namespace Mesh.Providers.AppMesh.Tests.Export;

/// <summary>Every rule feature App Mesh routes cannot express is reported at its path, and the rest of the rule is still written.</summary>
public sealed class UnsupportedFeatureTests
{
    public static TheoryData<string, HttpRouteRule> Features => new()
    {
        { "mirror", Rule(To(Reviews, "v1")) with { Mirror = new Mirror { Service = Ratings } } },
        { "fault", Rule(To(Reviews, "v1")) with { Fault = new FaultInjection { Abort = new FaultAbort { HttpStatus = 503 } } } },
        { "rewrite", Rule(To(Reviews, "v1")) with { Rewrite = new Rewrite { PathPrefix = "/v2" } } },
        { "requestHeaders", Rule(To(Reviews, "v1")) with { RequestHeaders = new HeaderModifier { Remove = ["x-a"] } } },
        { "responseHeaders", Rule(To(Reviews, "v1")) with { ResponseHeaders = new HeaderModifier { Remove = ["x-a"] } } },
        { "cors", Rule(To(Reviews, "v1")) with { Cors = new CorsPolicy { AllowOrigins = ["*"] } } },
        { "retry.backoff", Rule(To(Reviews, "v1")) with { Retry = new RetryPolicy { Attempts = 2, On = [RetryCondition.ServerError], Backoff = new RetryBackoff { BaseInterval = TimeSpan.FromMilliseconds(25) } } } },
        { "retry.statusCodes", Rule(To(Reviews, "v1")) with { Retry = new RetryPolicy { Attempts = 2, On = [RetryCondition.ServerError, RetryCondition.RetriableStatusCodes], StatusCodes = [503] } } },
    };

    [Theory]
    [MemberData(nameof(Features))]
    public void Feature_IsReportedAtItsPath_AndTheRuleIsStillWritten(string field, HttpRouteRule rule)
    {
        var export = new Exported(Routed(rule));
        Assert.Equal(DiagnosticSeverity.Warning, export.At(DiagnosticCodes.Unsupported, $"$.spec.routes[0].rules[0].{field}").Severity);
        Assert.Equal("reviews-v1", Assert.Single(export.Router("reviews").Spec.Routes![0].HttpRoute!.Action!.WeightedTargets!).VirtualNodeRef!.Name);
    }

    [Fact]
    public void RedirectOnlyRule_IsNotWritten()
    {
        var redirect = new HttpRouteRule { Matches = [new HttpMatch { Path = PathMatch.Exact("/old") }], Redirect = new Redirect { Path = "/new" } };
        var export = new Exported(Routed(redirect, Rule(To(Reviews, "v1"))));
        Assert.Equal(["reviews-r1"], export.Router("reviews").Spec.Routes!.Select(r => r.Name!));
        Assert.Equal(0, export.Router("reviews").Spec.Routes![0].Priority);
        export.At(DiagnosticCodes.Unsupported, "$.spec.routes[0].rules[0].redirect");
    }

    [Fact]
    public void TargetPorts_AreApproximated()
    {
        var service = new MeshService { Name = "web", Namespace = "shop", Ports = [new ServicePort { Port = 80, Protocol = Protocol.Http, TargetPort = TargetPort.Named("http") }, new ServicePort { Port = 81, Protocol = Protocol.Http, TargetPort = 8081 }] };
        var export = new Exported(new MeshConfig { Name = "shop", Services = [service] });
        Assert.Contains("'http'", export.At(DiagnosticCodes.Approximated, "$.spec.services[0].ports[0].targetPort").Message, StringComparison.Ordinal);
        Assert.Contains("8081", export.At(DiagnosticCodes.Approximated, "$.spec.services[0].ports[1].targetPort").Message, StringComparison.Ordinal);
        Assert.Equal([80, 81], export.Node("web").Spec.Listeners!.Select(l => l.PortMapping!.Port!.Value));
    }

    [Fact]
    public void RoutedServiceWithoutPorts_HasNoRouter_AndIsReported()
    {
        var model = new MeshConfig { Name = "shop", Services = [new MeshService { Name = "web", Namespace = "shop", Subsets = [Version("v1")] }] };
        var export = new Exported(model);
        Assert.Empty(export.Routers);
        Assert.Null(export.Service("web").Spec.Provider);
        Assert.Single(export.Diagnostics, d => d.Path == "$.spec.services[0].ports" && d.Message.Contains("virtual router", StringComparison.Ordinal));
    }

    [Fact]
    public void TooManyRoutes_AreCutAtPriority1000()
    {
        var rules = Enumerable.Range(0, 1002).Select(i => Rule(To(Reviews, "v1")) with { Matches = [new HttpMatch { Path = PathMatch.Exact($"/p{i}") }] }).ToArray();
        var export = new Exported(Routed(rules));
        var routes = export.Router("reviews").Spec.Routes!;
        Assert.Equal(1001, routes.Count);
        Assert.Equal(1000, routes[^1].Priority);
        export.At(DiagnosticCodes.Unsupported, "$.spec.routes[0].rules[1001]");
    }

    [Fact]
    public void StrictTranslation_FailsOnAnUnsupportedFeature()
    {
        var result = new AppMeshTranslator().Translate(Routed(Rule(To(Reviews, "v1")) with { Cors = new CorsPolicy { AllowOrigins = ["*"] } }), new Mesh.Translation.TranslationOptions { Strict = true });
        Assert.True(result.HasErrors);
        Assert.Empty(result.Resources);
    }
}
