namespace Mesh.Validation;

/// <summary>
/// The Kubernetes syntax of workload labels and container port names, which the model's selectors, subsets and target
/// ports share with every Kubernetes mesh: a value the API server would reject is rejected by validation first.
/// </summary>
public static class KubernetesNames
{
    /// <summary>The longest label name (the part after an optional <c>prefix/</c>) and label value: 63 characters.</summary>
    public const int MaxLabelLength = 63;

    /// <summary>The longest container port name (an IANA service name): 15 characters.</summary>
    public const int MaxPortNameLength = 15;

    /// <summary>Whether <paramref name="key"/> is a label key: an optional DNS subdomain prefix and '/', then a name of at most 63 alphanumerics, '-', '_' and '.', starting and ending alphanumeric.</summary>
    /// <param name="key">The key.</param>
    /// <returns>Whether it is a label key.</returns>
    public static bool IsLabelKey(string? key)
    {
        if (string.IsNullOrEmpty(key)) return false;
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            var prefix = key[..slash];
            if (prefix.Length is 0 or > DnsNames.MaxHostNameLength) return false;
            foreach (var label in prefix.Split('.'))
            {
                if (!DnsNames.IsDnsLabel(label)) return false;
            }
            key = key[(slash + 1)..];
        }
        return key.Length > 0 && IsLabelValue(key);
    }

    /// <summary>Whether <paramref name="value"/> is a label value: empty, or at most 63 alphanumerics, '-', '_' and '.', starting and ending alphanumeric.</summary>
    /// <param name="value">The value.</param>
    /// <returns>Whether it is a label value.</returns>
    public static bool IsLabelValue(string? value)
    {
        if (value is null || value.Length > MaxLabelLength) return false;
        if (value.Length == 0) return true;
        if (!char.IsAsciiLetterOrDigit(value[0]) || !char.IsAsciiLetterOrDigit(value[^1])) return false;
        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')) return false;
        }
        return true;
    }

    /// <summary>Whether <paramref name="name"/> is a container port name (IANA_SVC_NAME): at most 15 lower-case alphanumerics and '-', with a letter, no leading, trailing or doubled '-'.</summary>
    /// <param name="name">The name.</param>
    /// <returns>Whether it is a port name.</returns>
    public static bool IsPortName(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxPortNameLength) return false;
        if (name[0] == '-' || name[^1] == '-' || name.Contains("--", StringComparison.Ordinal)) return false;
        var letter = false;
        foreach (var c in name)
        {
            if (c is >= 'a' and <= 'z') letter = true;
            else if (!(c is >= '0' and <= '9' or '-')) return false;
        }
        return letter;
    }
}
