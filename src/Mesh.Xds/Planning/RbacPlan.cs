using Mesh.Xds.EnvoyApi;

namespace Mesh.Xds.Planning;

/// <summary>
/// A string match of Envoy's <c>StringMatcher</c>: the field (exact, prefix, suffix or safe regex) and its value. A
/// <see cref="Mesh.Model.AccessPatterns">access pattern</see> maps to exact, prefix or suffix; <c>*</c> alone has no
/// matcher of its own (Envoy rejects an empty prefix): each caller chooses what "any value" is.
/// </summary>
internal readonly record struct StringMatch(int Field, string Value)
{
    public static StringMatch Of(string pattern) =>
        pattern.Length > 1 && pattern.EndsWith('*') ? new(StringMatcherFields.Prefix, pattern[..^1])
        : pattern.Length > 1 && pattern.StartsWith('*') ? new(StringMatcherFields.Suffix, pattern[1..])
        : new(StringMatcherFields.Exact, pattern);
}

/// <summary>An Envoy RBAC <c>Permission</c>: what a request is.</summary>
internal abstract record RbacPermission
{
    public static readonly RbacPermission Anything = new Any();

    public sealed record Any : RbacPermission;

    public sealed record And(RbacPermission[] Rules) : RbacPermission;

    public sealed record Or(RbacPermission[] Rules) : RbacPermission;

    public sealed record Not(RbacPermission Rule) : RbacPermission;

    /// <summary>A header matched by <paramref name="Match"/>, or present when it is null.</summary>
    public sealed record Header(string Name, StringMatch? Match) : RbacPermission;

    public sealed record DestinationPort(int Port) : RbacPermission;

    public sealed record DestinationIp(string Address, int Length) : RbacPermission;

    public sealed record UrlPath(StringMatch Match) : RbacPermission;

    public sealed record ServerName(StringMatch Match) : RbacPermission;
}

/// <summary>An Envoy RBAC <c>Principal</c>: who sends a request.</summary>
internal abstract record RbacPrincipal
{
    public static readonly RbacPrincipal Anyone = new Any();

    public sealed record Any : RbacPrincipal;

    public sealed record And(RbacPrincipal[] Ids) : RbacPrincipal;

    public sealed record Or(RbacPrincipal[] Ids) : RbacPrincipal;

    public sealed record Not(RbacPrincipal Id) : RbacPrincipal;

    /// <summary>A peer with a mesh identity matched by <paramref name="Name"/>, or any identity when it is null.</summary>
    public sealed record Authenticated(StringMatch? Name) : RbacPrincipal;

    public sealed record DirectRemoteIp(string Address, int Length) : RbacPrincipal;

    public sealed record RemoteIp(string Address, int Length) : RbacPrincipal;

    /// <summary>
    /// A value of the verified token's payload (the <c>jwt_authn</c> filter's dynamic metadata) at <paramref name="Path"/>:
    /// present when <paramref name="Match"/> is null; a string matched, or with <paramref name="List"/> a list with an item matched.
    /// </summary>
    public sealed record Metadata(string[] Path, StringMatch? Match, bool List = false) : RbacPrincipal;
}
