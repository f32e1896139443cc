using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Resources;
using Mesh.Providers.GatewayApi.Translation;
using HttpRouteRule = Mesh.Model.HttpRouteRule;

namespace Mesh.Providers.GatewayApi.Mapping;

/// <summary>
/// The path replacement of a rewrite or redirect ↔ an <c>HTTPPathModifier</c>: a full path as <c>ReplaceFullPath</c>, a
/// replacement of the matched prefix as <c>ReplacePrefixMatch</c> where Gateway API allows it (see <see cref="PrefixForm"/>).
/// Used by <see cref="RewriteMapping"/> and <see cref="RedirectMapping"/>.
/// </summary>
public static class PathModifierMapping
{
    /// <summary>How a replacement of the matched path prefix (a rewrite's or a redirect's) can be written in Gateway API.</summary>
    public enum PrefixForm
    {
        /// <summary>As ReplacePrefixMatch: the rule has no match, or one whose path is a prefix or absent (defaulted to PathPrefix <c>/</c>).</summary>
        ReplacePrefixMatch,

        /// <summary>As ReplaceFullPath: every match is an exact path, so the matched prefix is the whole path.</summary>
        ReplaceFullPath,

        /// <summary>Not at all: Gateway API allows ReplacePrefixMatch only beside exactly one PathPrefix match.</summary>
        None,
    }

    /// <summary>How a prefix replacement of <paramref name="rule"/> is written (see <see cref="PrefixForm"/>).</summary>
    /// <param name="rule">The model rule whose rewrite or redirect replaces the matched prefix.</param>
    /// <returns>The form written.</returns>
    public static PrefixForm PrefixReplacement(HttpRouteRule rule)
    {
        if (rule.Matches.IsEmpty || (rule.Matches.Count == 1 && rule.Matches[0].Path is null or { Kind: PathMatchKind.Prefix })) return PrefixForm.ReplacePrefixMatch;
        return rule.Matches.All(m => m.Path is { Kind: PathMatchKind.Exact }) ? PrefixForm.ReplaceFullPath : PrefixForm.None;
    }

    /// <summary>Model → Gateway API: a full path replacement.</summary>
    internal static HttpPathModifier FullPath(string path) => new() { Type = "ReplaceFullPath", ReplaceFullPath = path };

    /// <summary>
    /// Model → Gateway API: the path modifier of a rewrite or redirect that replaces the matched prefix with <paramref name="prefix"/>.
    /// Gateway API allows ReplacePrefixMatch only in a rule with exactly one match whose path is a PathPrefix (the API server
    /// defaults a rule without matches, and a match without a path, to PathPrefix <c>/</c>). When every match is an exact
    /// path, the matched prefix is the whole path, so the replacement is written, equivalently, as ReplaceFullPath (reported,
    /// as it reads back as a full-path replacement). Otherwise the prefix replacement is not written (reported).
    /// </summary>
    internal static HttpPathModifier? PrefixToGatewayApi(HttpRouteRule rule, string prefix, string filter, string path, RouteExportContext ctx)
    {
        switch (PrefixReplacement(rule))
        {
            case PrefixForm.ReplacePrefixMatch:
                return new HttpPathModifier { Type = "ReplacePrefixMatch", ReplacePrefixMatch = prefix };
            case PrefixForm.ReplaceFullPath:
                ctx.Approximated(path, ctx.Message("Every match of the rule is an exact path, so replacing the matched prefix replaces the whole path: the {0} is written as ReplaceFullPath (Gateway API allows ReplacePrefixMatch only beside exactly one PathPrefix match).", filter));
                return new HttpPathModifier { Type = "ReplaceFullPath", ReplaceFullPath = prefix };
            default:
                ctx.Unsupported(path, ctx.Message("Gateway API replaces a matched prefix only in a rule with exactly one match, on a PathPrefix; this rule's matches are not that, so the prefix replacement of the {0} is not written.", filter));
                return null;
        }
    }

    /// <summary>Gateway API → model: the full path or prefix a path modifier sets; false (reported) for a type that is neither.</summary>
    internal static bool ToModel(HttpPathModifier? modifier, string source, string path, ImportContext ctx, out string? full, out string? prefix)
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
}
