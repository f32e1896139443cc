namespace Mesh.Model;

/// <summary>
/// A condition on a named request value — a header or a query parameter. YAML:
/// <c>{ name: x, exact: v }</c>, <c>{ name: x, prefix: v }</c>, <c>{ name: x, regex: v }</c>,
/// <c>{ name: x, present: true }</c> or <c>{ name: x, absent: true }</c>.
/// </summary>
/// <param name="Name">The header or parameter name. Header names compare case-insensitively; the model keeps them as written.</param>
/// <param name="Kind">The comparison.</param>
/// <param name="Value">The value to compare with; null for <see cref="ValueMatchKind.Present"/> and <see cref="ValueMatchKind.Absent"/>.</param>
public sealed record ValueMatch(string Name, ValueMatchKind Kind, string? Value = null)
{
    /// <summary>The value equals <paramref name="value"/>.</summary>
    /// <param name="name">The header or parameter name.</param>
    /// <param name="value">The value.</param>
    public static ValueMatch Exact(string name, string value) => new(name, ValueMatchKind.Exact, value);

    /// <summary>The value starts with <paramref name="prefix"/>.</summary>
    /// <param name="name">The header or parameter name.</param>
    /// <param name="prefix">The prefix.</param>
    public static ValueMatch Prefix(string name, string prefix) => new(name, ValueMatchKind.Prefix, prefix);

    /// <summary>The value is fully matched by the RE2 expression <paramref name="pattern"/>.</summary>
    /// <param name="name">The header or parameter name.</param>
    /// <param name="pattern">The RE2 expression.</param>
    public static ValueMatch Regex(string name, string pattern) => new(name, ValueMatchKind.Regex, pattern);

    /// <summary>The header or parameter is present, whatever its value.</summary>
    /// <param name="name">The header or parameter name.</param>
    public static ValueMatch Present(string name) => new(name, ValueMatchKind.Present);

    /// <summary>The header or parameter is absent.</summary>
    /// <param name="name">The header or parameter name.</param>
    public static ValueMatch Absent(string name) => new(name, ValueMatchKind.Absent);
}
