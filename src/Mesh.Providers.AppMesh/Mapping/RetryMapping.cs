using Mesh.Collections;
using Mesh.Kubernetes;
using Mesh.Model;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>
/// A route's <c>retryPolicy</c> → the rule's retry policy: <c>maxRetries</c> → attempts, <c>perRetryTimeout</c> → per-try timeout,
/// HTTP, gRPC (gRPC routes only) and TCP retry events → conditions. Unknown events are invalid input.
/// </summary>
internal static partial class RetryMapping
{
    public static RetryPolicy? ToModel(Resources.RetryPolicy? retry, bool grpc, string source, string path, ImportContext ctx)
    {
        if (retry is null) return null;
        if (retry.MaxRetries is not { } attempts || attempts < 0)
        {
            ctx.Invalid(source, path + ".maxRetries", "A retry policy needs a non-negative maxRetries.");
            return null;
        }
        var perTry = DurationMapping.ToModel(retry.PerRetryTimeout, source, path + ".perRetryTimeout", ctx);
        var on = new List<RetryCondition>();
        Events(retry.HttpRetryEvents, RetryEvents.FromHttp, "httpRetryEvents", "server-error, gateway-error, client-error or stream-error");
        if (grpc) Events(retry.GrpcRetryEvents, RetryEvents.FromGrpc, "grpcRetryEvents", "cancelled, deadline-exceeded, internal, resource-exhausted or unavailable");
        else if (retry.GrpcRetryEvents is { Count: > 0 }) ctx.Invalid(source, path + ".grpcRetryEvents", "gRPC retry events belong to gRPC routes.");
        Events(retry.TcpRetryEvents, e => e == RetryEvents.ConnectionError ? RetryCondition.ConnectFailure : null, "tcpRetryEvents", RetryEvents.ConnectionError);
        if (attempts == 0) ImportNotes.Note(ctx, source, path + ".maxRetries", "maxRetries 0 retries nothing; it was read as a policy of zero attempts.");
        return new RetryPolicy { Attempts = attempts, PerTryTimeout = perTry, On = on.Distinct().ToEquatableArray() };

        void Events(List<string>? events, Func<string?, RetryCondition?> parse, string field, string expected)
        {
            for (var i = 0; i < (events?.Count ?? 0); i++)
            {
                if (parse(events![i]) is { } condition) on.Add(condition);
                else ctx.Invalid(source, $"{path}.{field}[{i}]", $"Unknown retry event '{events[i]}' (App Mesh takes {expected}).");
            }
        }
    }
}
