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

    /// <summary>The annotations for <paramref name="outlier"/>, in key order (failure-accrual, …-max-failures, …-min-penalty).</summary>
    public static List<KeyValuePair<string, string>> Annotations(OutlierDetection outlier)
    {
        var result = new List<KeyValuePair<string, string>>(3) { new(LinkerdAnnotations.FailureAccrual, "consecutive") };
        if ((outlier.Consecutive5xx ?? outlier.ConsecutiveGatewayErrors) is { } failures)
        {
            result.Add(new(LinkerdAnnotations.FailureAccrualMaxFailures, failures.ToString(CultureInfo.InvariantCulture)));
        }
        if (outlier.BaseEjectionTime is { } penalty)
        {
            DurationMapping.TryFormat(penalty, out var text);
            result.Add(new(LinkerdAnnotations.FailureAccrualMinPenalty, text));
        }
        return result;
    }
}
