namespace Mesh.Xds;

/// <summary>
/// The encoder's built-in regular-expression check: the constructs RE2 refuses that people most often write.
/// It is deliberately small; plug a complete RE2 checker in through <see cref="XdsEncoderOptions.RegexCheck"/>.
/// </summary>
public static class RegexPolicy
{
    /// <summary>Checks a pattern.</summary>
    /// <param name="pattern">The regular expression.</param>
    /// <returns>Null when no unsupported construct was found; otherwise why RE2 rejects it.</returns>
    public static string? Check(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[i + 1];
                if (next is >= '1' and <= '9') return $"back-reference '\\{next}' at {i} is not supported by RE2.";
                if (next == 'k' && i + 2 < pattern.Length && pattern[i + 2] is '<' or '{' or '\'') return $"named back-reference at {i} is not supported by RE2.";
                i++;
                continue;
            }
            if (c == '[')
            {
                // Skip a character class: its content is literal to this check.
                var j = i + 1;
                if (j < pattern.Length && pattern[j] == '^') j++;
                if (j < pattern.Length && pattern[j] == ']') j++;
                while (j < pattern.Length && pattern[j] != ']')
                {
                    if (pattern[j] == '\\') j++;
                    j++;
                }
                i = j;
                continue;
            }
            if (c == '(' && i + 2 < pattern.Length && pattern[i + 1] == '?')
            {
                var kind = pattern[i + 2];
                if (kind is '=' or '!') return $"look-ahead '(?{kind}' at {i} is not supported by RE2.";
                if (kind == '<' && i + 3 < pattern.Length && pattern[i + 3] is '=' or '!') return $"look-behind '(?<{pattern[i + 3]}' at {i} is not supported by RE2.";
                if (kind == '>') return $"atomic group '(?>' at {i} is not supported by RE2.";
            }
            if (c is '+' or '*' or '?' or '}' && i + 1 < pattern.Length && pattern[i + 1] == '+' && i > 0)
            {
                return $"possessive quantifier at {i} is not supported by RE2.";
            }
        }
        return null;
    }
}
