using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Validation.Validators;

/// <summary>Validates a <see cref="DestinationPolicy"/>: its target exists, and its load balancer, pool, outlier, client TLS and rate-limit settings (a rate limit needs workloads of the mesh serving HTTP).</summary>
internal sealed class DestinationPolicyValidator : ModelValidator<DestinationPolicy>
{
    public static readonly DestinationPolicyValidator Instance = new();

    private DestinationPolicyValidator()
    {
        RuleFor(x => x.LoadBalancer!).SetValidator(LoadBalancerValidator.Instance);
        RuleFor(x => x.ConnectionPool!).SetValidator(ConnectionPoolValidator.Instance);
        RuleFor(x => x.OutlierDetection!).SetValidator(OutlierDetectionValidator.Instance);
        RuleFor(x => x.Tls!).SetValidator(ClientTlsValidator.Instance);
        RuleFor(x => x.RateLimit!).SetValidator(LocalRateLimitValidator.Instance);
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
        if (item.RateLimit is not null) RateLimitTarget(item.Target, report);
        // Failover needs ejection: without outlier detection no endpoint is ever unhealthy, so traffic never fails over.
        if (item.LoadBalancer?.Locality is { } locality && (locality.Failover.Count > 0 || locality.FailoverPriority.Count > 0) && item.OutlierDetection is null)
        {
            report.Warning("LoadBalancer.Locality.Failover", DiagnosticCodes.InvalidLoadBalancing, "Locality failover takes effect only with outlier detection (no endpoint is ever ejected without it); add outlierDetection to the policy.");
        }
    }

    /// <summary>A rate limit is enforced by the target's own proxies on HTTP requests: no external service, no TCP-only port.</summary>
    private static void RateLimitTarget(PolicyTarget target, Reporter report)
    {
        if (ValidationIndex.Of(report.Context) is not { } index || target.Service.Name is null || !index.HasService(target.Service)) return;
        if (index.IsExternal(target.Service))
        {
            report.Error("RateLimit", DiagnosticCodes.InvalidRateLimit, $"'{target.Service}' is an external service: no proxy of the mesh serves it to enforce a local rate limit.");
        }
        else if (target.Port is { } port && index.HasPort(target.Service, port) && !index.HttpPorts(target.Service).Contains(port))
        {
            report.Error("RateLimit", DiagnosticCodes.InvalidRateLimit, $"Port {port} of '{target.Service}' is not an HTTP, HTTP/2 or gRPC port; a local rate limit counts HTTP requests.");
        }
        else if (target.Port is null && index.HasPorts(target.Service) && index.HttpPorts(target.Service).Count == 0)
        {
            report.Error("RateLimit", DiagnosticCodes.InvalidRateLimit, $"'{target.Service}' has no HTTP, HTTP/2 or gRPC port; a local rate limit counts HTTP requests.");
        }
    }
}
