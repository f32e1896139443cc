using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Translation;

namespace Mesh.Providers.Consul.Tests.Import;

/// <summary>ProxyDefaults <c>accessLogs</c> read back as mesh-wide access logging.</summary>
public sealed class AccessLogImportTests
{
    private static ImportResult Read(string accessLogs) => new ConsulTranslator().ImportYaml($$"""
        apiVersion: consul.hashicorp.com/v1alpha1
        kind: ProxyDefaults
        metadata: { name: global }
        spec:
          accessLogs: {{accessLogs}}
        """, "x.yaml");

    private static Diagnostic At(ImportResult result, string path) => Assert.Single(result.Diagnostics, d => d.Path == "x.yaml#0 " + path);

    [Fact]
    public void Enabled_IsMeshWideAccessLogging()
    {
        var result = Read("{ enabled: true }");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Equal([new TelemetryPolicy { AccessLogging = true }], result.Config!.Telemetry);
        Assert.DoesNotContain(result.Diagnostics, d => d.Path.Contains("accessLogs", StringComparison.Ordinal));
    }

    [Fact]
    public void DisabledOrAbsentEnabled_IsOffOrUnset()
    {
        Assert.Equal([new TelemetryPolicy { AccessLogging = false }], Read("{ enabled: false }").Config!.Telemetry);
        Assert.Empty(Read("{ disableListenerLogs: true }").Config!.Telemetry);
    }

    [Fact]
    public void TypePathFormatsAndListenerLogs_AreReportedAtTheirPaths()
    {
        var result = Read("""{ enabled: true, type: file, path: /var/log/envoy.log, jsonFormat: '{"start": "%START_TIME%"}', textFormat: "%START_TIME%", disableListenerLogs: true }""");
        Assert.Equal(DiagnosticSeverity.Info, At(result, "$.spec.accessLogs.type").Severity);
        Assert.Equal(DiagnosticSeverity.Info, At(result, "$.spec.accessLogs.path").Severity);
        Assert.Equal(DiagnosticCodes.FieldNotImported, At(result, "$.spec.accessLogs.jsonFormat").Code);
        Assert.Equal(DiagnosticCodes.FieldNotImported, At(result, "$.spec.accessLogs.textFormat").Code);
        Assert.Equal(DiagnosticSeverity.Info, At(result, "$.spec.accessLogs.disableListenerLogs").Severity);
        Assert.Equal([new TelemetryPolicy { AccessLogging = true }], result.Config!.Telemetry);
    }

    [Fact]
    public void UnknownTypeAndWrongValueType_AreErrorsWithPaths_NotExceptions()
    {
        Assert.True(At(Read("{ enabled: true, type: syslog }"), "$.spec.accessLogs.type").IsError);
        var wrong = Read("{ enabled: maybe }");
        Assert.True(wrong.HasErrors);
        Assert.Contains(wrong.Diagnostics, d => d.IsError && d.Path.Contains("$.spec.accessLogs", StringComparison.Ordinal));
    }
}
