using Envoy.Config.Listener.V3;
using Envoy.Extensions.AccessLoggers.File.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Mesh.Model;
using static Mesh.Xds.Tests.Samples;

namespace Mesh.Xds.Tests.Encoding;

/// <summary>Telemetry policies resolved for the proxy and written on each connection manager: tracing and a file access log.</summary>
public sealed class TelemetryTests
{
    private static MeshConfig WithTelemetry(params TelemetryPolicy[] policies) => Bookinfo() with { Telemetry = [.. policies] };

    private static readonly TelemetryPolicy MeshWide = new()
    {
        Tracing = new TracingSettings
        {
            SamplingPercentage = 2.5m,
            CustomTags =
            [
                new TracingTag { Name = "cluster", Source = TracingTagSource.Literal, Value = "prod-eu" },
                new TracingTag { Name = "user", Source = TracingTagSource.Header, Value = "x-user", Default = "anonymous" },
                new TracingTag { Name = "zone", Source = TracingTagSource.Environment, Value = "ZONE" },
            ],
        },
    };

    private static List<HttpConnectionManager> Managers(XdsSnapshot snapshot) =>
        [.. Decode<Listener>(snapshot, XdsResourceType.Listener).SelectMany(l => l.FilterChains).Select(c => c.Filters[0].TypedConfig.Unpack<HttpConnectionManager>())];

    [Fact]
    public void MeshWideTracing_IsOnEveryConnectionManager_WithItsSamplingAndTags()
    {
        var managers = Managers(Build(WithTelemetry(MeshWide)));

        Assert.NotEmpty(managers);
        Assert.All(managers, hcm =>
        {
            Assert.Equal(2.5, hcm.Tracing.RandomSampling.Value);
            Assert.Equal(["cluster", "user", "zone"], hcm.Tracing.CustomTags.Select(t => t.Tag));
            Assert.Equal("prod-eu", hcm.Tracing.CustomTags[0].Literal.Value);
            Assert.Equal(("x-user", "anonymous"), (hcm.Tracing.CustomTags[1].RequestHeader.Name, hcm.Tracing.CustomTags[1].RequestHeader.DefaultValue));
            Assert.Equal("ZONE", hcm.Tracing.CustomTags[2].Environment.Name);
            Assert.Empty(hcm.AccessLog);
        });
    }

    [Fact]
    public void TheNamespacesAndTheWorkloadsPolicies_OverrideWhatTheySet()
    {
        var config = WithTelemetry(
            MeshWide,
            new TelemetryPolicy { Namespace = "bookinfo", AccessLogging = true, Tracing = new TracingSettings { SamplingPercentage = 50 } },
            new TelemetryPolicy { Namespace = "bookinfo", Workload = new Dictionary<string, string> { ["app"] = "productpage" }, Tracing = new TracingSettings { SamplingPercentage = 100 } },
            new TelemetryPolicy { Namespace = "other", AccessLogging = false });
        var proxy = Sidecar with { Labels = new Dictionary<string, string> { ["app"] = "productpage" } };

        var hcm = Managers(Build(config, proxy: proxy))[0];

        Assert.Equal(100, hcm.Tracing.RandomSampling.Value);
        // The narrower tracing blocks set no tags: the mesh-wide ones are inherited.
        Assert.Equal(["cluster", "user", "zone"], hcm.Tracing.CustomTags.Select(t => t.Tag));
        var log = Assert.Single(hcm.AccessLog);
        Assert.Equal("envoy.access_loggers.file", log.Name);
        Assert.Equal("/dev/stdout", log.TypedConfig.Unpack<FileAccessLog>().Path);
        // Another workload of the namespace keeps the namespace's sampling.
        Assert.Equal(50, Managers(Build(config))[0].Tracing.RandomSampling.Value);
    }

    [Fact]
    public void ProxylessClients_GetNoTelemetry_AndThePolicyIsReported()
    {
        var result = new XdsEncoder().Build(WithTelemetry(MeshWide), SampleEndpoints(), Proxyless);

        Assert.Contains(result.Diagnostics, d => d.Path == "$.spec.telemetry[0]" && d.Code == XdsDiagnosticCodes.NotEncoded);
        Assert.All(Managers(result.Snapshot!), hcm => Assert.Null(hcm.Tracing));
    }

    [Fact]
    public void JsonRendering_ShowsTracingAndTheAccessLog()
    {
        var json = XdsJson.Render(Build(WithTelemetry(MeshWide with { AccessLogging = true })));

        Assert.Contains("\"random_sampling\"", json, StringComparison.Ordinal);
        Assert.Contains("\"request_header\"", json, StringComparison.Ordinal);
        Assert.Contains("\"path\": \"/dev/stdout\"", json, StringComparison.Ordinal);
    }
}
