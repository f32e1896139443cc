using System.Globalization;
using System.Text.Json;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Translation;
using Mesh.Providers.Linkerd.Resources;

namespace Mesh.Providers.Linkerd.Mapping;

/// <summary>
/// The legacy <c>ServiceProfile</c> → a model route of its service (read only: it is written back as an HTTPRoute with
/// Linkerd's retry and timeout annotations, see <see cref="RouteMapping"/>): each profile route becomes a rule (path regex and
/// method), timeouts carry over, <c>isRetryable</c> becomes a retry on 5xx with Linkerd's default limit of 1, and
/// <c>dstOverrides</c> become the weighted backends. A final rule without matches keeps unclassified requests flowing
/// to the service, as they did under the profile.
/// </summary>
internal static class ServiceProfileMapping
{
    /// <summary>Linkerd → model: the route of <paramref name="profile"/>, added to <paramref name="model"/>; what it cannot carry is reported.</summary>
    public static void ToModel(ServiceProfile profile, string ns, string source, ModelBuilder model, ImportContext ctx)
    {
        ctx.Legacy(source, "$.kind", "ServiceProfile is Linkerd's legacy routing; its routes, timeouts and retries are written back as an HTTPRoute with retry.linkerd.io and timeout.linkerd.io annotations.");
        var name = profile.Metadata?.Name;
        if (!TryService(name, out var host, out _))
        {
            ctx.NotImported(source, "$.metadata.name", $"'{name}' is not a service FQDN (name.namespace.svc.cluster.local); the profile has no place in the model.");
            return;
        }
        var spec = profile.Spec ?? new ServiceProfileSpec();
        var backends = Backends(spec.DstOverrides, host, source, ctx);
        if (spec.RetryBudget is not null) ctx.NotImported(source, "$.spec.retryBudget", "The model has no retry budget; retries are limited per request instead (retry.linkerd.io/limit).");
        var rules = new List<HttpRouteRule>();
        for (var i = 0; i < (spec.Routes?.Count ?? 0); i++)
        {
            if (spec.Routes![i] is not { } route) continue;
            var path = $"$.spec.routes[{i}]";
            if (route.Name is not null) ctx.NotImportedInfo(source, $"{path}.name", "Route names label metrics; the model's rules have no names.");
            var match = new HttpMatch();
            if (route.Condition is { } condition)
            {
                match = new HttpMatch
                {
                    Path = condition.PathRegex is { } regex ? PathMatch.Regex(regex) : null,
                    Method = condition.Method?.ToUpperInvariant(),
                };
            }
            else
            {
                ctx.Invalid(source, $"{path}.condition", "A ServiceProfile route needs a condition.");
                continue;
            }
            TimeSpan? timeout = null;
            if (route.Timeout is { } text)
            {
                if (GoDuration.TryParse(text, out var value)) timeout = value;
                else ctx.Invalid(source, $"{path}.timeout", $"'{text}' is not a duration (e.g. 300ms, 2s).");
            }
            RetryPolicy? retry = null;
            if (route.IsRetryable == true)
            {
                retry = new RetryPolicy { Attempts = 1, On = [RetryCondition.ServerError] };
                ctx.Legacy(source, $"{path}.isRetryable", "A retryable route became a retry on 5xx with Linkerd's default limit of 1 (retry.linkerd.io/http: 5xx).");
            }
            rules.Add(new HttpRouteRule { Matches = [match], Backends = backends, Timeout = timeout, Retry = retry });
        }
        rules.Add(new HttpRouteRule { Backends = backends });
        model.Routes.Add(new Model.HttpRoute { Name = host.Name, Namespace = ns, Host = host, Rules = [.. rules] });
    }

    private static Mesh.Collections.EquatableArray<WeightedBackend> Backends(List<WeightedDestination>? overrides, ServiceRef host, string source, ImportContext ctx)
    {
        if (overrides is not { Count: > 0 }) return [new WeightedBackend { Service = host }];
        var backends = new List<WeightedBackend>();
        for (var i = 0; i < overrides.Count; i++)
        {
            var path = $"$.spec.dstOverrides[{i}]";
            if (overrides[i] is not { } d) continue;
            if (!TryService(d.Authority, out var service, out var port))
            {
                ctx.NotImported(source, $"{path}.authority", $"'{d.Authority}' is not a service FQDN; the destination was not imported.");
                continue;
            }
            if (!TryMilli(d.Weight, out var weight))
            {
                ctx.Invalid(source, $"{path}.weight", "A weight is a non-negative Kubernetes quantity (1, 500m).");
                continue;
            }
            backends.Add(new WeightedBackend { Service = service, Port = port, Weight = weight });
        }
        if (backends.Count == 0 || backends.All(b => b.Weight == 0)) return [new WeightedBackend { Service = host }];
        return [.. backends];
    }

    /// <summary>Reads <c>name.namespace.svc.DOMAIN[:port]</c>.</summary>
    private static bool TryService(string? text, out ServiceRef service, out int? port)
    {
        service = default;
        port = null;
        if (string.IsNullOrEmpty(text)) return false;
        var colon = text.LastIndexOf(':');
        if (colon > 0)
        {
            if (!int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p is < 1 or > 65535) return false;
            port = p;
            text = text[..colon];
        }
        var parts = text.Split('.');
        if (parts.Length < 4 || parts[2] != "svc" || parts[0].Length == 0 || parts[1].Length == 0) return false;
        service = new ServiceRef(parts[0], parts[1]);
        return true;
    }

    /// <summary>A quantity as thousandths: <c>1</c> → 1000, <c>500m</c> → 500.</summary>
    private static bool TryMilli(JsonElement? weight, out int milli)
    {
        milli = 1000;
        if (weight is not { } w) return true;
        string? text = w.ValueKind switch
        {
            JsonValueKind.Number => w.GetRawText(),
            JsonValueKind.String => w.GetString(),
            _ => null,
        };
        if (string.IsNullOrEmpty(text)) return false;
        var isMilli = text.EndsWith('m');
        if (!decimal.TryParse(isMilli ? text[..^1] : text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || amount < 0) return false;
        var value = isMilli ? amount : amount * 1000m;
        if (value > int.MaxValue || !decimal.IsInteger(value)) return false;
        milli = (int)value;
        return true;
    }
}
