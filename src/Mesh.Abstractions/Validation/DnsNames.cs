namespace Mesh.Validation;

/// <summary>
/// The DNS name rules of the model, shared by validation and by every provider so that a name means the same everywhere:
/// service, namespace and subset names are DNS-1123 labels; hosts are DNS names, compared case-insensitively.
/// </summary>
public static class DnsNames
{
    /// <summary>The longest DNS label: 63 characters.</summary>
    public const int MaxLabelLength = 63;

    /// <summary>The longest host name: 253 characters.</summary>
    public const int MaxHostNameLength = 253;

    /// <summary>
    /// Whether <paramref name="text"/> is a DNS-1123 label: lower-case alphanumerics and '-', starting and ending alphanumeric, at
    /// most 63 characters. A <c>${NAME}</c> template placeholder stands for a valid fragment (<see cref="TemplatePlaceholders"/>).
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>Whether it is a label.</returns>
    public static bool IsDnsLabel(string? text)
    {
        if (TemplatePlaceholders.Contains(text)) text = TemplatePlaceholders.Substitute(text!);
        if (string.IsNullOrEmpty(text) || text.Length > MaxLabelLength) return false;
        if (text[0] == '-' || text[^1] == '-') return false;
        foreach (var c in text)
        {
            if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-')) return false;
        }
        return true;
    }

    /// <summary>
    /// Whether <paramref name="text"/> is a DNS name of labels (case-insensitive), at most 253 characters; <c>*.</c> is allowed only
    /// as the first label. A <c>${NAME}</c> template placeholder stands for a valid fragment (<see cref="TemplatePlaceholders"/>).
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>Whether it is a host name.</returns>
    public static bool IsHostName(string? text)
    {
        if (TemplatePlaceholders.Contains(text)) text = TemplatePlaceholders.Substitute(text!);
        if (string.IsNullOrEmpty(text) || text.Length > MaxHostNameLength) return false;
        var labels = text.Split('.');
        for (var i = 0; i < labels.Length; i++)
        {
            if (i == 0 && labels[i] == "*" && labels.Length > 1) continue;
            if (!IsDnsLabel(labels[i].ToLowerInvariant())) return false;
        }
        return true;
    }
}
