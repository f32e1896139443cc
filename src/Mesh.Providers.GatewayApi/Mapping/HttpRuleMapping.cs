using Mesh.Collections;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Export;
using Mesh.Providers.GatewayApi.Mapping;
using Mesh.Providers.GatewayApi.Resources;
using Model = Mesh.Model;
using HttpRouteRule = Mesh.Model.HttpRouteRule;
using HttpMatch = Mesh.Model.HttpMatch;

namespace Mesh.Providers.GatewayApi.Import;

/// <summary><c>HTTPRoute</c> / <c>GRPCRoute</c> in mesh form → a model route of their parent Service.</summary>
public static class RouteImporter
{
    /// <summary>Imports the rules of a HTTPRoute named <paramref name="name"/> in <paramref name="ns"/> into <paramref name="model"/>, reporting every field not carried.</summary>
    /// <param name="routeSpec">The spec (null is read as empty).</param>
    /// <param name="name">The route's name.</param>
    /// <param name="ns">The route's namespace.</param>
    /// <param name="source">Its source name (<c>file#doc</c>).</param>
    /// <param name="model">The model being assembled.</param>
    /// <param name="ctx">The import's context.</param>
    public static void Http(HttpRouteSpec? routeSpec, string name, string ns, string source, ModelBuilder model, ImportContext ctx)
    {
        var spec = routeSpec ?? new HttpRouteSpec();
        Hostnames(spec.Hostnames, source, ctx);
        if (Parent(spec.ParentRefs, ns, source, Protocol.Http, model, ctx) is not { } host)
        {
            if (spec.Rules is not null) ctx.NotImported(source, "$.spec.rules", "The route has no Service parent, so its rules have no place in the model (mesh routes attach to Services).");
            return;
        }
        var rules = new List<HttpRouteRule>();
        for (var i = 0; i < (spec.Rules?.Count ?? 0); i++)
        {
            if (spec.Rules![i] is { } rule && HttpRule(rule, host, ns, source, $"$.spec.rules[{i}]", ctx) is { } imported) rules.Add(imported);
        }
        model.Routes.Add(new Model.HttpRoute { Name = name, Namespace = ns, Host = host, Rules = [.. rules] });
    }

    /// <summary>Imports the rules of a GRPCRoute named <paramref name="name"/> in <paramref name="ns"/> into <paramref name="model"/>, reporting every field not carried.</summary>
    /// <param name="routeSpec">The spec (null is read as empty).</param>
    /// <param name="name">The route's name.</param>
    /// <param name="ns">The route's namespace.</param>
    /// <param name="source">Its source name (<c>file#doc</c>).</param>
    /// <param name="model">The model being assembled.</param>
    /// <param name="ctx">The import's context.</param>
    public static void Grpc(GrpcRouteSpec? routeSpec, string name, string ns, string source, ModelBuilder model, ImportContext ctx)
    {
        var spec = routeSpec ?? new GrpcRouteSpec();
        Hostnames(spec.Hostnames, source, ctx);
        if (Parent(spec.ParentRefs, ns, source, Protocol.Grpc, model, ctx) is not { } host)
        {
            if (spec.Rules is not null) ctx.NotImported(source, "$.spec.rules", "The route has no Service parent, so its rules have no place in the model (mesh routes attach to Services).");
            return;
        }
        var rules = new List<HttpRouteRule>();
        for (var i = 0; i < (spec.Rules?.Count ?? 0); i++)
        {
            if (spec.Rules![i] is { } rule && GrpcRule(rule, host, ns, source, $"$.spec.rules[{i}]", ctx) is { } imported) rules.Add(imported);
        }
        model.Routes.Add(new Model.HttpRoute { Name = name, Namespace = ns, Host = host, Rules = [.. rules] });
    }

    /// <summary>Reports the <c>hostnames</c> of a mesh route: a mesh route is selected by its parent Service, not by host name.</summary>
    public static void Hostnames(List<string>? hostnames, string source, ImportContext ctx)
    {
        if (hostnames is not null) ctx.OutOfScope(source, "$.spec.hostnames", "Hostnames select requests at a Gateway; mesh routes are selected by their parent Service, so they were not imported.");
    }

    private static ServiceRef? Parent(List<ParentReference>? parents, string ns, string source, Protocol protocol, ModelBuilder model, ImportContext ctx)
    {
        ServiceRef? host = null;
        for (var i = 0; i < (parents?.Count ?? 0); i++)
        {
            var path = $"$.spec.parentRefs[{i}]";
            if (parents![i] is not { } parent) continue;
            if (parent.Kind != "Service" || !IsCoreGroup(parent.Group))
            {
                ctx.OutOfScope(source, path, parent.Kind is null or "Gateway"
                    ? "A Gateway parent binds the route to a gateway; only Service parents (mesh routing) are in the model."
                    : $"A {parent.Kind} parent is not a Service; only routes whose parent is a Service (mesh routing) are in the model.");
                continue;
            }
            if (string.IsNullOrEmpty(parent.Name))
            {
                ctx.Invalid(source, $"{path}.name", "A parentRef needs a name.");
                continue;
            }
            var service = new ServiceRef(parent.Name, string.IsNullOrEmpty(parent.Namespace) ? ns : parent.Namespace);
            if (host is not null && host != service)
            {
                ctx.NotImported(source, path, "A model route has one host service; only the first Service parent was imported.");
                continue;
            }
            host = service;
            if (parent.Port is { } port)
            {
                if (port is < 1 or > 65535) ctx.Invalid(source, $"{path}.port", "A port is between 1 and 65535.");
                else model.AddPort(service, port, protocol);
            }
        }
        return host;
    }

    private static HttpRouteRule? HttpRule(Resources.HttpRouteRule rule, ServiceRef host, string ns, string source, string path, ImportContext ctx)
    {
        var matches = new List<HttpMatch>();
        for (var i = 0; i < (rule.Matches?.Count ?? 0); i++)
        {
            if (rule.Matches![i] is { } m && HttpMatch(m, source, $"{path}.matches[{i}]", ctx) is { } match) matches.Add(match);
        }
        HeaderModifier? request = null, response = null;
        Model.Redirect? redirect = null;
        Model.Rewrite? rewrite = null;
        Model.Mirror? mirror = null;
        Model.CorsPolicy? cors = null;
        for (var i = 0; i < (rule.Filters?.Count ?? 0); i++)
        {
            if (rule.Filters![i] is not { } f) continue;
            var at = $"{path}.filters[{i}]";
            switch (f.Type)
            {
                case "RequestHeaderModifier" when f.RequestHeaderModifier is { } h:
                    request = Once(request, Headers(h, source, $"{at}.requestHeaderModifier", ctx), source, at, ctx);
                    break;
                case "ResponseHeaderModifier" when f.ResponseHeaderModifier is { } h:
                    response = Once(response, Headers(h, source, $"{at}.responseHeaderModifier", ctx), source, at, ctx);
                    break;
                case "RequestRedirect" when f.RequestRedirect is { } r:
                    redirect = Once(redirect, Redirect(r, source, $"{at}.requestRedirect", ctx), source, at, ctx);
                    break;
                case "URLRewrite" when f.UrlRewrite is { } w:
                    rewrite = Once(rewrite, Rewrite(w, source, $"{at}.urlRewrite", ctx), source, at, ctx);
                    break;
                case "RequestMirror" when f.RequestMirror is { } m:
                    mirror = Once(mirror, Mirror(m, ns, source, $"{at}.requestMirror", ctx), source, at, ctx);
                    break;
                case "CORS" when f.Cors is { } c:
                    cors = Once(cors, Cors(c, source, $"{at}.cors", ctx), source, at, ctx);
                    break;
                case "RequestHeaderModifier" or "ResponseHeaderModifier" or "RequestRedirect" or "URLRewrite" or "RequestMirror" or "CORS":
                    ctx.Invalid(source, at, $"A {f.Type} filter needs its {f.Type} settings.");
                    break;
                case "ExtensionRef":
                    ctx.NotImported(source, at, "An ExtensionRef filter is implementation-specific; it was not imported.");
                    break;
                default:
                    ctx.Invalid(source, $"{at}.type", $"'{f.Type}' is not a filter type (RequestHeaderModifier, ResponseHeaderModifier, RequestRedirect, URLRewrite, RequestMirror, CORS, ExtensionRef).");
                    break;
            }
        }
        var backends = Backends(rule.BackendRefs, ns, source, $"{path}.backendRefs", ctx);
        TimeSpan? timeout = null;
        if (rule.Timeouts is { } timeouts)
        {
            timeout = Duration(timeouts.Request, source, $"{path}.timeouts.request", ctx);
            if (timeouts.BackendRequest is not null)
            {
                _ = Duration(timeouts.BackendRequest, source, $"{path}.timeouts.backendRequest", ctx);
                ctx.NotImported(source, $"{path}.timeouts.backendRequest", "The model has a per-try timeout only as part of a retry policy; backendRequest was not imported.");
            }
        }
        if (redirect is not null && !backends.IsEmpty)
        {
            ctx.NotImported(source, $"{path}.backendRefs", "A redirecting rule answers the request itself; its backends were not imported.");
            backends = default;
        }
        if (redirect is null && backends.IsEmpty)
        {
            if (rule.BackendRefs is not { Count: > 0 })
            {
                backends = ParentBackend(host);
            }
            else
            {
                ctx.NotImported(source, path, "The rule neither routes to a Service nor redirects; it was not imported.");
                return null;
            }
        }
        return new HttpRouteRule
        {
            Matches = [.. matches],
            Backends = backends,
            Timeout = timeout,
            Redirect = redirect,
            Rewrite = rewrite,
            Mirror = mirror,
            RequestHeaders = request,
            ResponseHeaders = response,
            Cors = cors,
        };
    }

    private static HttpRouteRule? GrpcRule(GrpcRouteRule rule, ServiceRef host, string ns, string source, string path, ImportContext ctx)
    {
        var matches = new List<HttpMatch>();
        for (var i = 0; i < (rule.Matches?.Count ?? 0); i++)
        {
            if (rule.Matches![i] is not { } m) continue;
            var at = $"{path}.matches[{i}]";
            PathMatch? p = null;
            if (m.Method is { } method)
            {
                if (method.Type is not (null or "Exact" or "RegularExpression")) ctx.Invalid(source, $"{at}.method.type", $"'{method.Type}' is not a method match type (Exact, RegularExpression).");
                else if (GrpcPath.ToPath(method) is { } mapped) p = mapped;
                else ctx.NotImported(source, $"{at}.method", "The model matches gRPC calls by path: a service, or a service and method, matched exactly; this method match was not imported.");
            }
            var headers = Values(m.Headers?.Select(h => (h?.Type, h?.Name, h?.Value)).ToList(), source, $"{at}.headers", ctx);
            matches.Add(new HttpMatch { Path = p, Headers = headers });
        }
        HeaderModifier? request = null, response = null;
        Model.Mirror? mirror = null;
        for (var i = 0; i < (rule.Filters?.Count ?? 0); i++)
        {
            if (rule.Filters![i] is not { } f) continue;
            var at = $"{path}.filters[{i}]";
            switch (f.Type)
            {
                case "RequestHeaderModifier" when f.RequestHeaderModifier is { } h:
                    request = Once(request, Headers(h, source, $"{at}.requestHeaderModifier", ctx), source, at, ctx);
                    break;
                case "ResponseHeaderModifier" when f.ResponseHeaderModifier is { } h:
                    response = Once(response, Headers(h, source, $"{at}.responseHeaderModifier", ctx), source, at, ctx);
                    break;
                case "RequestMirror" when f.RequestMirror is { } m:
                    mirror = Once(mirror, Mirror(m, ns, source, $"{at}.requestMirror", ctx), source, at, ctx);
                    break;
                case "RequestHeaderModifier" or "ResponseHeaderModifier" or "RequestMirror":
                    ctx.Invalid(source, at, $"A {f.Type} filter needs its {f.Type} settings.");
                    break;
                case "ExtensionRef":
                    ctx.NotImported(source, at, "An ExtensionRef filter is implementation-specific; it was not imported.");
                    break;
                default:
                    ctx.Invalid(source, $"{at}.type", $"'{f.Type}' is not a GRPCRoute filter type (RequestHeaderModifier, ResponseHeaderModifier, RequestMirror, ExtensionRef).");
                    break;
            }
        }
        var backends = Backends(rule.BackendRefs, ns, source, $"{path}.backendRefs", ctx);
        if (backends.IsEmpty && rule.BackendRefs is not { Count: > 0 }) backends = ParentBackend(host);
        if (backends.IsEmpty)
        {
            ctx.NotImported(source, path, "The rule routes to no Service; it was not imported.");
            return null;
        }
        return new HttpRouteRule { Matches = [.. matches], Backends = backends, Mirror = mirror, RequestHeaders = request, ResponseHeaders = response };
    }

    /// <summary>
    /// The backend of a rule without backendRefs: in mesh routing (GEP-1426) such a rule sends its traffic to the parent
    /// Service's own endpoints, i.e. the route's host on the port the request was made to.
    /// </summary>
    private static EquatableArray<WeightedBackend> ParentBackend(ServiceRef host) => [new WeightedBackend { Service = host }];

    private static T? Once<T>(T? existing, T? value, string source, string path, ImportContext ctx)
        where T : class
    {
        if (existing is null) return value;
        ctx.NotImported(source, path, "The model has one filter of each kind per rule; this second one was not imported.");
        return existing;
    }

    private static HttpMatch? HttpMatch(HttpRouteMatch m, string source, string path, ImportContext ctx)
    {
        PathMatch? p = null;
        if (m.Path is { } pm)
        {
            var value = pm.Value ?? "/";
            p = pm.Type switch
            {
                "Exact" => PathMatch.Exact(value),
                null or "PathPrefix" => PathMatch.Prefix(value),
                "RegularExpression" => PathMatch.Regex(value),
                _ => null,
            };
            if (p is null) ctx.Invalid(source, $"{path}.path.type", $"'{pm.Type}' is not a path match type (Exact, PathPrefix, RegularExpression).");
        }
        string? method = null;
        if (m.Method is { } mm)
        {
            if (RouteExporter.Methods.Contains(mm)) method = mm;
            else ctx.Invalid(source, $"{path}.method", $"'{mm}' is not a method of the HTTPRoute schema.");
        }
        return new HttpMatch
        {
            Path = p,
            Method = method,
            Headers = Values(m.Headers?.Select(h => (h?.Type, h?.Name, h?.Value)).ToList(), source, $"{path}.headers", ctx),
            QueryParams = Values(m.QueryParams?.Select(h => (h?.Type, h?.Name, h?.Value)).ToList(), source, $"{path}.queryParams", ctx),
        };
    }

    private static EquatableArray<ValueMatch> Values(List<(string? Type, string? Name, string? Value)>? list, string source, string path, ImportContext ctx)
    {
        if (list is null) return default;
        var result = new List<ValueMatch>();
        for (var i = 0; i < list.Count; i++)
        {
            var (type, name, value) = list[i];
            var at = $"{path}[{i}]";
            if (string.IsNullOrEmpty(name))
            {
                ctx.Invalid(source, $"{at}.name", "A match needs a name.");
                continue;
            }
            switch (type)
            {
                case null or "Exact":
                    result.Add(ValueMatch.Exact(name, value ?? string.Empty));
                    break;
                case "RegularExpression":
                    result.Add(ValueMatch.Regex(name, value ?? string.Empty));
                    break;
                default:
                    ctx.Invalid(source, $"{at}.type", $"'{type}' is not a match type (Exact, RegularExpression).");
                    break;
            }
        }
        return [.. result];
    }

    /// <summary>The Service <c>backendRefs</c> of a rule as weighted backends; every other one is reported.</summary>
    internal static EquatableArray<WeightedBackend> Backends(List<BackendRef>? refs, string ns, string source, string path, ImportContext ctx)
    {
        if (refs is null) return default;
        var backends = new List<WeightedBackend>();
        for (var i = 0; i < refs.Count; i++)
        {
            if (refs[i] is not { } b) continue;
            var at = $"{path}[{i}]";
            if (!IsService(b.Group, b.Kind))
            {
                ctx.NotImported(source, at, $"A {b.Kind} backend is not a Service; the model routes to Services only.");
                continue;
            }
            if (string.IsNullOrEmpty(b.Name))
            {
                ctx.Invalid(source, $"{at}.name", "A backendRef needs a name.");
                continue;
            }
            if (b.Weight is < 0 or > 1_000_000)
            {
                ctx.Invalid(source, $"{at}.weight", "A weight is between 0 and 1,000,000.");
                continue;
            }
            if (b.Port is < 1 or > 65535)
            {
                ctx.Invalid(source, $"{at}.port", "A port is between 1 and 65535.");
                continue;
            }
            backends.Add(new WeightedBackend
            {
                Service = new ServiceRef(b.Name, string.IsNullOrEmpty(b.Namespace) ? ns : b.Namespace),
                Port = b.Port,
                Weight = b.Weight ?? 1,
            });
        }
        if (backends.Count > 0 && backends.All(b => b.Weight == 0))
        {
            ctx.NotImported(source, path, "Every backend has weight 0, so the rule sends no traffic; its backends were not imported.");
            return default;
        }
        if (backends.Count == 1 && backends[0].Weight != 1)
        {
            var index = refs.FindIndex(b => b is not null && b.Weight is not null);
            ctx.NotImportedInfo(source, $"{path}[{Math.Max(index, 0)}].weight", "A single backend takes all traffic; its weight is written back left out.");
        }
        return [.. backends];
    }

    internal static bool IsService(string? group, string? kind) => IsCoreGroup(group) && kind is null or "Service";

    /// <summary>The core API group: <c>""</c> as Gateway API writes it, or <c>core</c> as Linkerd's documentation does.</summary>
    internal static bool IsCoreGroup(string? group) => string.IsNullOrEmpty(group) || group == "core";

    private static TimeSpan? Duration(string? text, string source, string path, ImportContext ctx)
    {
        if (text is null) return null;
        if (GatewayDuration.TryParse(text, out var value)) return value;
        ctx.Invalid(source, path, $"'{text}' is not a Gateway API duration (GEP-2257: e.g. 10s, 1s500ms, 1h30m; no decimals).");
        return null;
    }

    private static HeaderModifier Headers(HttpHeaderFilter h, string source, string path, ImportContext ctx)
    {
        IEnumerable<KeyValuePair<string, string>> Entries(List<HttpHeader>? entries, string list)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < (entries?.Count ?? 0); i++)
            {
                if (entries![i] is not { } e) continue;
                if (string.IsNullOrEmpty(e.Name))
                {
                    ctx.Invalid(source, $"{path}.{list}[{i}].name", "A header entry needs a name.");
                    continue;
                }
                if (!seen.Add(e.Name))
                {
                    ctx.NotImported(source, $"{path}.{list}[{i}]", $"'{e.Name}' appears earlier in the list (header names are case-insensitive); this entry was not imported.");
                    continue;
                }
                yield return KeyValuePair.Create(e.Name, e.Value ?? string.Empty);
            }
        }
        return new HeaderModifier
        {
            Set = Entries(h.Set, "set").ToEquatableMap(),
            Add = Entries(h.Add, "add").ToEquatableMap(),
            Remove = [.. (h.Remove ?? []).Where(n => n is not null)],
        };
    }

    private static Model.Redirect? Redirect(HttpRequestRedirectFilter r, string source, string path, ImportContext ctx)
    {
        if (r.Scheme is not (null or "http" or "https"))
        {
            ctx.Invalid(source, $"{path}.scheme", $"'{r.Scheme}' is not a redirect scheme (http, https).");
            return null;
        }
        if (r.StatusCode is { } code && Array.IndexOf(RouteExporter.RedirectCodes, code) < 0)
        {
            ctx.Invalid(source, $"{path}.statusCode", $"{code} is not a redirect status code (301, 302, 303, 307, 308).");
            return null;
        }
        if (!PathModifier(r.Path, source, $"{path}.path", ctx, out var full, out var prefix)) return null;
        return new Model.Redirect { Scheme = r.Scheme, Host = r.Hostname, Port = r.Port, Path = full, PathPrefix = prefix, StatusCode = r.StatusCode ?? 302 };
    }

    private static Model.Rewrite? Rewrite(HttpUrlRewriteFilter w, string source, string path, ImportContext ctx)
    {
        if (!PathModifier(w.Path, source, $"{path}.path", ctx, out var full, out var prefix)) return null;
        var result = new Model.Rewrite { Authority = w.Hostname, FullPath = full, PathPrefix = prefix };
        return result is { Authority: null, FullPath: null, PathPrefix: null } ? null : result;
    }

    private static bool PathModifier(HttpPathModifier? modifier, string source, string path, ImportContext ctx, out string? full, out string? prefix)
    {
        full = prefix = null;
        if (modifier is null) return true;
        switch (modifier.Type)
        {
            case "ReplaceFullPath":
                full = modifier.ReplaceFullPath ?? string.Empty;
                if (modifier.ReplacePrefixMatch is not null) ctx.NotImported(source, $"{path}.replacePrefixMatch", "The type is ReplaceFullPath; replacePrefixMatch is ignored.");
                return true;
            case "ReplacePrefixMatch":
                prefix = modifier.ReplacePrefixMatch ?? string.Empty;
                if (modifier.ReplaceFullPath is not null) ctx.NotImported(source, $"{path}.replaceFullPath", "The type is ReplacePrefixMatch; replaceFullPath is ignored.");
                return true;
            default:
                ctx.Invalid(source, $"{path}.type", $"'{modifier.Type}' is not a path modifier type (ReplaceFullPath, ReplacePrefixMatch).");
                return false;
        }
    }

    private static Model.Mirror? Mirror(HttpRequestMirrorFilter m, string ns, string source, string path, ImportContext ctx)
    {
        if (m.BackendRef is not { } b || string.IsNullOrEmpty(b.Name))
        {
            ctx.Invalid(source, $"{path}.backendRef", "A mirror needs a backendRef with a name.");
            return null;
        }
        if (!IsService(b.Group, b.Kind))
        {
            ctx.NotImported(source, $"{path}.backendRef", $"A {b.Kind} mirror target is not a Service; the mirror was not imported.");
            return null;
        }
        var percentage = 100m;
        if (m.Percent is { } percent)
        {
            if (percent is < 0 or > 100)
            {
                ctx.Invalid(source, $"{path}.percent", "A percentage is between 0 and 100.");
                return null;
            }
            percentage = percent;
            if (m.Fraction is not null) ctx.NotImported(source, $"{path}.fraction", "percent and fraction are exclusive; the fraction was not imported.");
        }
        else if (m.Fraction is { } fraction)
        {
            var denominator = fraction.Denominator ?? 100;
            if (fraction.Numerator is not { } numerator || numerator < 0 || denominator <= 0 || numerator > denominator)
            {
                ctx.Invalid(source, $"{path}.fraction", "A fraction needs 0 <= numerator <= denominator and a positive denominator.");
                return null;
            }
            percentage = decimal.Round(numerator * 100m / denominator, 4);
        }
        return new Model.Mirror { Service = new ServiceRef(b.Name, string.IsNullOrEmpty(b.Namespace) ? ns : b.Namespace), Port = b.Port, Percentage = percentage };
    }

    private static Model.CorsPolicy Cors(HttpCorsFilter c, string source, string path, ImportContext ctx)
    {
        if (c.MaxAge is < 1) ctx.Invalid(source, $"{path}.maxAge", "maxAge is a whole number of seconds, at least 1.");
        return new()
        {
        AllowOrigins = [.. (c.AllowOrigins ?? []).Where(o => o is not null)],
        AllowMethods = [.. (c.AllowMethods ?? []).Where(o => o is not null)],
        AllowHeaders = [.. (c.AllowHeaders ?? []).Where(o => o is not null)],
        ExposeHeaders = [.. (c.ExposeHeaders ?? []).Where(o => o is not null)],
        MaxAge = c.MaxAge is { } age and > 0 ? TimeSpan.FromSeconds(age) : null,
        AllowCredentials = c.AllowCredentials,
        };
    }
}
