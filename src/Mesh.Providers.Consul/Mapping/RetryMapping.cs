using Mesh.Model;
using Mesh.Providers.Consul.Resources;
using Mesh.Providers.Consul.Translation;

namespace Mesh.Providers.Consul.Mapping;

/// <summary>
/// A rule's retry policy → a route destination's <c>numRetries</c>, <c>retryOn</c> (Envoy conditions),
/// <c>retryOnStatusCodes</c> and <c>retryOnConnectFailure</c>. Consul has no per-try timeout and no back-off (reported), and
/// <c>numRetries: 0</c> does not disable retries: a policy of zero attempts writes no retry field.
/// </summary>
internal static partial class RetryMapping
{
    public static void ToConsul(RetryPolicy retry, ServiceRouteDestination destination, string path, ConsulExportContext ctx)
    {
        if (retry.PerTryTimeout is not null) ctx.UnsupportedOnce($"{path}.retry.perTryTimeout", "Consul has no per-try timeout: retries share the route's requestTimeout.");
        if (retry.Backoff is not null) ctx.UnsupportedOnce($"{path}.retry.backoff", "Consul has no retry back-off setting: Envoy's default (25ms base) applies.");
        if (retry.Attempts <= 0)
        {
            ctx.NoteOnce($"{path}.retry.attempts", "numRetries: 0 does not disable retries in Consul: no retry field is written, so Consul's default applies.");
            return;
        }
        destination.NumRetries = retry.Attempts;
        foreach (var condition in retry.On)
        {
            switch (condition)
            {
                case RetryCondition.ConnectFailure: destination.RetryOnConnectFailure = true; break;
                case RetryCondition.RetriableStatusCodes: break; // implied by retryOnStatusCodes
                default: (destination.RetryOn ??= []).Add(Of(condition)); break;
            }
        }
        if (retry.StatusCodes.Count > 0) destination.RetryOnStatusCodes = [.. retry.StatusCodes];
        else if (retry.On.Contains(RetryCondition.RetriableStatusCodes))
        {
            ctx.UnsupportedOnce($"{path}.retry.on", "retriable-status-codes without status codes retries nothing in Consul: it is not written.");
        }
    }

    public static string Of(RetryCondition condition) => condition switch
    {
        RetryCondition.ServerError => "5xx",
        RetryCondition.GatewayError => "gateway-error",
        RetryCondition.Reset => "reset",
        RetryCondition.ConnectFailure => "connect-failure",
        RetryCondition.RefusedStream => "refused-stream",
        RetryCondition.Retriable4xx => "retriable-4xx",
        RetryCondition.Cancelled => "cancelled",
        RetryCondition.DeadlineExceeded => "deadline-exceeded",
        RetryCondition.Internal => "internal",
        RetryCondition.ResourceExhausted => "resource-exhausted",
        RetryCondition.Unavailable => "unavailable",
        _ => "retriable-status-codes",
    };
}
