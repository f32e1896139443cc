using Mesh.Model;

namespace Mesh.Validation.Validators;

/// <summary>Validates an <see cref="OutlierDetection"/>: positive counts and durations, ejection percentage 0–100.</summary>
internal sealed class OutlierDetectionValidator : ModelValidator<OutlierDetection>
{
    public static readonly OutlierDetectionValidator Instance = new();

    protected override void Check(OutlierDetection item, Reporter report)
    {
        report.PositiveLimit(nameof(OutlierDetection.Consecutive5xx), item.Consecutive5xx, "consecutive5xx");
        report.PositiveLimit(nameof(OutlierDetection.ConsecutiveGatewayErrors), item.ConsecutiveGatewayErrors, "consecutiveGatewayErrors");
        report.Positive(nameof(OutlierDetection.Interval), item.Interval, "The outlier detection interval");
        report.Positive(nameof(OutlierDetection.BaseEjectionTime), item.BaseEjectionTime, "The base ejection time");
        report.Percentage(nameof(OutlierDetection.MaxEjectionPercent), item.MaxEjectionPercent, "maxEjectionPercent");
    }
}
