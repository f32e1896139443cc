using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.Consul.Resources;
using static Mesh.Providers.Consul.Tests.Export.Models;

namespace Mesh.Providers.Consul.Tests.Export;

/// <summary>Telemetry access logging as ProxyDefaults <c>global</c> <c>accessLogs</c>, Consul's one setting for every proxy.</summary>
public sealed class AccessLogExportTests
{
    private static MeshConfig With(params TelemetryPolicy[] telemetry) => Shop() with { Telemetry = [.. telemetry] };

    private static MeshConfig RoundTrip(Exported export) => export.Translator.ImportYaml(export.Yaml, "back.yaml").Config!;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void MeshWideAccessLogging_IsTheGlobalProxyDefaults_AndReadsBack(bool on)
    {
        var export = new Exported(With(new TelemetryPolicy { AccessLogging = on }));
        var logs = export.Get<ProxyDefaults>("global").Spec.AccessLogs!;
        Assert.Equal(on, logs.Enabled);
        Assert.Null(logs.Type);
        Assert.DoesNotContain(export.Diagnostics, d => d.Path.StartsWith("$.spec.telemetry", StringComparison.Ordinal));
        Assert.Equal([new TelemetryPolicy { AccessLogging = on }], RoundTrip(export).Telemetry);
    }

    [Fact]
    public void AccessLogsAndMtls_ShareTheOneProxyDefaults()
    {
        var export = new Exported(With(new TelemetryPolicy { AccessLogging = true }) with { Mtls = [new MtlsPolicy { Scope = MtlsScope.Mesh, Mode = MtlsMode.Strict }] });
        var proxy = Assert.Single(export.All<ProxyDefaults>());
        Assert.Equal(("strict", true), (proxy.Spec.MutualTLSMode, proxy.Spec.AccessLogs!.Enabled));
    }

    [Fact]
    public void NamespacePolicyTurningLoggingOn_IsWrittenForEveryProxy_Approximated()
    {
        var export = new Exported(With(new TelemetryPolicy { Namespace = "shop", AccessLogging = true }));
        Assert.True(export.Get<ProxyDefaults>("global").Spec.AccessLogs!.Enabled);
        Assert.Contains("whole mesh", export.Diagnostics.Single(d => d.Code == DiagnosticCodes.Approximated && d.Path == "$.spec.telemetry[0]").Message, StringComparison.Ordinal);
        Assert.Equal([new TelemetryPolicy { AccessLogging = true }], RoundTrip(export).Telemetry);
    }

    [Fact]
    public void WorkloadPolicyDisagreeingWithTheMesh_IsUnsupported_AndOffWithoutAMeshSetting_IsApproximated()
    {
        var workload = new Dictionary<string, string> { ["app"] = "api" };
        var export = new Exported(With(new TelemetryPolicy { AccessLogging = true }, new TelemetryPolicy { Namespace = "shop", Workload = workload, AccessLogging = false }));
        Assert.True(export.Get<ProxyDefaults>("global").Spec.AccessLogs!.Enabled);
        Assert.Single(export.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.telemetry[1].accessLogging");

        var off = new Exported(With(new TelemetryPolicy { Namespace = "shop", Workload = workload, AccessLogging = false }));
        Assert.Empty(off.All<ProxyDefaults>());
        Assert.Single(off.Diagnostics, d => d.Code == DiagnosticCodes.Approximated && d.Path == "$.spec.telemetry[0].accessLogging");
    }

    [Fact]
    public void Tracing_IsUnsupported()
    {
        var export = new Exported(With(new TelemetryPolicy { Tracing = new TracingSettings { SamplingPercentage = 1 } }));
        Assert.Single(export.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.telemetry[0].tracing");
        Assert.Empty(export.All<ProxyDefaults>());
    }
}
