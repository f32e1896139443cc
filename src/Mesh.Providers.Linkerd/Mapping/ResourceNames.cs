using System.Text;

namespace Mesh.Providers.Linkerd.Mapping;

/// <summary>DNS-1123 names for the resources written for one model object.</summary>
internal static class ResourceNames
{
    /// <summary>The parts joined with <c>-</c>, lower-cased, other characters as <c>-</c>, at most 63 characters (a stable hash keeps long names apart).</summary>
    public static string Join(params string[] parts)
    {
        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            if (part.Length == 0) continue;
            if (builder.Length > 0) builder.Append('-');
            foreach (var c in part.ToLowerInvariant()) builder.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }
        var name = builder.ToString().Trim('-');
        return name.Length <= 63 ? name : $"{name[..54].TrimEnd('-')}-{Hash(name)}";
    }

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
