using Mesh.Kubernetes;
using Mesh.Providers.GatewayApi.Resources;
using Mesh.Providers.GatewayApi.Translation;

namespace Mesh.Providers.GatewayApi.Mapping;

/// <summary>
/// A model rule's timeout ↔ an HTTPRoute rule's <c>timeouts.request</c>, a GEP-2257 duration (<see cref="DurationMapping"/>:
/// whole milliseconds, at most 99999h). <c>timeouts.backendRequest</c> is a per-try timeout, which the model has only as
/// part of a retry policy: it is reported. A GRPCRoute has no timeouts.
/// </summary>
internal static class TimeoutMapping
{
    /// <summary>Model → Gateway API: the timeouts of rule <paramref name="rulePath"/> with <paramref name="timeout"/>.</summary>
    public static HttpRouteTimeouts ToGatewayApi(TimeSpan timeout, RulePath rulePath, RouteExportContext ctx)
    {
        if (!DurationMapping.TryFormat(timeout, out var text)) ctx.Approximated($"{rulePath}.timeout", $"Gateway API durations are whole milliseconds up to 99999h; the timeout is written as {text}.");
        return new HttpRouteTimeouts { Request = text };
    }

    /// <summary>Gateway API → model: the timeout of the rule at <paramref name="rulePath"/> (null without <c>request</c>, or when it is invalid: reported).</summary>
    public static TimeSpan? ToModel(HttpRouteTimeouts timeouts, string source, string rulePath, ImportContext ctx)
    {
        var timeout = Duration(timeouts.Request, source, $"{rulePath}.timeouts.request", ctx);
        if (timeouts.BackendRequest is not null)
        {
            _ = Duration(timeouts.BackendRequest, source, $"{rulePath}.timeouts.backendRequest", ctx);
            ctx.NotImported(source, $"{rulePath}.timeouts.backendRequest", "The model has a per-try timeout only as part of a retry policy; backendRequest was not imported.");
        }
        return timeout;
    }

    private static TimeSpan? Duration(string? text, string source, string path, ImportContext ctx)
    {
        if (text is null) return null;
        if (DurationMapping.TryParse(text, out var value)) return value;
        ctx.Invalid(source, path, $"'{text}' is not a Gateway API duration (GEP-2257: e.g. 10s, 1s500ms, 1h30m; no decimals).");
        return null;
    }
}
