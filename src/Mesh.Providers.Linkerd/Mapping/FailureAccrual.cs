using System.Globalization;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Mapping;

namespace Mesh.Providers.Linkerd.Mapping;

/// <summary>
/// Outlier detection ↔ Linkerd's consecutive-failure accrual, the <c>balancer.linkerd.io/failure-accrual*</c> annotations of
/// a Service: <c>consecutive</c> mode, <c>…-max-failures</c> from the consecutive 5xx (or gateway-error) count,
/// <c>…-min-penalty</c> from the base ejection time.
/// </summary>
internal static class FailureAccrual
{
    /// <summary>Linkerd's default of <c>…-max-failures</c>.</summary>
    public const int DefaultMaxFailures = 7;

    /// <summary>The annotations for <paramref name="outlier"/>, in key order.</summary>
    public static SortedDictionary<string, string> Annotations(OutlierDetection outlier)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal) { [LinkerdAnnotations.FailureAccrual] = "consecutive" };
        if ((outlier.Consecutive5xx ?? outlier.ConsecutiveGatewayErrors) is { } failures)
        {
            result[LinkerdAnnotations.FailureAccrualMaxFailures] = failures.ToString(CultureInfo.InvariantCulture);
        }
        if (outlier.BaseEjectionTime is { } penalty)
        {
            GatewayDuration.TryFormat(penalty, out var text);
            result[LinkerdAnnotations.FailureAccrualMinPenalty] = text;
        }
        return result;
    }
}
