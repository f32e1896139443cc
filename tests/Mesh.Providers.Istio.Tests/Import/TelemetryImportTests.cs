using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Validation;

namespace Mesh.Providers.Istio.Tests.Import;

/// <summary><c>Telemetry</c> resources ↔ telemetry policies: access logging on/off, sampling percentage and custom tags, per mesh, namespace or selected workloads.</summary>
public sealed class TelemetryImportTests
{
    private static readonly IstioTranslator Translator = new();

    private const string Telemetries = """
        apiVersion: telemetry.istio.io/v1
        kind: Telemetry
        metadata: { name: mesh-default, namespace: istio-system }
        spec:
          tracing:
          - randomSamplingPercentage: 1.5
            customTags:
              cluster: { literal: { value: prod-eu } }
              user: { header: { name: x-user, defaultValue: anonymous } }
              zone: { environment: { name: ZONE } }
        ---
        apiVersion: telemetry.istio.io/v1
        kind: Telemetry
        metadata: { name: quiet, namespace: shop }
        spec:
          accessLogging:
          - disabled: true
        ---
        apiVersion: telemetry.istio.io/v1
        kind: Telemetry
        metadata: { name: cart-debug, namespace: shop }
        spec:
          selector: { matchLabels: { app: cart } }
          accessLogging:
          - {}
          tracing:
          - randomSamplingPercentage: 100
        """;

    [Fact]
    public void Import_EachScope_IsATelemetryPolicy()
    {
        var result = Translator.ImportYaml(Telemetries, "telemetry.yaml");

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var config = result.Config!;
        Assert.DoesNotContain(MeshValidator.Validate(config), d => d.IsError);
        Assert.Equal(3, config.Telemetry.Count);
        var mesh = config.Telemetry[0];
        Assert.Null(mesh.Namespace);
        Assert.Equal(1.5m, mesh.Tracing!.SamplingPercentage);
        Assert.Equal(
            [("cluster", TracingTagSource.Literal, "prod-eu", null), ("user", TracingTagSource.Header, "x-user", "anonymous"), ("zone", TracingTagSource.Environment, "ZONE", null)],
            mesh.Tracing.CustomTags.Select(t => (t.Name, t.Source, t.Value, t.Default)));
        var shop = config.Telemetry.Single(t => t.Namespace == "shop" && t.Workload.IsEmpty);
        Assert.Equal((false, null), (shop.AccessLogging, shop.Tracing));
        var cart = config.Telemetry.Single(t => t.Namespace == "shop" && !t.Workload.IsEmpty);
        Assert.Equal(("cart", true, 100m), (cart.Workload["app"], cart.AccessLogging, cart.Tracing!.SamplingPercentage));
    }

    [Fact]
    public void Export_OfTheImport_ReadsBackTheSame()
    {
        var imported = Translator.ImportYaml(Telemetries, "telemetry.yaml").Config!;
        var translated = Translator.Translate(imported);

        Assert.DoesNotContain(translated.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var yaml = Translator.WriteYaml(translated.Resources);
        Assert.Contains("kind: Telemetry", yaml, StringComparison.Ordinal);
        Assert.Contains("disabled: true", yaml, StringComparison.Ordinal);
        Assert.Equal(imported, Translator.ImportYaml(yaml, "back.yaml").Config);
    }

    [Fact]
    public void WhatTheModelDoesNotCarry_IsReported_AndWhatIstioRejects_IsAnError()
    {
        var result = Translator.ImportYaml("""
            apiVersion: telemetry.istio.io/v1
            kind: Telemetry
            metadata: { name: default, namespace: shop }
            spec:
              accessLogging:
              - providers: [{ name: otel }]
              - disabled: true
              metrics:
              - providers: [{ name: prometheus }]
            """, "telemetry.yaml");
        Assert.Contains(result.Diagnostics, d => d.Path == "telemetry.yaml#0 $.spec.accessLogging[1]" && d.Code == DiagnosticCodes.FieldNotImported);
        Assert.Contains(result.Diagnostics, d => d.Path.StartsWith("telemetry.yaml#0 $.spec.metrics", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Path.StartsWith("telemetry.yaml#0 $.spec.accessLogging[0].providers", StringComparison.Ordinal));

        var invalid = Translator.ImportYaml("""
            apiVersion: telemetry.istio.io/v1
            kind: Telemetry
            metadata: { name: default, namespace: shop }
            spec:
              tracing:
              - randomSamplingPercentage: 140
                customTags:
                  both: { literal: { value: a }, header: { name: x-a } }
            """, "telemetry.yaml");
        Assert.True(invalid.HasErrors);
        Assert.Contains(invalid.Diagnostics, d => d.IsError && d.Path == "telemetry.yaml#0 $.spec.tracing[0].randomSamplingPercentage");
    }
}
