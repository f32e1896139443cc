using System.Text;

namespace Mesh.Validation;

/// <summary>
/// <c>envsubst</c>-style placeholders, <c>${NAME}</c>, in names and hosts. Manifests are often kept as templates (AWS's App Mesh
/// walkthroughs write <c>namespace: ${APP_NAMESPACE}</c>); a placeholder is kept verbatim through import, the model and
/// translation, so a migrated template is still a template, and validation checks the text around it with the placeholder
/// standing for one valid label fragment.
/// </summary>
public static class TemplatePlaceholders
{
    /// <summary>What a placeholder stands for when a name is validated.</summary>
    public const string StandIn = "x";

    /// <summary>Whether <paramref name="text"/> holds at least one <c>${NAME}</c> placeholder (NAME: a letter or '_', then letters, digits or '_').</summary>
    /// <param name="text">The text.</param>
    /// <returns>Whether it holds a placeholder.</returns>
    public static bool Contains(string? text)
    {
        if (text is null) return false;
        for (var i = text.IndexOf("${", StringComparison.Ordinal); i >= 0; i = text.IndexOf("${", i + 2, StringComparison.Ordinal))
        {
            if (Length(text, i) > 0) return true;
        }
        return false;
    }

    /// <summary><paramref name="text"/> with each placeholder replaced by <paramref name="replacement"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="replacement">The replacement.</param>
    /// <returns>The text without placeholders.</returns>
    public static string Substitute(string text, string replacement = StandIn)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(replacement);
        if (!text.Contains("${", StringComparison.Ordinal)) return text;
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length;)
        {
            var length = text[i] == '$' ? Length(text, i) : 0;
            if (length > 0)
            {
                result.Append(replacement);
                i += length;
            }
            else
            {
                result.Append(text[i++]);
            }
        }
        return result.ToString();
    }

    /// <summary>The length of the placeholder starting at <paramref name="start"/>, or 0 when there is none.</summary>
    private static int Length(string text, int start)
    {
        if (start + 3 >= text.Length || text[start] != '$' || text[start + 1] != '{') return 0;
        var i = start + 2;
        if (i >= text.Length || !(char.IsAsciiLetter(text[i]) || text[i] == '_')) return 0;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_')) i++;
        return i < text.Length && text[i] == '}' ? i - start + 1 : 0;
    }
}
