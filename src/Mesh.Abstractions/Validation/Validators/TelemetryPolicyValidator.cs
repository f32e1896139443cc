using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Validation.Rules;

namespace Mesh.Validation.Validators;

/// <summary>
/// Validates a <see cref="TelemetryPolicy"/>: its scope (a workload selector needs a namespace), a sampling percentage in
/// 0–100, and tracing tags with a name, a value (a header name must be a header token) and a default only where a value can
/// be absent.
/// </summary>
internal sealed class TelemetryPolicyValidator : ModelValidator<TelemetryPolicy>
{
    public static readonly TelemetryPolicyValidator Instance = new();

    protected override void Check(TelemetryPolicy item, Reporter report)
    {
        if (item.Namespace is not null) report.DnsLabel(nameof(TelemetryPolicy.Namespace), item.Namespace, "The telemetry policy's namespace");
        else if (!item.Workload.IsEmpty) report.Error(nameof(TelemetryPolicy.Namespace), DiagnosticCodes.MissingRequired, "A telemetry policy for some workloads needs their namespace.");
        foreach (var label in item.Workload)
        {
            if (string.IsNullOrEmpty(label.Key) || label.Value is null) report.Error(nameof(TelemetryPolicy.Workload), DiagnosticCodes.MissingRequired, "A workload selector label needs a non-empty key and a value.");
        }
        if (item.Tracing is not { } tracing) return;
        if (tracing.SamplingPercentage is { } p and (< 0 or > 100))
        {
            report.Error("Tracing.SamplingPercentage", DiagnosticCodes.InvalidTelemetry, $"A sampling percentage is between 0 and 100, not {p}.");
        }
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < tracing.CustomTags.Count; i++)
        {
            var path = $"Tracing.CustomTags[{i}]";
            if (tracing.CustomTags[i] is not { } tag)
            {
                report.Error(path, DiagnosticCodes.MissingRequired, "A tracing tag cannot be null.");
                continue;
            }
            report.Enum($"{path}.Source", tag.Source);
            if (string.IsNullOrEmpty(tag.Name)) report.Error($"{path}.Name", DiagnosticCodes.InvalidTelemetry, "A tracing tag needs a name.");
            else if (!names.TryAdd(tag.Name, i)) report.Error($"{path}.Name", DiagnosticCodes.InvalidTelemetry, $"Tag '{tag.Name}' is already set at index {names[tag.Name]}.");
            if (string.IsNullOrEmpty(tag.Value))
            {
                report.Error($"{path}.Value", DiagnosticCodes.InvalidTelemetry, $"A {WireNames.Of(tag.Source)} tag needs {(tag.Source == TracingTagSource.Literal ? "a value" : "a name to read")}.");
            }
            else if (tag.Source == TracingTagSource.Header && !Syntax.IsHeaderName(tag.Value))
            {
                report.Error($"{path}.Value", DiagnosticCodes.InvalidTelemetry, $"'{tag.Value}' is not a header name.");
            }
            if (tag.Source == TracingTagSource.Literal && tag.Default is not null)
            {
                report.Error($"{path}.Default", DiagnosticCodes.InvalidTelemetry, "A literal tag always has its value: a default applies only to header and environment tags.");
            }
        }
    }
}
