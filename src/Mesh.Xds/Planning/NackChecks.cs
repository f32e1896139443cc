using Mesh.Model;
using Mesh.Xds.EnvoyApi;

namespace Mesh.Xds.Planning;

/// <summary>
/// Values Envoy would reject (a NACK) or could not run, checked before anything is encoded: regexes RE2 cannot run,
/// durations, percentages, statuses and counts outside what Envoy accepts, resource names declared twice.
/// </summary>
/// <remarks>
/// Most of these are also model rules of <c>MeshValidator</c> (with <c>MESH20xx</c> codes). They stay here because
/// <see cref="XdsEncoder"/> does not run the validator: a caller that builds a model in code and encodes it
/// directly has only these between a bad value and a NACK. The CLI validates first and stops on errors, so it
/// never reports both.
/// </remarks>
internal static class NackChecks
{
    /// <summary>The proxy asking must identify itself.</summary>
    public static void Proxy(PlanContext context)
    {
        if (string.IsNullOrEmpty(context.Proxy.NodeId))
        {
            context.Error(XdsDiagnosticCodes.InvalidProxy, "$.proxy.nodeId", "The proxy needs a node id.");
        }
    }

    /// <summary>A service declared twice would give two clusters the same name.</summary>
    public static void DuplicateServices(PlanContext context)
    {
        foreach (var i in context.DuplicateServices)
        {
            context.Error(XdsDiagnosticCodes.DuplicateResource, $"$.spec.services[{i}]", $"Service {context.Config.Services[i].Reference} is declared twice; its clusters would have the same names.");
        }
    }

    /// <summary>Connect timeouts, outlier detection intervals and ejection settings of the destination policies.</summary>
    public static void DestinationPolicies(PlanContext context)
    {
        var policies = context.Config.DestinationPolicies;
        for (var i = 0; i < policies.Count; i++)
        {
            var policy = policies[i];
            var path = $"$.spec.destinationPolicies[{i}]";
            if (policy.ConnectionPool?.ConnectTimeout is { } connect && connect <= TimeSpan.Zero)
            {
                context.Error(XdsDiagnosticCodes.InvalidValue, path + ".connectionPool.connectTimeout", "The connect timeout must be positive.");
            }
            if (policy.OutlierDetection is { } outlier)
            {
                if (outlier.Interval is { } interval && interval <= TimeSpan.Zero) context.Error(XdsDiagnosticCodes.InvalidValue, path + ".outlierDetection.interval", "The outlier detection interval must be positive.");
                if (outlier.BaseEjectionTime is { } ejection && ejection <= TimeSpan.Zero) context.Error(XdsDiagnosticCodes.InvalidValue, path + ".outlierDetection.baseEjectionTime", "The base ejection time must be positive.");
                if (outlier.MaxEjectionPercent is < 0 or > 100) context.Error(XdsDiagnosticCodes.InvalidValue, path + ".outlierDetection.maxEjectionPercent", "The maximum ejection percentage must be 0-100.");
            }
        }
    }

    /// <summary>The redirect status as Envoy's response code; a status Envoy does not send is an error.</summary>
    public static RedirectResponseCode RedirectCode(PlanContext context, int status, string path)
    {
        switch (status)
        {
            case 301: return RedirectResponseCode.MovedPermanently;
            case 302: return RedirectResponseCode.Found;
            case 303: return RedirectResponseCode.SeeOther;
            case 307: return RedirectResponseCode.TemporaryRedirect;
            case 308: return RedirectResponseCode.PermanentRedirect;
            default:
                context.Error(XdsDiagnosticCodes.InvalidValue, path, $"Redirect status {status} is not one Envoy sends (301, 302, 303, 307, 308).");
                return RedirectResponseCode.MovedPermanently;
        }
    }

    /// <summary>A rule's timeout, retry policy, fault injection and mirror percentage.</summary>
    public static void Rule(PlanContext context, HttpRouteRule rule, string path)
    {
        if (rule.Timeout < TimeSpan.Zero) context.Error(XdsDiagnosticCodes.InvalidValue, path + ".timeout", "The timeout must not be negative.");
        if (rule.Retry is { } retry)
        {
            if (retry.Attempts < 0) context.Error(XdsDiagnosticCodes.InvalidValue, path + ".retry.attempts", "Retry attempts must not be negative.");
            if (retry.PerTryTimeout < TimeSpan.Zero) context.Error(XdsDiagnosticCodes.InvalidValue, path + ".retry.perTryTimeout", "The per-try timeout must not be negative.");
            if (retry.Backoff is { } backoff && (backoff.BaseInterval <= TimeSpan.Zero || backoff.MaxInterval < backoff.BaseInterval))
            {
                context.Error(XdsDiagnosticCodes.InvalidValue, path + ".retry.backoff", "The back-off base interval must be positive and not above the maximum interval.");
            }
            for (var c = 0; c < retry.StatusCodes.Count; c++)
            {
                if (retry.StatusCodes[c] is < 100 or > 599) context.Error(XdsDiagnosticCodes.InvalidValue, $"{path}.retry.statusCodes[{c}]", $"{retry.StatusCodes[c]} is not an HTTP status code.");
            }
        }
        if (rule.Fault is { } fault)
        {
            if (fault.Delay is { } delay)
            {
                if (delay.Duration <= TimeSpan.Zero) context.Error(XdsDiagnosticCodes.InvalidValue, path + ".fault.delay.duration", "The fault delay must be positive.");
                Percentage(context, delay.Percentage, path + ".fault.delay.percentage");
            }
            if (fault.Abort is { } abort)
            {
                if (abort.HttpStatus is < 200 or > 599) context.Error(XdsDiagnosticCodes.InvalidValue, path + ".fault.abort.httpStatus", $"Envoy aborts with statuses 200-599, not {abort.HttpStatus}.");
                Percentage(context, abort.Percentage, path + ".fault.abort.percentage");
            }
        }
        if (rule.Mirror is { } mirror) Percentage(context, mirror.Percentage, path + ".mirror.percentage");
    }

    /// <summary>
    /// The regexes of a match (path, headers, query parameters); a query parameter that must be absent, which Envoy
    /// cannot match, is reported as not encoded.
    /// </summary>
    public static void Match(PlanContext context, HttpMatch match, string path)
    {
        if (match.Path is { Kind: PathMatchKind.Regex } p) Regex(context, p.Value, path + ".path.regex");
        for (var h = 0; h < match.Headers.Count; h++)
        {
            if (match.Headers[h] is { Kind: ValueMatchKind.Regex, Value: { } v }) Regex(context, v, $"{path}.headers[{h}].regex");
        }
        for (var q = 0; q < match.QueryParams.Count; q++)
        {
            var query = match.QueryParams[q];
            if (query is { Kind: ValueMatchKind.Regex, Value: { } v }) Regex(context, v, $"{path}.queryParams[{q}].regex");
            if (query.Kind == ValueMatchKind.Absent)
            {
                context.Warning(XdsDiagnosticCodes.NotEncoded, $"{path}.queryParams[{q}]", $"Envoy cannot match the absence of query parameter '{query.Name}'; the route matches without that condition.");
            }
        }
    }

    private static void Percentage(PlanContext context, decimal value, string path)
    {
        if (value is < 0m or > 100m) context.Error(XdsDiagnosticCodes.InvalidValue, path, $"{value} is not a percentage (0-100).");
    }

    private static void Regex(PlanContext context, string pattern, string path)
    {
        if (context.RegexCheck(pattern) is { } reason)
        {
            context.Error(XdsDiagnosticCodes.RegexRejected, path, $"'{pattern}' cannot be used: {reason}");
        }
    }
}
