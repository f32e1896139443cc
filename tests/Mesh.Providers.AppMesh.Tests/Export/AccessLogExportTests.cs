using Mesh.Diagnostics;
using Mesh.Model;
using static Mesh.Providers.AppMesh.Tests.Export.Models;

namespace Mesh.Providers.AppMesh.Tests.Export;

/// <summary>Telemetry access logging on each service node's <c>logging.accessLog.file</c>, and what reads back.</summary>
public sealed class AccessLogExportTests
{
    private static MeshConfig Bookinfo(params TelemetryPolicy[] telemetry) => new()
    {
        Name = "bookinfo",
        Services = [ReviewsService(Version("v1"), Version("v2")), RatingsService()],
        ExternalServices = [new ExternalService { Name = "api", Namespace = "bookinfo", Hosts = ["api.example.com"], Ports = [Port(443, Protocol.Tls)] }],
        Telemetry = [.. telemetry],
    };

    private static MeshConfig RoundTrip(Exported export) => export.Translator.ImportYaml(export.Yaml, "back.yaml").Config!;

    [Fact]
    public void MeshWideAccessLogging_WritesStdoutOnEveryServiceNode_AndReadsBack()
    {
        var model = Bookinfo(new TelemetryPolicy { AccessLogging = true });
        var export = new Exported(model);
        foreach (var name in new[] { "reviews-v1", "reviews-v2", "ratings" })
        {
            Assert.Equal("/dev/stdout", export.Node(name).Spec.Logging!.AccessLog!.File!.Path);
            Assert.Null(export.Node(name).Spec.Logging!.AccessLog!.File!.Format);
        }
        Assert.Null(export.Node("api").Spec.Logging);
        Assert.DoesNotContain(export.Diagnostics, d => d.Path.StartsWith("$.spec.telemetry", StringComparison.Ordinal));
        Assert.Equal(model.Telemetry, RoundTrip(export).Telemetry);
    }

    [Fact]
    public void WorkloadPolicy_WritesOnTheNodesItSelects_AndReadsBackPerNode()
    {
        var v2 = new Dictionary<string, string> { ["app"] = "reviews", ["version"] = "v2" };
        var model = Bookinfo(new TelemetryPolicy { Namespace = "bookinfo", Workload = v2, AccessLogging = true });
        var export = new Exported(model);
        Assert.NotNull(export.Node("reviews-v2").Spec.Logging);
        Assert.Null(export.Node("reviews-v1").Spec.Logging);
        Assert.Null(export.Node("ratings").Spec.Logging);
        Assert.Equal(model.Telemetry, RoundTrip(export).Telemetry);
    }

    [Fact]
    public void NarrowerPolicyTurningLoggingOff_IsHonoured_AndTheWiderPolicyIsReportedAsReadBackPerNamespaceOrNode()
    {
        var model = Bookinfo(
            new TelemetryPolicy { AccessLogging = true },
            new TelemetryPolicy { Namespace = "bookinfo", Workload = new Dictionary<string, string> { ["app"] = "ratings" }, AccessLogging = false });
        var export = new Exported(model);
        Assert.NotNull(export.Node("reviews-v1").Spec.Logging);
        Assert.Null(export.Node("ratings").Spec.Logging);
        export.At(DiagnosticCodes.Approximated, "$.spec.telemetry[0]");
        export.At(DiagnosticCodes.Approximated, "$.spec.telemetry[1].accessLogging");
        var back = RoundTrip(export).Telemetry;
        Assert.Equal(2, back.Count);
        Assert.All(back, p => Assert.Equal(("bookinfo", true), (p.Namespace, p.AccessLogging)));
    }

    [Fact]
    public void PolicyWithNoNodeInScope_AndTracing_AreUnsupported()
    {
        var model = Bookinfo(
            new TelemetryPolicy { Namespace = "shop", AccessLogging = true },
            new TelemetryPolicy { Tracing = new TracingSettings { SamplingPercentage = 5 } });
        var export = new Exported(model);
        Assert.All(export.Nodes, n => Assert.Null(n.Spec.Logging));
        export.At(DiagnosticCodes.Unsupported, "$.spec.telemetry[0]");
        export.At(DiagnosticCodes.Unsupported, "$.spec.telemetry[1].tracing");
    }

    [Fact]
    public void AccessLogPath_IsAnOption()
    {
        var export = new Exported(Bookinfo(new TelemetryPolicy { AccessLogging = true }), new AppMeshOptions { AccessLogPath = "/var/log/envoy/access.log" });
        Assert.Equal("/var/log/envoy/access.log", export.Node("ratings").Spec.Logging!.AccessLog!.File!.Path);
        var back = export.Translator.ImportYaml(export.Yaml, "back.yaml");
        Assert.DoesNotContain(back.Diagnostics, d => d.Path.Contains("$.spec.logging", StringComparison.Ordinal));
    }

    [Fact]
    public void AccessLogPath_DefaultsToStdout() => Assert.Equal("/dev/stdout", new AppMeshOptions().AccessLogPath);
}
