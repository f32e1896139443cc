using Mesh.Providers.Istio.Resources;
using Mesh.Providers.Istio.Translation;

namespace Mesh.Providers.Istio.Mapping;

/// <summary>Redirects ↔ <c>HTTPRedirect</c>: the whole path as <c>uri</c>, host as <c>authority</c>, port, scheme, code (301 written as absent).</summary>
internal static class RedirectMapping
{
    /// <summary>The redirect of the rule at <paramref name="rulePath"/>.</summary>
    public static HttpRedirect ToIstio(Model.Redirect redirect, string rulePath, IstioExportContext ctx)
    {
        if (redirect.PathPrefix is not null) ctx.Unsupported($"{rulePath}.redirect.pathPrefix", "Istio redirects replace the whole path (redirect.uri); a prefix-replacing redirect is not expressible.");
        return new HttpRedirect
        {
            Uri = redirect.Path,
            Authority = redirect.Host,
            Port = redirect.Port,
            Scheme = redirect.Scheme,
            RedirectCode = redirect.StatusCode == 301 ? null : redirect.StatusCode,
        };
    }

    public static Model.Redirect ToModel(HttpRedirect redirect, string source, string path, IstioImportContext ctx)
    {
        if (redirect.RedirectCode == 301) ctx.NotImportedInfo(source, $"{path}.redirectCode", "301 is the default redirect code; it is written back left out.");
        return new Model.Redirect { Path = redirect.Uri, Host = redirect.Authority, Port = redirect.Port, Scheme = redirect.Scheme, StatusCode = redirect.RedirectCode ?? 301 };
    }
}
