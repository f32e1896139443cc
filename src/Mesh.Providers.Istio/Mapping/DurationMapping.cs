using Mesh.Kubernetes;
using Mesh.Providers.Istio.Translation;

namespace Mesh.Providers.Istio.Mapping;

/// <summary>
/// Durations ↔ Istio's protobuf duration strings (<c>10s</c>, <c>1.5s</c>, <c>100ms</c>), for every field that holds one:
/// rule timeouts, retries, fault delays, CORS max age, connect timeouts, outlier detection.
/// </summary>
internal static class DurationMapping
{
    public static string ToIstio(TimeSpan value) => GoDuration.Format(value);

    public static TimeSpan? ToModel(string? text, string source, string path, IstioImportContext ctx)
    {
        if (text is null) return null;
        if (GoDuration.TryParse(text, out var value)) return value;
        ctx.Invalid(source, path, $"'{text}' is not a duration (e.g. 10s, 1.5s, 100ms).");
        return null;
    }
}
