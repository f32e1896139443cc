using Mesh.Kubernetes;
using Mesh.Providers.AppMesh.Resources;
using Mesh.Providers.AppMesh.Translation;
using ModelOutlier = Mesh.Model.OutlierDetection;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>
/// Outlier detection → a listener's <c>outlierDetection</c>, which needs all four settings: a setting the model leaves to the
/// mesh's default is written with Envoy's (5 errors, 10s interval, 30s ejection, 10%) and reported. App Mesh counts server
/// errors only: consecutive gateway errors are reported.
/// </summary>
internal static partial class OutlierDetectionMapping
{
    // Model → App Mesh.
    public const int DefaultMaxServerErrors = 5;
    public const int DefaultMaxEjectionPercent = 10;
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan DefaultBaseEjection = TimeSpan.FromSeconds(30);

    /// <summary>Reports, once per policy, the gateway-error count and the defaults filled in.</summary>
    public static void Report(ModelOutlier outlier, string path, AppMeshExportContext ctx)
    {
        if (outlier.ConsecutiveGatewayErrors is not null) ctx.Unsupported($"{path}.consecutiveGatewayErrors", "App Mesh's outlier detection counts server errors (maxServerErrors) only: consecutive gateway errors are not written.");
        var filled = new List<string>();
        if (outlier.Consecutive5xx is null) filled.Add($"maxServerErrors {DefaultMaxServerErrors}");
        if (outlier.Interval is null) filled.Add("interval 10s");
        if (outlier.BaseEjectionTime is null) filled.Add("baseEjectionDuration 30s");
        if (outlier.MaxEjectionPercent is null) filled.Add($"maxEjectionPercent {DefaultMaxEjectionPercent}");
        if (filled.Count > 0) ctx.Approximated(path, $"App Mesh's outlierDetection needs all four settings: the missing ones are written with Envoy's defaults ({string.Join(", ", filled)}).");
        Rounded(outlier.Interval, $"{path}.interval", ctx);
        Rounded(outlier.BaseEjectionTime, $"{path}.baseEjectionTime", ctx);
    }

    public static OutlierDetection ToAppMesh(ModelOutlier outlier) => new()
    {
        MaxServerErrors = outlier.Consecutive5xx ?? DefaultMaxServerErrors,
        Interval = DurationMapping.ToAppMesh(outlier.Interval ?? DefaultInterval).Duration,
        BaseEjectionDuration = DurationMapping.ToAppMesh(outlier.BaseEjectionTime ?? DefaultBaseEjection).Duration,
        MaxEjectionPercent = outlier.MaxEjectionPercent ?? DefaultMaxEjectionPercent,
    };

    private static void Rounded(TimeSpan? value, string path, AppMeshExportContext ctx)
    {
        if (value is { } v && DurationMapping.ToAppMesh(v).Rounded) ctx.Approximated(path, "App Mesh durations are whole seconds or milliseconds: the duration is rounded to the millisecond.");
    }

    // App Mesh → model.
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
