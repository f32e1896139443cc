using System.Diagnostics.CodeAnalysis;

namespace Mesh.Model;

/// <summary>
/// A reference to a service by name and namespace, written <c>name.namespace</c> (e.g. <c>reviews.bookinfo</c>).
/// </summary>
/// <param name="Name">The service name (a DNS-1123 label).</param>
/// <param name="Namespace">The namespace (a DNS-1123 label).</param>
public readonly record struct ServiceRef(string Name, string Namespace)
{
    /// <summary>The cluster DNS suffix used by <see cref="ToFqdn"/> when none is given.</summary>
    public const string DefaultClusterDomain = "cluster.local";

    /// <summary>The fully-qualified in-cluster host, e.g. <c>reviews.bookinfo.svc.cluster.local</c>.</summary>
    /// <param name="clusterDomain">The cluster DNS suffix.</param>
    public string ToFqdn(string clusterDomain = DefaultClusterDomain) => $"{Name}.{Namespace}.svc.{clusterDomain}";

    /// <summary>Parses <c>name.namespace</c>; both parts must be non-empty and free of further dots.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="value">The reference when parsing succeeds.</param>
    /// <returns>Whether <paramref name="text"/> is a service reference.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out ServiceRef value)
    {
        value = default;
        if (string.IsNullOrEmpty(text)) return false;
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == text.Length - 1 || text.IndexOf('.', dot + 1) >= 0) return false;
        value = new ServiceRef(text[..dot], text[(dot + 1)..]);
        return true;
    }

    /// <summary>Parses <c>name.namespace</c>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <exception cref="FormatException"><paramref name="text"/> is not of the form <c>name.namespace</c>.</exception>
    public static ServiceRef Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a service reference of the form name.namespace.");

    /// <summary>The reference as <c>name.namespace</c>.</summary>
    public override string ToString() => $"{Name}.{Namespace}";
}
