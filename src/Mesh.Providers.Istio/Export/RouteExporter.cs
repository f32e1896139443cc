using Mesh.Kubernetes;
using System.Globalization;
using Mesh.Model;
using Mesh.Providers.Istio.Mapping;
using Mesh.Providers.Istio.Resources;
using Model = Mesh.Model;

namespace Mesh.Providers.Istio.Export;

/// <summary>HTTP and TCP routes → <c>VirtualService</c>s.</summary>
internal static class RouteExporter
{
    /// <summary>The regex that selects a whole path, used to express a full-path rewrite.</summary>
    public const string WholePath = "^.*$";

    /// <summary>The regex written for "any value" (header/query presence, any origin).</summary>
    public const string AnyValue = ".*";

    public static Resources.HttpRoute Rule(HttpRouteRule rule, string path, IstioExportContext ctx)
    {
        var result = new Resources.HttpRoute
        {
            Match = Lists.OrNull(rule.Matches.Select((m, i) => Match(m, path, i, ctx))),
        };

        if (rule.Redirect is { } redirect)
        {
            if (!rule.Backends.IsEmpty) ctx.Unsupported($"{path}.backends", "Istio answers a redirect instead of routing; the backends of a redirecting rule are not written.");
            if (redirect.PathPrefix is not null) ctx.Unsupported($"{path}.redirect.pathPrefix", "Istio redirects replace the whole path (redirect.uri); a prefix-replacing redirect is not expressible.");
            result.Redirect = new HttpRedirect
            {
                Uri = redirect.Path,
                Authority = redirect.Host,
                Port = redirect.Port,
                Scheme = redirect.Scheme,
                RedirectCode = redirect.StatusCode == 301 ? null : redirect.StatusCode,
            };
        }
        else
        {
            result.Route = Lists.OrNull(Backends(rule.Backends, $"{path}.backends", ctx)
                .Select(b => new HttpRouteDestination { Destination = b.Destination, Weight = b.Weight }));
        }

        if (rule.Timeout is { } timeout) result.Timeout = GoDuration.Format(timeout);
        if (rule.Retry is { } retry) result.Retries = Retry(retry, $"{path}.retry", ctx);
        if (rule.Fault is { } fault && (fault.Delay is not null || fault.Abort is not null))
        {
            result.Fault = new HttpFaultInjection
            {
                Delay = fault.Delay is { } d ? new FaultDelaySpec { FixedDelay = GoDuration.Format(d.Duration), Percentage = Percent(d.Percentage) } : null,
                Abort = fault.Abort is { } a ? new FaultAbortSpec { HttpStatus = a.HttpStatus, Percentage = Percent(a.Percentage) } : null,
            };
        }
        if (rule.Mirror is { } mirror)
        {
            result.Mirror = Destination(mirror.Service, mirror.Subset, mirror.Port, ctx);
            result.MirrorPercentage = mirror.Percentage == 100m ? null : Percent(mirror.Percentage);
        }
        if (rule.Redirect is not null && rule.Rewrite is { } ignored && (ignored.PathPrefix ?? ignored.FullPath ?? ignored.Authority) is not null)
        {
            ctx.Unsupported($"{path}.rewrite", "Istio does not rewrite a request it answers with a redirect; the rewrite is not written.");
        }
        else if (rule.Rewrite is { } rewrite && (rewrite.PathPrefix ?? rewrite.FullPath ?? rewrite.Authority) is not null)
        {
            if (rewrite.PathPrefix is not null && rewrite.FullPath is not null)
            {
                ctx.Unsupported($"{path}.rewrite.fullPath", "Istio takes one path rewrite; the prefix rewrite is written and the full-path rewrite is not.");
            }
            result.Rewrite = new HttpRewrite
            {
                Uri = rewrite.PathPrefix,
                UriRegexRewrite = rewrite.PathPrefix is null && rewrite.FullPath is { } full ? new RegexRewrite { Match = WholePath, Rewrite = full.Replace("\\", "\\\\", StringComparison.Ordinal) } : null,
                Authority = rewrite.Authority,
            };
        }
        var request = HeaderOps(rule.RequestHeaders);
        var response = HeaderOps(rule.ResponseHeaders);
        if (request is not null || response is not null) result.Headers = new Headers { Request = request, Response = response };
        if (rule.Cors is { } cors) result.CorsPolicy = Cors(cors);
        return result;
    }

    public static Resources.TcpRoute Tcp(Model.TcpRoute route, string path, IstioExportContext ctx) => new()
    {
        Match = route.Port is { } port ? [new L4MatchAttributes { Port = port }] : null,
        Route = Lists.OrNull(Backends(route.Backends, $"{path}.backends", ctx).Select(b => new RouteDestination { Destination = b.Destination, Weight = b.Weight })),
    };

    private static HttpMatchRequest Match(HttpMatch match, string rulePath, int index, IstioExportContext ctx)
    {
        // Paths are built only when a diagnostic needs one.
        string At(string list, int i) => $"{rulePath}.matches[{index}].{list}[{i}]";
        var result = new HttpMatchRequest();
        if (match.Path is { } p)
        {
            result.Uri = p.Kind switch
            {
                PathMatchKind.Exact => new StringMatch { Exact = p.Value },
                PathMatchKind.Prefix => new StringMatch { Prefix = p.Value },
                _ => new StringMatch { Regex = p.Value },
            };
        }
        if (match.Method is { } method) result.Method = new StringMatch { Exact = method.ToUpperInvariant() };
        for (var i = 0; i < match.Headers.Count; i++)
        {
            var h = match.Headers[i];
            var name = h.Name.ToLowerInvariant();
            if (h.Kind == ValueMatchKind.Absent)
            {
                Put(result.WithoutHeaders ??= new(StringComparer.Ordinal), name, new StringMatch(), () => At("headers", i), ctx);
            }
            else
            {
                Put(result.Headers ??= new(StringComparer.Ordinal), name, h.Kind == ValueMatchKind.Present ? new StringMatch() : Value(h), () => At("headers", i), ctx);
            }
        }
        for (var i = 0; i < match.QueryParams.Count; i++)
        {
            var q = match.QueryParams[i];
            switch (q.Kind)
            {
                case ValueMatchKind.Absent:
                    ctx.Unsupported(At("queryParams", i), $"Istio cannot match the absence of query parameter '{q.Name}'; the condition is not written.");
                    break;
                case ValueMatchKind.Present:
                    Put(result.QueryParams ??= new(StringComparer.Ordinal), q.Name, new StringMatch { Regex = AnyValue }, () => At("queryParams", i), ctx);
                    break;
                default:
                    Put(result.QueryParams ??= new(StringComparer.Ordinal), q.Name, Value(q), () => At("queryParams", i), ctx);
                    break;
            }
        }
        return result;
    }

    private static void Put(Dictionary<string, StringMatch> map, string name, StringMatch value, Func<string> path, IstioExportContext ctx)
    {
        if (!map.TryAdd(name, value))
        {
            ctx.Unsupported(path(), $"Istio takes one condition per name; a second condition on '{name}' is not written.");
        }
    }

    private static StringMatch Value(ValueMatch m) => m.Kind switch
    {
        ValueMatchKind.Exact => new StringMatch { Exact = m.Value ?? string.Empty },
        ValueMatchKind.Prefix => new StringMatch { Prefix = m.Value ?? string.Empty },
        _ => new StringMatch { Regex = m.Value ?? string.Empty },
    };

    internal readonly record struct Weighted(Resources.Destination Destination, int? Weight);

    internal static List<Weighted> Backends(IReadOnlyList<WeightedBackend> backends, string path, IstioExportContext ctx)
    {
        var list = new List<Weighted>(backends.Count);
        if (backends.Count == 0) return list;
        if (backends.Count == 1)
        {
            list.Add(new Weighted(Destination(backends[0].Service, backends[0].Subset, backends[0].Port, ctx), null));
            return list;
        }
        var percent = Weights.ToPercent([.. backends.Select(b => b.Weight)], out var rounded);
        if (rounded)
        {
            var before = string.Join(":", backends.Select(b => b.Weight.ToString(CultureInfo.InvariantCulture)));
            var after = string.Join(":", percent.Select(w => w.ToString(CultureInfo.InvariantCulture)));
            ctx.Rounded(path, $"Istio weights add up to 100; {before} was rounded to {after} (largest remainder).");
        }
        for (var i = 0; i < backends.Count; i++)
        {
            list.Add(new Weighted(Destination(backends[i].Service, backends[i].Subset, backends[i].Port, ctx), percent[i]));
        }
        return list;
    }

    internal static Resources.Destination Destination(ServiceRef service, string? subset, int? port, IstioExportContext ctx) => new()
    {
        Host = ctx.Fqdn(service),
        Subset = subset,
        Port = port is { } p ? new PortSelector { Number = p } : null,
    };

    private static HttpRetry Retry(RetryPolicy retry, string path, IstioExportContext ctx)
    {
        var on = retry.On.Select(WireNames.Of).Concat(retry.StatusCodes.Select(c => c.ToString(CultureInfo.InvariantCulture)));
        var retryOn = string.Join(",", on);
        if (retry.Backoff?.MaxInterval is not null)
        {
            ctx.Approximated($"{path}.backoff.maxInterval", "Istio sets only the base back-off interval; the maximum is Envoy's default (ten times the base).");
        }
        return new HttpRetry
        {
            Attempts = retry.Attempts,
            PerTryTimeout = retry.PerTryTimeout is { } t ? GoDuration.Format(t) : null,
            RetryOn = retryOn.Length == 0 ? null : retryOn,
            Backoff = retry.Backoff is { } b ? GoDuration.Format(b.BaseInterval) : null,
        };
    }

    internal static Percent Percent(decimal value) => new() { Value = (double)value };

    private static HeaderOperations? HeaderOps(HeaderModifier? modifier)
    {
        if (modifier is null) return null;
        var ops = new HeaderOperations
        {
            Set = Lists.OrNull(modifier.Set),
            Add = Lists.OrNull(modifier.Add),
            Remove = Lists.OrNull(modifier.Remove),
        };
        return ops.Set is null && ops.Add is null && ops.Remove is null ? null : ops;
    }

    private static Resources.CorsPolicy Cors(Model.CorsPolicy cors) => new()
    {
        AllowOrigins = Lists.OrNull(cors.AllowOrigins.Select(origin => origin == "*" ? new StringMatch { Regex = AnyValue } : new StringMatch { Exact = origin })),
        AllowMethods = Lists.OrNull(cors.AllowMethods),
        AllowHeaders = Lists.OrNull(cors.AllowHeaders),
        ExposeHeaders = Lists.OrNull(cors.ExposeHeaders),
        MaxAge = cors.MaxAge is { } age ? GoDuration.Format(age) : null,
        AllowCredentials = cors.AllowCredentials,
    };
}
