namespace Mesh.Model;

/// <summary>
/// The patterns of access rules (paths, hosts, identities, request principals, condition values): exact text, a prefix
/// (<c>text*</c>), a suffix (<c>*text</c>) or <c>*</c> for any non-empty value — the three matches every mesh and Envoy's
/// string matcher share, with no other wildcard.
/// </summary>
public static class AccessPatterns
{
    /// <summary>Whether <paramref name="pattern"/> is an access pattern: non-empty, no white space, at most one <c>*</c>, at its start or end.</summary>
    /// <param name="pattern">The pattern.</param>
    public static bool IsValid(string? pattern)
    {
        if (string.IsNullOrEmpty(pattern) || pattern.Any(char.IsWhiteSpace)) return false;
        var star = pattern.IndexOf('*', StringComparison.Ordinal);
        return star < 0 || (pattern.IndexOf('*', star + 1) < 0 && (star == 0 || star == pattern.Length - 1));
    }

    /// <summary>Whether <paramref name="value"/> matches <paramref name="pattern"/> (ordinal).</summary>
    /// <param name="pattern">The pattern.</param>
    /// <param name="value">The value.</param>
    public static bool Matches(string pattern, string value)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(value);
        if (pattern == "*") return value.Length > 0;
        if (pattern.EndsWith('*')) return value.StartsWith(pattern[..^1], StringComparison.Ordinal);
        if (pattern.StartsWith('*')) return value.EndsWith(pattern[1..], StringComparison.Ordinal);
        return value == pattern;
    }
}
