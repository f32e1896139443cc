using System.Globalization;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Mapping;
using Mesh.Providers.Linkerd.Mapping;
using Mesh.Providers.Linkerd.Resources;

namespace Mesh.Providers.Linkerd.Import;

/// <summary>
/// The <c>balancer.linkerd.io/failure-accrual*</c> annotations of a Service → a destination policy with outlier detection:
/// max failures as the consecutive 5xx count (Linkerd's default 7 when absent), min penalty as the base ejection time.
/// </summary>
internal static class FailureAccrualImporter
{
    /// <summary>The annotations read (others of the Service are reported).</summary>
    public static IReadOnlySet<string> Carried { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        LinkerdAnnotations.FailureAccrual, LinkerdAnnotations.FailureAccrualMaxFailures, LinkerdAnnotations.FailureAccrualMinPenalty,
    };

    private static string At(string key) => "$.metadata.annotations" + JsonPaths.Segment(key);

    public static DestinationPolicy? Import(CoreService service, string name, string ns, string source, ImportContext ctx)
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
        var failures = FailureAccrual.DefaultMaxFailures;
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
