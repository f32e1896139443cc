using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Consul.Resources;

namespace Mesh.Providers.Consul.Mapping;

/// <summary>
/// A route destination's retry fields → the rule's retry policy: <c>numRetries</c> the attempts, <c>retryOn</c> the conditions,
/// <c>retryOnConnectFailure</c> connect-failure, <c>retryOnStatusCodes</c> the status codes (with retriable-status-codes).
/// </summary>
internal static partial class RetryMapping
{
    public static RetryPolicy? ToModel(ServiceRouteDestination? d, string source, string path, ImportContext ctx)
    {
        if (d is null || (d.NumRetries is null && d.RetryOn is null && d.RetryOnConnectFailure is null && d.RetryOnStatusCodes is null)) return null;
        var on = new List<RetryCondition>();
        for (var i = 0; i < (d.RetryOn?.Count ?? 0); i++)
        {
            var text = d.RetryOn![i];
            if (Parse(text) is { } condition) { if (!on.Contains(condition)) on.Add(condition); }
            else ctx.NotImported(source, $"{path}.retryOn[{i}]", $"The model has no retry condition '{text}': it is not carried.");
        }
        if (d.RetryOnConnectFailure == true && !on.Contains(RetryCondition.ConnectFailure)) on.Add(RetryCondition.ConnectFailure);
        var codes = d.RetryOnStatusCodes ?? [];
        if (codes.Count > 0 && !on.Contains(RetryCondition.RetriableStatusCodes)) on.Add(RetryCondition.RetriableStatusCodes);
        if (d.NumRetries is null)
        {
            ctx.NotImported(source, path, "Retry conditions without numRetries use Consul's default attempts, which the model does not know: they are not carried.");
            return null;
        }
        return new RetryPolicy { Attempts = d.NumRetries.Value, On = [.. on], StatusCodes = [.. codes] };
    }

    private static RetryCondition? Parse(string text) => text switch
    {
        "5xx" => RetryCondition.ServerError,
        "gateway-error" => RetryCondition.GatewayError,
        "reset" => RetryCondition.Reset,
        "connect-failure" => RetryCondition.ConnectFailure,
        "refused-stream" => RetryCondition.RefusedStream,
        "retriable-4xx" => RetryCondition.Retriable4xx,
        "cancelled" => RetryCondition.Cancelled,
        "deadline-exceeded" => RetryCondition.DeadlineExceeded,
        "internal" => RetryCondition.Internal,
        "resource-exhausted" => RetryCondition.ResourceExhausted,
        "unavailable" => RetryCondition.Unavailable,
        "retriable-status-codes" => RetryCondition.RetriableStatusCodes,
        _ => null,
    };
}
