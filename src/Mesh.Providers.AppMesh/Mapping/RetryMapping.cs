using AppMeshRetry = Mesh.Providers.AppMesh.Resources.RetryPolicy;
using Mesh.Collections;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.AppMesh.Translation;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>
/// A rule's retry policy → the route's <c>retryPolicy</c>: attempts as <c>maxRetries</c>; <c>perRetryTimeout</c>, which App Mesh
/// requires, from the per-try timeout or 15s (App Mesh's default request timeout); conditions as retry events
/// (<see cref="RetryEvents"/>): HTTP events, <c>connection-error</c> for connect failures, gRPC events on gRPC routes only.
/// Without conditions App Mesh's usual server-error, gateway-error and connection-error are written. Reset, status codes and
/// back-off have no App Mesh setting; a policy left without any event is not written (App Mesh needs one).
/// </summary>
internal static partial class RetryMapping
{
    // Model → App Mesh.
    /// <summary>The per-retry timeout written when the model has none.</summary>
    public static readonly TimeSpan DefaultPerTryTimeout = TimeSpan.FromSeconds(15);

    public static AppMeshRetry? ToAppMesh(RetryPolicy? retry, string path, bool grpc, AppMeshExportContext ctx)
    {
        if (retry is null) return null;
        var http = new List<string>();
        var grpcEvents = new List<string>();
        var tcp = new List<string>();
        if (retry.On.IsEmpty)
        {
            http.AddRange([RetryEvents.Http[RetryCondition.ServerError], RetryEvents.Http[RetryCondition.GatewayError]]);
            tcp.Add(RetryEvents.ConnectionError);
            ctx.ApproximatedOnce(path, "App Mesh needs retry events: the mesh's default conditions are written as server-error, gateway-error and connection-error.");
        }
        for (var j = 0; j < retry.On.Count; j++)
        {
            var condition = retry.On[j];
            if (RetryEvents.Http.TryGetValue(condition, out var h)) Add(http, h);
            else if (condition == RetryCondition.ConnectFailure) Add(tcp, RetryEvents.ConnectionError);
            else if (RetryEvents.Grpc.TryGetValue(condition, out var g))
            {
                if (grpc) Add(grpcEvents, g);
                else ctx.UnsupportedOnce($"{path}.on[{j}]", $"App Mesh retries on gRPC events on gRPC routes only: '{WireNames.Of(condition)}' is not written on HTTP routes.");
            }
            else ctx.UnsupportedOnce($"{path}.on[{j}]", $"App Mesh has no retry event for '{WireNames.Of(condition)}': the condition is not written.");
        }
        if (!retry.StatusCodes.IsEmpty) ctx.UnsupportedOnce($"{path}.statusCodes", "App Mesh retries on event classes, not on status codes: the status codes are not written.");
        if (retry.Backoff is not null) ctx.UnsupportedOnce($"{path}.backoff", "App Mesh has no retry back-off setting: the back-off is not written.");
        if (http.Count + grpcEvents.Count + tcp.Count == 0)
        {
            ctx.UnsupportedOnce(path, "None of the retry conditions has an App Mesh retry event, and App Mesh needs one: the retry policy is not written.");
            return null;
        }
        TimeSpan perTry;
        if (retry.PerTryTimeout is { } given)
        {
            perTry = given;
            if (DurationMapping.ToAppMesh(given).Rounded) ctx.ApproximatedOnce($"{path}.perTryTimeout", "App Mesh durations are whole seconds or milliseconds: the per-try timeout is rounded to the millisecond.");
        }
        else
        {
            perTry = DefaultPerTryTimeout;
            ctx.ApproximatedOnce(path, "App Mesh requires perRetryTimeout: the policy has none, so 15s (App Mesh's default request timeout) is written.");
        }
        return new AppMeshRetry
        {
            MaxRetries = retry.Attempts,
            PerRetryTimeout = DurationMapping.ToAppMesh(perTry).Duration,
            HttpRetryEvents = Lists.OrNull(http),
            GrpcRetryEvents = Lists.OrNull(grpcEvents),
            TcpRetryEvents = Lists.OrNull(tcp),
        };
    }

    private static void Add(List<string> events, string value)
    {
        if (!events.Contains(value)) events.Add(value);
    }

    // App Mesh → model.
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
