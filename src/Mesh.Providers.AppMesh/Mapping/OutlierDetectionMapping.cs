using Mesh.Kubernetes;
using ModelOutlier = Mesh.Model.OutlierDetection;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>
/// A listener's <c>outlierDetection</c> → the model's: <c>maxServerErrors</c> → consecutive 5xx, <c>interval</c>,
/// <c>baseEjectionDuration</c> → base ejection time, <c>maxEjectionPercent</c> (0–100).
/// </summary>
internal static partial class OutlierDetectionMapping
{
    public static ModelOutlier? ToModel(Resources.OutlierDetection? outlier, string source, string path, ImportContext ctx)
    {
        if (outlier is null) return null;
        if (outlier.MaxServerErrors is < 1)
        {
            ctx.Invalid(source, path + ".maxServerErrors", "maxServerErrors is a positive number.");
            return null;
        }
        if (outlier.MaxEjectionPercent is < 0 or > 100)
        {
            ctx.Invalid(source, path + ".maxEjectionPercent", "maxEjectionPercent is between 0 and 100.");
            return null;
        }
        return new ModelOutlier
        {
            Consecutive5xx = outlier.MaxServerErrors,
            Interval = DurationMapping.ToModel(outlier.Interval, source, path + ".interval", ctx),
            BaseEjectionTime = DurationMapping.ToModel(outlier.BaseEjectionDuration, source, path + ".baseEjectionDuration", ctx),
            MaxEjectionPercent = outlier.MaxEjectionPercent,
        };
    }
}
