using Mesh.Providers.Istio.Translation;

namespace Mesh.Providers.Istio.Mapping;

/// <summary>Outlier detection ↔ <c>outlierDetection</c>: consecutive 5xx and gateway errors, interval, base ejection time, max ejection percent.</summary>
internal static class OutlierDetectionMapping
{
    public static Resources.OutlierDetection ToIstio(Model.OutlierDetection od) => new()
    {
        Consecutive5xxErrors = od.Consecutive5xx,
        ConsecutiveGatewayErrors = od.ConsecutiveGatewayErrors,
        Interval = od.Interval is { } i ? DurationMapping.ToIstio(i) : null,
        BaseEjectionTime = od.BaseEjectionTime is { } b ? DurationMapping.ToIstio(b) : null,
        MaxEjectionPercent = od.MaxEjectionPercent,
    };

    public static Model.OutlierDetection ToModel(Resources.OutlierDetection od, string source, string path, IstioImportContext ctx) => new()
    {
        Consecutive5xx = od.Consecutive5xxErrors,
        ConsecutiveGatewayErrors = od.ConsecutiveGatewayErrors,
        Interval = DurationMapping.ToModel(od.Interval, source, $"{path}.interval", ctx),
        BaseEjectionTime = DurationMapping.ToModel(od.BaseEjectionTime, source, $"{path}.baseEjectionTime", ctx),
        MaxEjectionPercent = od.MaxEjectionPercent,
    };
}
