using Mesh.Kubernetes;
using Mesh.Providers.GatewayApi.Resources;
using Mesh.Providers.GatewayApi.Translation;
using HttpRouteRule = Mesh.Model.HttpRouteRule;

namespace Mesh.Providers.GatewayApi.Mapping;

/// <summary>
/// A model redirect ↔ a <c>RequestRedirect</c> filter: scheme (http or https), hostname, port, the path through
/// <see cref="PathModifierMapping"/>, and the status code (302 when left out; the codes of the dialect written for).
/// </summary>
internal static class RedirectMapping
{
    /// <summary>The redirect status codes of the CRD's enum.</summary>
    private static readonly int[] RedirectCodes = [301, 302, 303, 307, 308];

    /// <summary>Model → Gateway API: the filter settings of <paramref name="redirect"/> (at <paramref name="path"/>).</summary>
    public static HttpRequestRedirectFilter? ToGatewayApi(Model.Redirect redirect, HttpRouteRule rule, string path, RouteExportContext ctx)
    {
        var result = new HttpRequestRedirectFilter { Hostname = redirect.Host, Port = redirect.Port };
        if (redirect.Scheme is { } scheme)
        {
            if (scheme is "http" or "https") result.Scheme = scheme;
            else ctx.Unsupported($"{path}.scheme", $"Gateway API redirects to http or https; scheme '{scheme}' is not written.");
        }
        if (redirect.Path is { } full)
        {
            result.Path = PathModifierMapping.FullPath(full);
            if (redirect.PathPrefix is not null) ctx.Unsupported($"{path}.pathPrefix", "A redirect replaces the full path or the prefix, not both; the prefix replacement is not written.");
        }
        else if (redirect.PathPrefix is { } prefix)
        {
            result.Path = PathModifierMapping.PrefixToGatewayApi(rule, prefix, "redirect", path, ctx);
        }
        if (!ctx.Dialect.RedirectCodes.Contains(redirect.StatusCode))
        {
            ctx.Unsupported($"{path}.statusCode", $"{ctx.Dialect.DisplayName} redirect codes are {string.Join(", ", ctx.Dialect.RedirectCodes)}; {redirect.StatusCode} is written as 302.");
        }
        else if (redirect.StatusCode != 302)
        {
            result.StatusCode = redirect.StatusCode;
        }
        return result;
    }

    /// <summary>Gateway API → model: the redirect of filter settings at <paramref name="path"/>, or null when a value is invalid (reported).</summary>
    public static Model.Redirect? ToModel(HttpRequestRedirectFilter r, string source, string path, ImportContext ctx)
    {
        if (r.Scheme is not (null or "http" or "https"))
        {
            ctx.Invalid(source, $"{path}.scheme", $"'{r.Scheme}' is not a redirect scheme (http, https).");
            return null;
        }
        if (r.StatusCode is { } code && Array.IndexOf(RedirectCodes, code) < 0)
        {
            ctx.Invalid(source, $"{path}.statusCode", $"{code} is not a redirect status code (301, 302, 303, 307, 308).");
            return null;
        }
        if (!PathModifierMapping.ToModel(r.Path, source, $"{path}.path", ctx, out var full, out var prefix)) return null;
        return new Model.Redirect { Scheme = r.Scheme, Host = r.Hostname, Port = r.Port, Path = full, PathPrefix = prefix, StatusCode = r.StatusCode ?? 302 };
    }
}
