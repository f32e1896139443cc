using Mesh.Kubernetes;
using System.Globalization;
using Mesh.Collections;
using Mesh.Model;
using Mesh.Providers.Istio.Export;
using Mesh.Providers.Istio.Mapping;
using Mesh.Providers.Istio.Resources;
using Model = Mesh.Model;

namespace Mesh.Providers.Istio.Import;

/// <summary><c>VirtualService</c> → HTTP and TCP routes of its (first mesh-service) host.</summary>
internal static class RouteImporter
{
    public static void Import(VirtualService vs, string ns, string source, ModelBuilder model, IstioImportContext ctx)
    {
        var name = ctx.NameOf(vs, source);
        var spec = vs.Spec;
        if (spec?.Hosts is not { Count: > 0 } hosts)
        {
            ctx.Invalid(source, "$.spec.hosts", "A VirtualService needs at least one host.");
            return;
        }
        ServiceRef? host = null;
        for (var i = 0; i < hosts.Count; i++)
        {
            if (host is null && IstioHosts.TryResolve(hosts[i], ns, ctx.Options, out var service))
            {
                host = service;
                continue;
            }
            ctx.NotImported(source, $"$.spec.hosts[{i}]", host is null
                ? $"'{hosts[i]}' is not a mesh service (short name or *.svc.{ctx.Options.ClusterDomain}); the model routes calls to mesh services only."
                : "A model route has one host service; only the first one was imported.");
        }
        if (host is null)
        {
            if (spec.Http is not null) ctx.NotImported(source, "$.spec.http", "No host of this VirtualService is a mesh service, so its HTTP rules have no place in the model.");
            if (spec.Tcp is not null) ctx.NotImported(source, "$.spec.tcp", "No host of this VirtualService is a mesh service, so its TCP rules have no place in the model.");
            return;
        }

        if (spec.Http is { } http)
        {
            var rules = new List<HttpRouteRule>();
            for (var i = 0; i < http.Count; i++)
            {
                if (http[i] is { } rule && Rule(rule, ns, source, $"$.spec.http[{i}]", ctx) is { } imported) rules.Add(imported);
            }
            model.Routes.Add(new Model.HttpRoute { Name = name, Namespace = ns, Host = host.Value, Rules = [.. rules] });
        }
        if (spec.Tcp is { } tcp)
        {
            var count = 0;
            for (var i = 0; i < tcp.Count; i++)
            {
                if (tcp[i] is not { } rule) continue;
                var path = $"$.spec.tcp[{i}]";
                var backends = Backends(rule.Route?.Select(r => (r?.Destination, r?.Weight)).ToList(), ns, source, $"{path}.route", ctx);
                if (backends.IsEmpty)
                {
                    ctx.NotImported(source, path, "The TCP rule has no mesh-service destination; it was not imported.");
                    continue;
                }
                var ports = rule.Match is { Count: > 0 } matches ? matches.Select(m => m?.Port).ToList() : [null];
                foreach (var port in ports)
                {
                    var routeName = count++ == 0 ? name : $"{name}-tcp-{count - 1}";
                    model.TcpRoutes.Add(new Model.TcpRoute { Name = routeName, Namespace = ns, Host = host.Value, Port = port, Backends = backends });
                }
            }
        }
    }

    private static HttpRouteRule? Rule(Resources.HttpRoute rule, string ns, string source, string path, IstioImportContext ctx)
    {
        var matches = new List<HttpMatch>();
        if (rule.Match is { } match)
        {
            for (var i = 0; i < match.Count; i++)
            {
                if (match[i] is { } m) matches.Add(Match(m, source, $"{path}.match[{i}]", ctx));
            }
        }
        var backends = Backends(rule.Route?.Select(r => (r?.Destination, r?.Weight)).ToList(), ns, source, $"{path}.route", ctx);
        Model.Redirect? redirect = null;
        if (rule.Redirect is { } r)
        {
            if (r.RedirectCode == 301) ctx.NotImportedInfo(source, $"{path}.redirect.redirectCode", "301 is the default redirect code; it is written back left out.");
            redirect = new Model.Redirect { Path = r.Uri, Host = r.Authority, Port = r.Port, Scheme = r.Scheme, StatusCode = r.RedirectCode ?? 301 };
        }
        if (backends.IsEmpty && redirect is null)
        {
            ctx.NotImported(source, path, "The rule neither routes to a mesh service nor redirects; it was not imported.");
            return null;
        }
        return new HttpRouteRule
        {
            Matches = [.. matches],
            Backends = backends,
            Redirect = redirect,
            Timeout = Duration(rule.Timeout, source, $"{path}.timeout", ctx),
            Retry = rule.Retries is { } retries ? Retry(retries, source, $"{path}.retries", ctx) : null,
            Fault = rule.Fault is { } fault ? Fault(fault, source, $"{path}.fault", ctx) : null,
            Mirror = Mirror(rule, ns, source, path, ctx),
            Rewrite = rule.Rewrite is { } rewrite ? Rewrite(rewrite, source, $"{path}.rewrite", ctx) : null,
            RequestHeaders = Headers(rule.Headers?.Request),
            ResponseHeaders = Headers(rule.Headers?.Response),
            Cors = rule.CorsPolicy is { } cors ? Cors(cors, source, $"{path}.corsPolicy", ctx) : null,
        };
    }

    private static HttpMatch Match(HttpMatchRequest m, string source, string path, IstioImportContext ctx)
    {
        PathMatch? uri = null;
        if (m.Uri is { } u)
        {
            uri = u switch
            {
                { Exact: { } e } => PathMatch.Exact(e),
                { Prefix: { } p } => PathMatch.Prefix(p),
                { Regex: { } x } => PathMatch.Regex(x),
                _ => null,
            };
            if (uri is null) ctx.NotImported(source, $"{path}.uri", "An empty uri match constrains nothing; it was not imported.");
        }
        string? method = null;
        if (m.Method is { } mm)
        {
            if (mm.Exact is { } exact) method = exact.ToUpperInvariant();
            else ctx.NotImported(source, $"{path}.method", "The model matches methods exactly; a prefix or regex method match was not imported.");
        }
        var headers = new List<ValueMatch>();
        foreach (var (name, value) in m.Headers ?? [])
        {
            headers.Add(value is null || (value.Exact ?? value.Prefix ?? value.Regex) is null ? ValueMatch.Present(name) : Value(name, value));
        }
        foreach (var (name, value) in m.WithoutHeaders ?? [])
        {
            if (value is null || (value.Exact ?? value.Prefix ?? value.Regex) is null || value.Regex == RouteExporter.AnyValue) headers.Add(ValueMatch.Absent(name));
            else ctx.NotImported(source, $"{path}.withoutHeaders{JsonPaths.Segment(name)}", "The model negates header presence only, not a header value; the condition was not imported.");
        }
        var query = new List<ValueMatch>();
        foreach (var (name, value) in m.QueryParams ?? [])
        {
            if (value is null || (value.Exact ?? value.Prefix ?? value.Regex) is null || value.Regex == RouteExporter.AnyValue) query.Add(ValueMatch.Present(name));
            else query.Add(Value(name, value));
        }
        return new HttpMatch { Path = uri, Method = method, Headers = [.. headers], QueryParams = [.. query] };
    }

    private static ValueMatch Value(string name, StringMatch value) => value switch
    {
        { Exact: { } e } => ValueMatch.Exact(name, e),
        { Prefix: { } p } => ValueMatch.Prefix(name, p),
        _ => ValueMatch.Regex(name, value.Regex ?? string.Empty),
    };

    internal static EquatableArray<WeightedBackend> Backends(List<(Resources.Destination? Destination, int? Weight)>? route, string ns, string source, string path, IstioImportContext ctx)
    {
        if (route is null) return default;
        var backends = new List<WeightedBackend>();
        var anyWeight = route.Any(r => r.Weight is not null);
        for (var i = 0; i < route.Count; i++)
        {
            var (destination, weight) = route[i];
            var at = $"{path}[{i}]";
            if (destination is null)
            {
                ctx.Invalid(source, $"{at}.destination", "A route entry needs a destination.");
                continue;
            }
            if (string.IsNullOrEmpty(destination.Host))
            {
                ctx.Invalid(source, $"{at}.destination.host", "A destination needs a host.");
                continue;
            }
            if (!IstioHosts.TryResolve(destination.Host, ns, ctx.Options, out var service))
            {
                ctx.NotImported(source, $"{at}.destination.host", $"'{destination.Host}' is not a mesh service; the model routes to mesh services only.");
                continue;
            }
            if (weight is < 0)
            {
                ctx.Invalid(source, $"{at}.weight", "A weight cannot be negative.");
                continue;
            }
            if (route.Count == 1 && weight is not null)
            {
                ctx.NotImportedInfo(source, $"{at}.weight", "A single destination takes all traffic; its weight is written back left out.");
            }
            backends.Add(new WeightedBackend
            {
                Service = service,
                Subset = destination.Subset,
                Port = destination.Port?.Number,
                Weight = route.Count == 1 ? 1 : anyWeight ? weight ?? 0 : 1,
            });
        }
        if (backends.Count > 0 && backends.All(b => b.Weight == 0))
        {
            ctx.Invalid(source, path, "The weights of a rule cannot all be zero.");
        }
        return [.. backends];
    }

    private static TimeSpan? Duration(string? text, string source, string path, IstioImportContext ctx)
    {
        if (text is null) return null;
        if (GoDuration.TryParse(text, out var value)) return value;
        ctx.Invalid(source, path, $"'{text}' is not a duration (e.g. 10s, 1.5s, 100ms).");
        return null;
    }

    private static RetryPolicy Retry(HttpRetry retry, string source, string path, IstioImportContext ctx)
    {
        var on = new List<RetryCondition>();
        var codes = new List<int>();
        if (retry.RetryOn is { } retryOn)
        {
            foreach (var token in retryOn.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (WireNames.TryParse<RetryCondition>(token, out var condition)) on.Add(condition);
                else if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is >= 100 and <= 599) codes.Add(code);
                else ctx.NotImported(source, $"{path}.retryOn", $"Retry condition '{token}' is not in the model; it was not imported.");
            }
        }
        if (retry.Attempts is null)
        {
            ctx.NotImportedInfo(source, $"{path}.attempts", "No attempts were given; Istio's default of 2 is made explicit in the model (and written back).");
        }
        return new RetryPolicy
        {
            Attempts = retry.Attempts ?? 2,
            PerTryTimeout = Duration(retry.PerTryTimeout, source, $"{path}.perTryTimeout", ctx),
            On = [.. on],
            StatusCodes = [.. codes],
            Backoff = Duration(retry.Backoff, source, $"{path}.backoff", ctx) is { } b ? new RetryBackoff { BaseInterval = b } : null,
        };
    }

    private static FaultInjection? Fault(HttpFaultInjection fault, string source, string path, IstioImportContext ctx)
    {
        FaultDelay? delay = null;
        if (fault.Delay is { } d)
        {
            if (Duration(d.FixedDelay, source, $"{path}.delay.fixedDelay", ctx) is { } duration) delay = new FaultDelay { Duration = duration, Percentage = Percentage(d.Percentage, source, $"{path}.delay.percentage", ctx) };
            else if (d.FixedDelay is null) ctx.NotImported(source, $"{path}.delay", "Only fixed delays are in the model; this delay was not imported.");
        }
        FaultAbort? abort = null;
        if (fault.Abort is { } a)
        {
            if (a.HttpStatus is { } status) abort = new FaultAbort { HttpStatus = status, Percentage = Percentage(a.Percentage, source, $"{path}.abort.percentage", ctx) };
            else ctx.NotImported(source, $"{path}.abort", "Only HTTP-status aborts are in the model; this abort was not imported.");
        }
        return delay is null && abort is null ? null : new FaultInjection { Delay = delay, Abort = abort };
    }

    private static decimal Percentage(Percent? percent, string source, string path, IstioImportContext ctx)
    {
        if (percent?.Value is not { } value) return 100m;
        if (value is < 0 or > 100 || double.IsNaN(value))
        {
            ctx.Invalid(source, $"{path}.value", "A percentage is between 0 and 100.");
            return 100m;
        }
        return (decimal)value;
    }

    private static Model.Mirror? Mirror(Resources.HttpRoute rule, string ns, string source, string path, IstioImportContext ctx)
    {
        Model.Mirror? From(Resources.Destination? destination, Percent? percent, string at, string percentPath)
        {
            if (destination is null) return null;
            if (!IstioHosts.TryResolve(destination.Host, ns, ctx.Options, out var service))
            {
                ctx.NotImported(source, $"{at}.host", $"'{destination.Host}' is not a mesh service; the mirror was not imported.");
                return null;
            }
            if (percent?.Value == 100d) ctx.NotImportedInfo(source, percentPath, "100% is the default mirror share; it is written back left out.");
            return new Model.Mirror { Service = service, Subset = destination.Subset, Port = destination.Port?.Number, Percentage = Percentage(percent, source, percentPath, ctx) };
        }
        var mirror = From(rule.Mirror, rule.MirrorPercentage, $"{path}.mirror", $"{path}.mirrorPercentage");
        if (rule.Mirrors is { } mirrors)
        {
            for (var i = 0; i < mirrors.Count; i++)
            {
                if (mirror is null && mirrors[i] is { } m)
                {
                    mirror = From(m.Destination, m.Percentage, $"{path}.mirrors[{i}].destination", $"{path}.mirrors[{i}].percentage");
                    if (mirror is not null) continue;
                }
                ctx.NotImported(source, $"{path}.mirrors[{i}]", "The model has one mirror per rule; this one was not imported.");
            }
        }
        return mirror;
    }

    private static Model.Rewrite? Rewrite(HttpRewrite rewrite, string source, string path, IstioImportContext ctx)
    {
        string? fullPath = null;
        if (rewrite.UriRegexRewrite is { } regex)
        {
            if (regex.Match == RouteExporter.WholePath && regex.Rewrite is { } replacement && !replacement.Replace("\\\\", string.Empty, StringComparison.Ordinal).Contains('\\', StringComparison.Ordinal))
            {
                fullPath = replacement.Replace("\\\\", "\\", StringComparison.Ordinal);
            }
            else
            {
                ctx.NotImported(source, $"{path}.uriRegexRewrite", "Only a whole-path regex rewrite (match '^.*$', no substitutions) is in the model; this rewrite was not imported.");
            }
        }
        var result = new Model.Rewrite { PathPrefix = rewrite.Uri, FullPath = fullPath, Authority = rewrite.Authority };
        return result is { PathPrefix: null, FullPath: null, Authority: null } ? null : result;
    }

    private static HeaderModifier? Headers(HeaderOperations? ops) => ops is null ? null : new HeaderModifier
    {
        Set = (ops.Set ?? []).Where(e => e.Value is not null).ToEquatableMap(),
        Add = (ops.Add ?? []).Where(e => e.Value is not null).ToEquatableMap(),
        Remove = [.. (ops.Remove ?? []).Where(h => h is not null)],
    };

    private static Model.CorsPolicy Cors(Resources.CorsPolicy cors, string source, string path, IstioImportContext ctx)
    {
        var origins = new List<string>();
        for (var i = 0; i < (cors.AllowOrigins?.Count ?? 0); i++)
        {
            switch (cors.AllowOrigins![i])
            {
                case { Exact: { } exact }:
                    origins.Add(exact);
                    break;
                case { Regex: RouteExporter.AnyValue }:
                    origins.Add("*");
                    break;
                default:
                    ctx.NotImported(source, $"{path}.allowOrigins[{i}]", "The model lists exact origins or '*'; a prefix or regex origin was not imported.");
                    break;
            }
        }
        return new Model.CorsPolicy
        {
            AllowOrigins = [.. origins],
            AllowMethods = [.. (cors.AllowMethods ?? []).Where(m => m is not null)],
            AllowHeaders = [.. (cors.AllowHeaders ?? []).Where(h => h is not null)],
            ExposeHeaders = [.. (cors.ExposeHeaders ?? []).Where(h => h is not null)],
            MaxAge = Duration(cors.MaxAge, source, $"{path}.maxAge", ctx),
            AllowCredentials = cors.AllowCredentials,
        };
    }
}
