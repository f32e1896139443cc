namespace Mesh.Providers.Linkerd.Mapping;

/// <summary>The annotations Linkerd reads on routes and Services (string values).</summary>
internal static class LinkerdAnnotations
{
    public const string RetryHttp = "retry.linkerd.io/http";
    public const string RetryGrpc = "retry.linkerd.io/grpc";
    public const string RetryLimit = "retry.linkerd.io/limit";
    public const string RetryTimeout = "retry.linkerd.io/timeout";
    public const string TimeoutRequest = "timeout.linkerd.io/request";
    public const string TimeoutResponse = "timeout.linkerd.io/response";
    public const string TimeoutIdle = "timeout.linkerd.io/idle";

    public const string FailureAccrual = "balancer.linkerd.io/failure-accrual";
    public const string FailureAccrualMaxFailures = "balancer.linkerd.io/failure-accrual-consecutive-max-failures";
    public const string FailureAccrualMinPenalty = "balancer.linkerd.io/failure-accrual-consecutive-min-penalty";
    public const string FailureAccrualMaxPenalty = "balancer.linkerd.io/failure-accrual-consecutive-max-penalty";
    public const string FailureAccrualJitterRatio = "balancer.linkerd.io/failure-accrual-consecutive-jitter-ratio";

    /// <summary>Ports (and ranges) of a Service (or workload) Linkerd proxies as opaque TCP without protocol detection.</summary>
    public const string OpaquePorts = "config.linkerd.io/opaque-ports";

    /// <summary>The annotations the route importer reads (others are reported).</summary>
    public static IReadOnlySet<string> Carried { get; } = new HashSet<string>(StringComparer.Ordinal) { RetryHttp, RetryGrpc, RetryLimit, RetryTimeout, TimeoutRequest };
}
