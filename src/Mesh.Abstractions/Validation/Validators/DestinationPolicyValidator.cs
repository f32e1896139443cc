using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Validation.Validators;

/// <summary>Validates a <see cref="DestinationPolicy"/>: its target exists, and its load balancer, pool, outlier and client TLS settings.</summary>
internal sealed class DestinationPolicyValidator : ModelValidator<DestinationPolicy>
{
    public static readonly DestinationPolicyValidator Instance = new();

    private DestinationPolicyValidator()
    {
        RuleFor(x => x.LoadBalancer!).SetValidator(LoadBalancerValidator.Instance);
        RuleFor(x => x.ConnectionPool!).SetValidator(ConnectionPoolValidator.Instance);
        RuleFor(x => x.OutlierDetection!).SetValidator(OutlierDetectionValidator.Instance);
        RuleFor(x => x.Tls!).SetValidator(ClientTlsValidator.Instance);
    }

    protected override void Check(DestinationPolicy item, Reporter report)
    {
        if (item.Target is null)
        {
            report.Required(nameof(DestinationPolicy.Target), null, "The policy target");
            return;
        }
        report.Port("Target.Port", item.Target.Port, "The target port");
        report.Reference("Target.", item.Target.Service, item.Target.Subset, item.Target.Port, "destination policy target");
        // Failover needs ejection: without outlier detection no endpoint is ever unhealthy, so traffic never fails over.
        if (item.LoadBalancer?.Locality is { } locality && (locality.Failover.Count > 0 || locality.FailoverPriority.Count > 0) && item.OutlierDetection is null)
        {
            report.Warning("LoadBalancer.Locality.Failover", DiagnosticCodes.InvalidLoadBalancing, "Locality failover takes effect only with outlier detection (no endpoint is ever ejected without it); add outlierDetection to the policy.");
        }
    }
}
