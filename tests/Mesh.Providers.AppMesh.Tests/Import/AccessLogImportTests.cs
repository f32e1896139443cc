using Mesh.Diagnostics;
using Mesh.Model;
using static Mesh.Providers.AppMesh.Tests.Import.ImportYaml;

namespace Mesh.Providers.AppMesh.Tests.Import;

/// <summary>A virtual node's <c>logging.accessLog</c> read back as telemetry access logging.</summary>
public sealed class AccessLogImportTests
{
    private const string Stdout = """
          logging: { accessLog: { file: { path: /dev/stdout } } }
        """;

    [Fact]
    public void EveryNodeLogging_IsOneMeshWidePolicy()
    {
        var result = Read(Node("front", "app: front", extra: Stdout) + Node("back", "app: back", extra: Stdout));
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Equal([new TelemetryPolicy { AccessLogging = true }], result.Config!.Telemetry);
        Assert.DoesNotContain(result.Diagnostics, d => d.Path.Contains("$.spec.logging", StringComparison.Ordinal));
    }

    [Fact]
    public void SomeNodesLogging_IsOnePolicyPerNodeWithItsPodLabels()
    {
        var result = Read(Node("front", "app: front", extra: Stdout) + Node("back", "app: back"));
        var policy = Assert.Single(result.Config!.Telemetry);
        Assert.Equal(("shop", true), (policy.Namespace, policy.AccessLogging));
        Assert.Equal(new Dictionary<string, string> { ["app"] = "front" }, policy.Workload);
    }

    [Fact]
    public void FormatAndAnotherPath_AreReported()
    {
        var result = Read(Node("front", "app: front", extra: """
              logging:
                accessLog:
                  file:
                    path: /var/log/access.log
                    format: { json: [{ key: start, value: "%START_TIME%" }] }
            """));
        Assert.Equal(DiagnosticCodes.FieldNotImported, At(result, "#0 $.spec.logging.accessLog.file.format").Code);
        Assert.Equal(DiagnosticSeverity.Info, At(result, "#0 $.spec.logging.accessLog.file.path").Severity);
        Assert.Equal([new TelemetryPolicy { AccessLogging = true }], result.Config!.Telemetry);
    }

    [Fact]
    public void AccessLogWithoutPath_IsInvalid_AndNotImported()
    {
        var result = Read(Node("front", "app: front", extra: """
              logging: { accessLog: { file: { format: { text: "%START_TIME%" } } } }
            """));
        Assert.True(At(result, "#0 $.spec.logging.accessLog.file.path").IsError);
    }
}
