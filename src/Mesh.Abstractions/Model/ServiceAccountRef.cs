using System.Diagnostics.CodeAnalysis;

namespace Mesh.Model;

/// <summary>A Kubernetes service account, the identity of a workload, written <c>namespace/name</c>.</summary>
/// <param name="Namespace">The namespace of the service account.</param>
/// <param name="Name">The service account name.</param>
public readonly record struct ServiceAccountRef(string Namespace, string Name)
{
    /// <summary>Parses <c>namespace/name</c>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="value">The reference when parsing succeeds.</param>
    /// <returns>Whether <paramref name="text"/> is a service account reference.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out ServiceAccountRef value)
    {
        value = default;
        if (string.IsNullOrEmpty(text)) return false;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == text.Length - 1 || text.IndexOf('/', slash + 1) >= 0) return false;
        value = new ServiceAccountRef(text[..slash], text[(slash + 1)..]);
        return true;
    }

    /// <summary>Parses <c>namespace/name</c>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <exception cref="FormatException"><paramref name="text"/> is not of the form <c>namespace/name</c>.</exception>
    public static ServiceAccountRef Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a service account reference of the form namespace/name.");

    /// <summary>The reference as <c>namespace/name</c>.</summary>
    public override string ToString() => $"{Namespace}/{Name}";
}
