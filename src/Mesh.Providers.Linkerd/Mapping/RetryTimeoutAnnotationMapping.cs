using System.Globalization;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Mapping;
using Mesh.Providers.GatewayApi.Translation;
using GatewayResources = Mesh.Providers.GatewayApi.Resources;

namespace Mesh.Providers.Linkerd.Mapping;

/// <summary>
/// A route's retry policy and timeout ↔ Linkerd's route annotations (<see cref="LinkerdAnnotations"/>): retries when every
/// rule has the same policy (<c>retry.linkerd.io/limit</c>, <c>…/timeout</c>, and <c>…/http</c> or <c>…/grpc</c> with the
/// conditions), and <c>timeout.linkerd.io/request</c> when every rule has the same timeout (the per-rule
/// <c>timeouts.request</c> are then left out). Read back, the annotations apply to every rule of the route. Durations are
/// written in GEP-2257 form and read in it or Go's.
/// </summary>
internal static class RetryTimeoutAnnotationMapping
{
    private static readonly Dictionary<RetryCondition, string> GrpcConditionNames = new()
    {
        [RetryCondition.Cancelled] = "cancelled",
        [RetryCondition.DeadlineExceeded] = "deadline-exceeded",
        [RetryCondition.Internal] = "internal",
        [RetryCondition.ResourceExhausted] = "resource-exhausted",
        [RetryCondition.Unavailable] = "unavailable",
    };

    /// <summary>
    /// Model → Linkerd: the route's annotations, in key order, or null when there are none. When every rule has the same timeout
    /// and <paramref name="rules"/> (the written HTTPRoute rules; null for a GRPCRoute) carry it, their <c>timeouts</c> are cleared.
    /// </summary>
    public static Dictionary<string, string>? ToLinkerd(Model.HttpRoute route, bool grpc, string path, RouteExportContext ctx, List<GatewayResources.HttpRouteRule>? rules)
    {
        var annotations = new List<KeyValuePair<string, string>>(4);
        var first = route.Rules.Count > 0 ? route.Rules[0] : null;
        if (first is not null && rules is not null && first.Timeout is { } timeout && route.Rules.All(r => r.Timeout == timeout) && rules.All(r => r.Timeouts is not null))
        {
            annotations.Add(new(LinkerdAnnotations.TimeoutRequest, rules[0].Timeouts!.Request!));
            foreach (var rule in rules) rule.Timeouts = null;
        }
        if (route.Rules.Any(r => r.Retry is not null))
        {
            if (first?.Retry is { } retry && route.Rules.All(r => r.Retry == retry))
            {
                Retry(retry, grpc, path, ctx, annotations);
            }
            else
            {
                for (var k = 0; k < route.Rules.Count; k++)
                {
                    if (route.Rules[k].Retry is not null) ctx.Unsupported($"{path}.rules[{k}].retry", "Linkerd sets retries per route (annotations); the rules of this route have different retry policies, so this one is not written.");
                }
            }
        }
        if (annotations.Count == 0) return null;
        // Written in key order (the writer keeps a dictionary's order).
        annotations.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var result = new Dictionary<string, string>(annotations.Count, StringComparer.Ordinal);
        foreach (var (key, value) in annotations) result.Add(key, value);
        return result;
    }

    private static void Retry(RetryPolicy retry, bool grpc, string routePath, RouteExportContext ctx, List<KeyValuePair<string, string>> annotations)
    {
        annotations.Add(new(LinkerdAnnotations.RetryLimit, retry.Attempts.ToString(CultureInfo.InvariantCulture)));
        if (retry.PerTryTimeout is { } perTry)
        {
            if (!DurationMapping.TryFormat(perTry, out var text)) ctx.Approximated($"{routePath}.rules[0].retry.perTryTimeout", $"The per-try timeout is written in whole milliseconds: {text}.");
            annotations.Add(new(LinkerdAnnotations.RetryTimeout, text));
        }
        if (retry.Backoff is not null) ctx.Unsupported($"{routePath}.rules[0].retry.backoff", "Linkerd has no retry back-off setting; it is not written.");
        var conditions = new List<string>();
        foreach (var condition in retry.On)
        {
            switch (condition)
            {
                case RetryCondition.ServerError when !grpc:
                    conditions.Add("5xx");
                    break;
                case RetryCondition.GatewayError when !grpc:
                    conditions.Add("gateway-error");
                    break;
                case RetryCondition.RetriableStatusCodes when !grpc:
                    conditions.AddRange(retry.StatusCodes.Select(c => c.ToString(CultureInfo.InvariantCulture)));
                    break;
                default:
                    if (grpc && GrpcConditionNames.TryGetValue(condition, out var name)) conditions.Add(name);
                    else ctx.Unsupported($"{routePath}.rules[0].retry.on", $"Linkerd cannot retry on '{WireNames.Of(condition)}' for {(grpc ? "a GRPCRoute" : "an HTTPRoute")}; the condition is not written.");
                    break;
            }
        }
        if (conditions.Count > 0) annotations.Add(new(grpc ? LinkerdAnnotations.RetryGrpc : LinkerdAnnotations.RetryHttp, string.Join(",", conditions)));
    }

    /// <summary>Linkerd → model: what the annotations of a route make of each of its rules (a rule's own timeout is kept).</summary>
    public static Func<HttpRouteRule, HttpRouteRule> ToModel(IDictionary<string, string> annotations, bool grpc, string source, ImportContext ctx)
    {
        var timeout = Duration(annotations, LinkerdAnnotations.TimeoutRequest, source, ctx);
        var retry = Retry(annotations, grpc, source, ctx);
        return rule => rule with { Timeout = rule.Timeout ?? timeout, Retry = retry };
    }

    private static string At(string annotation) => "$.metadata.annotations" + JsonPaths.Segment(annotation);

    private static TimeSpan? Duration(IDictionary<string, string> annotations, string key, string source, ImportContext ctx)
    {
        if (!annotations.TryGetValue(key, out var text) || text is null) return null;
        if (DurationMapping.TryParse(text, out var value) || GoDuration.TryParse(text, out value)) return value;
        ctx.Invalid(source, At(key), $"'{text}' is not a duration (e.g. 300ms, 2s, 1m).");
        return null;
    }

    private static RetryPolicy? Retry(IDictionary<string, string> annotations, bool grpc, string source, ImportContext ctx)
    {
        var hasAny = annotations.ContainsKey(LinkerdAnnotations.RetryLimit) || annotations.ContainsKey(LinkerdAnnotations.RetryTimeout)
            || annotations.ContainsKey(LinkerdAnnotations.RetryHttp) || annotations.ContainsKey(LinkerdAnnotations.RetryGrpc);
        if (!hasAny) return null;
        var attempts = 1;
        if (annotations.TryGetValue(LinkerdAnnotations.RetryLimit, out var limit))
        {
            if (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out attempts))
            {
                ctx.Invalid(source, At(LinkerdAnnotations.RetryLimit), $"'{limit}' is not a whole number of retries.");
                attempts = 1;
            }
        }
        var on = new List<RetryCondition>();
        var codes = new List<int>();
        if (annotations.TryGetValue(LinkerdAnnotations.RetryHttp, out var http) && http is not null)
        {
            if (grpc) ctx.NotImported(source, At(LinkerdAnnotations.RetryHttp), "HTTP retry conditions do not apply to a GRPCRoute; they were not imported.");
            else HttpConditions(http, on, codes, source, ctx);
        }
        if (annotations.TryGetValue(LinkerdAnnotations.RetryGrpc, out var grpcText) && grpcText is not null)
        {
            if (!grpc) ctx.NotImported(source, At(LinkerdAnnotations.RetryGrpc), "gRPC retry conditions apply to GRPCRoutes; they were not imported.");
            else GrpcConditions(grpcText, on, source, ctx);
        }
        if (codes.Count > 0) on.Add(RetryCondition.RetriableStatusCodes);
        return new RetryPolicy
        {
            Attempts = attempts,
            PerTryTimeout = Duration(annotations, LinkerdAnnotations.RetryTimeout, source, ctx),
            On = [.. on.Distinct()],
            StatusCodes = [.. codes.Distinct()],
        };
    }

    private static void HttpConditions(string text, List<RetryCondition> on, List<int> codes, string source, ImportContext ctx)
    {
        foreach (var token in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (token == "5xx") on.Add(RetryCondition.ServerError);
            else if (token == "gateway-error") on.Add(RetryCondition.GatewayError);
            else if (Range(token) is { } range) codes.AddRange(range);
            else ctx.NotImported(source, At(LinkerdAnnotations.RetryHttp), $"Retry condition '{token}' is not in the model; it was not imported.");
        }
    }

    private static IEnumerable<int>? Range(string token)
    {
        var dash = token.IndexOf('-', StringComparison.Ordinal);
        var (low, high) = dash < 0 ? (token, token) : (token[..dash], token[(dash + 1)..]);
        if (!int.TryParse(low, NumberStyles.None, CultureInfo.InvariantCulture, out var from) || !int.TryParse(high, NumberStyles.None, CultureInfo.InvariantCulture, out var to)) return null;
        if (from is < 100 or > 599 || to is < 100 or > 599 || to < from) return null;
        return Enumerable.Range(from, to - from + 1);
    }

    private static void GrpcConditions(string text, List<RetryCondition> on, string source, ImportContext ctx)
    {
        foreach (var token in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            RetryCondition? condition = token switch
            {
                "cancelled" => RetryCondition.Cancelled,
                "deadline-exceeded" => RetryCondition.DeadlineExceeded,
                "internal" => RetryCondition.Internal,
                "resource-exhausted" => RetryCondition.ResourceExhausted,
                "unavailable" => RetryCondition.Unavailable,
                _ => null,
            };
            if (condition is { } c) on.Add(c);
            else ctx.NotImported(source, At(LinkerdAnnotations.RetryGrpc), $"gRPC retry condition '{token}' is not in the model; it was not imported.");
        }
    }
}
