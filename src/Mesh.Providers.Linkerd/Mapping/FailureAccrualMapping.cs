using System.Globalization;
using System.Runtime.CompilerServices;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Mapping;
using Mesh.Providers.GatewayApi.Translation;

namespace Mesh.Providers.Linkerd.Mapping;

/// <summary>
/// Outlier detection ↔ Linkerd's consecutive-failure accrual, the <c>balancer.linkerd.io/failure-accrual*</c> annotations of
/// a Service: <c>consecutive</c> mode, <c>…-max-failures</c> from the consecutive 5xx (or gateway-error) count,
/// <c>…-min-penalty</c> from the base ejection time. The Services this provider writes carry no annotations, so the export
/// reports the annotations to apply; a core <c>v1</c> Service carrying them is read back as a destination policy's outlier detection
/// (max failures defaulting to Linkerd's 7).
/// </summary>
internal static class FailureAccrualMapping
{
    /// <summary>Linkerd's default of <c>…-max-failures</c>.</summary>
    public const int DefaultMaxFailures = 7;

    /// <summary>The annotations read (others of the Service are reported).</summary>
    public static IReadOnlySet<string> Carried { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        LinkerdAnnotations.FailureAccrual, LinkerdAnnotations.FailureAccrualMaxFailures, LinkerdAnnotations.FailureAccrualMinPenalty,
    };

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

    /// <summary>
    /// Model → Linkerd: the outlier detection of the destination policy at <paramref name="path"/>, reported with the exact
    /// Service annotations to apply (and what they cannot say); per subset it is not written.
    /// </summary>
    public static void ToLinkerd(DestinationPolicy policy, OutlierDetection outlier, string path, RouteExportContext ctx)
    {
        if (policy.Target.Subset is not null)
        {
            ctx.Unsupported($"{path}.outlierDetection", "Linkerd's failure accrual is set per Service, not per subset; the outlier detection is not written.");
            return;
        }
        // One string for the message (pooled buffer), not one per annotation and one for their list.
        var message = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture);
        message.AppendLiteral("Linkerd's outlier detection is failure accrual, set by annotations on the Service, which this provider does not write (a Service it writes carries none): annotate Service '");
        message.AppendFormatted(policy.Target.Service.Namespace);
        message.AppendLiteral("/");
        message.AppendFormatted(policy.Target.Service.Name);
        message.AppendLiteral("' with ");
        var first = true;
        foreach (var (key, value) in Annotations(outlier))
        {
            if (!first) message.AppendLiteral(", ");
            first = false;
            message.AppendFormatted(key);
            message.AppendLiteral(": \"");
            message.AppendFormatted(value);
            message.AppendLiteral("\"");
        }
        message.AppendLiteral(".");
        ctx.Approximated($"{path}.outlierDetection", message.ToStringAndClear());
        if (outlier.Consecutive5xx is null && outlier.ConsecutiveGatewayErrors is not null) ctx.Approximated($"{path}.outlierDetection.consecutiveGatewayErrors", "Linkerd counts every failed response (5xx) toward failure accrual, not only gateway errors.");
        if (outlier.Consecutive5xx is not null && outlier.ConsecutiveGatewayErrors is not null) ctx.Unsupported($"{path}.outlierDetection.consecutiveGatewayErrors", "Linkerd has one consecutive-failure count; the gateway-error count is not written.");
        if (outlier.Interval is not null) ctx.Unsupported($"{path}.outlierDetection.interval", "Linkerd's failure accrual counts consecutive failures, not failures per interval; the interval is not written.");
        if (outlier.MaxEjectionPercent is not null) ctx.Unsupported($"{path}.outlierDetection.maxEjectionPercent", "Linkerd's failure accrual has no cap on the share of endpoints made unavailable; the percentage is not written.");
    }

    private static string At(string key) => "$.metadata.annotations" + JsonPaths.Segment(key);

    /// <summary>Linkerd → model: the destination policy of a Service's failure-accrual annotations, or null when it has none (or they are invalid: reported).</summary>
    public static DestinationPolicy? ToModel(CoreService service, string name, string ns, string source, ImportContext ctx)
    {
        var annotations = service.Metadata?.Annotations;
        foreach (var key in new[] { LinkerdAnnotations.FailureAccrualMaxPenalty, LinkerdAnnotations.FailureAccrualJitterRatio })
        {
            if (annotations?.ContainsKey(key) == true) ctx.NotImported(source, At(key), "The model's outlier detection has no maximum penalty or jitter; the annotation is not imported.");
        }
        if (annotations is null || !annotations.TryGetValue(LinkerdAnnotations.FailureAccrual, out var mode))
        {
            foreach (var key in Carried.Where(k => annotations?.ContainsKey(k) == true).Order(StringComparer.Ordinal))
            {
                ctx.NotImported(source, At(key), $"Without {LinkerdAnnotations.FailureAccrual}: consecutive the annotation has no effect; it is not imported.");
            }
            return null;
        }
        if (mode != "consecutive")
        {
            ctx.NotImported(source, At(LinkerdAnnotations.FailureAccrual), $"Failure-accrual mode '{mode}' is not one Linkerd defines (consecutive); the Service's failure accrual is not imported.");
            return null;
        }
        var failures = DefaultMaxFailures;
        if (annotations.TryGetValue(LinkerdAnnotations.FailureAccrualMaxFailures, out var text)
            && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out failures) || failures < 1))
        {
            ctx.Invalid(source, At(LinkerdAnnotations.FailureAccrualMaxFailures), $"'{text}' is not a positive whole number of failures.");
            return null;
        }
        TimeSpan? penalty = null;
        if (annotations.TryGetValue(LinkerdAnnotations.FailureAccrualMinPenalty, out var penaltyText))
        {
            if (DurationMapping.TryParse(penaltyText, out var value) || GoDuration.TryParse(penaltyText, out value)) penalty = value;
            else
            {
                ctx.Invalid(source, At(LinkerdAnnotations.FailureAccrualMinPenalty), $"'{penaltyText}' is not a duration (e.g. 1s, 500ms).");
                return null;
            }
        }
        return new DestinationPolicy
        {
            Target = new PolicyTarget { Service = new ServiceRef(name, ns) },
            OutlierDetection = new OutlierDetection { Consecutive5xx = failures, BaseEjectionTime = penalty },
        };
    }
}
