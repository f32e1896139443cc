namespace Mesh.Model;

/// <summary>A condition on the request path. YAML: <c>{ exact: /a }</c>, <c>{ prefix: /api }</c> or <c>{ regex: "^/r/[0-9]+$" }</c>.</summary>
/// <param name="Kind">How <paramref name="Value"/> is compared.</param>
/// <param name="Value">The path, prefix or RE2 regular expression (matched against the whole path).</param>
public sealed record PathMatch(PathMatchKind Kind, string Value)
{
    /// <summary>A path equal to <paramref name="path"/>.</summary>
    /// <param name="path">The path.</param>
    public static PathMatch Exact(string path) => new(PathMatchKind.Exact, path);

    /// <summary>A path starting with <paramref name="prefix"/>.</summary>
    /// <param name="prefix">The prefix.</param>
    public static PathMatch Prefix(string prefix) => new(PathMatchKind.Prefix, prefix);

    /// <summary>A path fully matched by the RE2 expression <paramref name="pattern"/>.</summary>
    /// <param name="pattern">The RE2 regular expression.</param>
    public static PathMatch Regex(string pattern) => new(PathMatchKind.Regex, pattern);
}
