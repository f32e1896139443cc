namespace Mesh.Validation;

/// <summary>
/// Checks regular expressions against RE2's syntax (https://github.com/google/re2/wiki/Syntax), which is what Envoy's
/// <c>safe_regex</c> matchers run. The check is a parser of its own: .NET's <c>Regex</c> accepts a different dialect.
/// </summary>
public static class Re2
{
    /// <summary>The deepest group nesting RE2 accepts; deeper patterns are rejected as RE2 itself rejects them.</summary>
    internal const int MaxNestingDepth = 1000;

    /// <summary>The largest repetition count RE2 accepts in <c>{n,m}</c>, also for nested repetitions multiplied together.</summary>
    internal const int MaxRepeat = 1000;

    /// <summary>Checks whether RE2 can run <paramref name="pattern"/>.</summary>
    /// <param name="pattern">The pattern, as written in the model.</param>
    /// <returns><see langword="null"/> when RE2 can run the pattern; otherwise why not, with the code and offset.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pattern"/> is <see langword="null"/>.</exception>
    public static Re2Problem? Check(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return new Re2Parser(pattern).Parse();
    }
}
