namespace Mesh.Providers.Linkerd.Mapping;

/// <summary>DNS-1123 names for the resources written for one model object.</summary>
internal static class ResourceNames
{
    private const int MaxLength = 63;

    /// <summary>The parts joined with <c>-</c>, lower-cased, other characters as <c>-</c>, at most 63 characters (a stable hash keeps long names apart).</summary>
    public static string Join(string first, string second) => Join([first, second]);

    /// <inheritdoc cref="Join(string, string)"/>
    public static string Join(string first, string second, string third) => Join([first, second, third]);

    /// <inheritdoc cref="Join(string, string)"/>
    public static string Join(ReadOnlySpan<string> parts)
    {
        var length = parts.Length;
        foreach (var part in parts) length += part.Length;
        // Names are short; one pass into a stack buffer and one string, instead of a builder and a lower-cased copy per part.
        Span<char> buffer = length <= 256 ? stackalloc char[length] : new char[length];
        var n = 0;
        foreach (var part in parts)
        {
            if (part.Length == 0) continue;
            if (n > 0) buffer[n++] = '-';
            foreach (var c in part)
            {
                var lower = char.ToLowerInvariant(c);
                buffer[n++] = char.IsAsciiLetterOrDigit(lower) ? lower : '-';
            }
        }
        var name = buffer[..n].Trim('-');
        if (name.Length <= MaxLength) return name.ToString();
        var full = name.ToString();
        return $"{name[..54].TrimEnd('-')}-{Hash(full)}";
    }

    /// <summary>A 1-based ordinal as a name part.</summary>
    public static string Ordinal(int zeroBased) => (zeroBased + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Hash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 16777619u;
        }
        return hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }
}
