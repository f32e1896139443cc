using Mesh.Providers.Istio.Resources;
using Mesh.Providers.Istio.Translation;

namespace Mesh.Providers.Istio.Mapping;

/// <summary>
/// Rewrites ↔ <c>HTTPRewrite</c>: a prefix as <c>uri</c>, a full path as a <c>uriRegexRewrite</c> of the whole path
/// (<see cref="WholePath"/>), the authority as <c>authority</c>.
/// </summary>
internal static class RewriteMapping
{
    /// <summary>The regex that selects a whole path, used to express a full-path rewrite.</summary>
    public const string WholePath = "^.*$";

    /// <summary>The rewrite of the rule at <paramref name="rulePath"/>, or null when it rewrites nothing or the rule redirects.</summary>
    public static HttpRewrite? ToIstio(Model.Rewrite rewrite, bool redirects, string rulePath, IstioExportContext ctx)
    {
        if ((rewrite.PathPrefix ?? rewrite.FullPath ?? rewrite.Authority) is null) return null;
        if (redirects)
        {
            ctx.Unsupported($"{rulePath}.rewrite", "Istio does not rewrite a request it answers with a redirect; the rewrite is not written.");
            return null;
        }
        if (rewrite.PathPrefix is not null && rewrite.FullPath is not null)
        {
            ctx.Unsupported($"{rulePath}.rewrite.fullPath", "Istio takes one path rewrite; the prefix rewrite is written and the full-path rewrite is not.");
        }
        return new HttpRewrite
        {
            Uri = rewrite.PathPrefix,
            UriRegexRewrite = rewrite.PathPrefix is null && rewrite.FullPath is { } full ? new RegexRewrite { Match = WholePath, Rewrite = full.Replace("\\", "\\\\", StringComparison.Ordinal) } : null,
            Authority = rewrite.Authority,
        };
    }

    public static Model.Rewrite? ToModel(HttpRewrite rewrite, string source, string path, IstioImportContext ctx)
    {
        string? fullPath = null;
        if (rewrite.UriRegexRewrite is { } regex)
        {
            if (regex.Match == WholePath && regex.Rewrite is { } replacement && !replacement.Replace("\\\\", string.Empty, StringComparison.Ordinal).Contains('\\', StringComparison.Ordinal))
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
}
