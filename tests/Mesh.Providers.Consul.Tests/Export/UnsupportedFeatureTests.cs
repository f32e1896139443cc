using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.Consul.Resources;
using static Mesh.Providers.Consul.Tests.Export.Models;

namespace Mesh.Providers.Consul.Tests.Export;

/// <summary>What Consul cannot express is reported with a path into the model, never dropped silently.</summary>
public sealed class UnsupportedFeatureTests
{
    [Fact]
    public void FaultMirrorCorsRedirect_AreReportedAtTheirPaths()
    {
        var rule = new HttpRouteRule
        {
            Backends = [To("v1")],
            Fault = new FaultInjection { Abort = new FaultAbort { HttpStatus = 503 } },
            Mirror = new Mirror { Service = Web },
            Cors = new CorsPolicy { AllowOrigins = ["https://a.example"] },
        };
        var redirect = new HttpRouteRule { Matches = [new HttpMatch { Path = PathMatch.Exact("/old") }], Redirect = new Redirect { Path = "/new" } };
        var export = new Exported(Shop(Route("api", redirect, rule)));
        Assert.True(export.Has(DiagnosticCodes.Unsupported, "$.spec.routes[0].rules[1].fault"));
        Assert.True(export.Has(DiagnosticCodes.Unsupported, "$.spec.routes[0].rules[1].mirror"));
        Assert.True(export.Has(DiagnosticCodes.Unsupported, "$.spec.routes[0].rules[1].cors"));
        Assert.True(export.Has(DiagnosticCodes.Unsupported, "$.spec.routes[0].rules[0].redirect"));
        Assert.Single(export.Get<ServiceRouter>("api").Spec.Routes!);
    }

    [Fact]
    public void TcpSplit_IsReported()
    {
        var model = Shop() with
        {
            TcpRoutes = [new TcpRoute { Name = "db", Namespace = "shop", Host = Db, Backends = [new WeightedBackend { Service = Db, Weight = 1 }, new WeightedBackend { Service = Web, Weight = 1 }] }],
        };
        var export = new Exported(model);
        Assert.True(export.Has(DiagnosticCodes.Unsupported, "$.spec.tcpRoutes[0]"));
        Assert.Empty(export.All<ServiceSplitter>());
    }

    [Fact]
    public void CommunityEdition_ReportsNameCollisionsAcrossNamespaces_AndWritesNoNamespaceFields()
    {
        var model = Shop() with { Services = [.. Shop().Services, new MeshService { Name = "web", Namespace = "other", Ports = [Http(80)] }] };
        var export = new Exported(model);
        Assert.True(export.Has(DiagnosticCodes.Approximated, "$.spec.services[3]"));
        Assert.DoesNotContain("    namespace:", export.Yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("partition:", export.Yaml, StringComparison.Ordinal);
    }
}
