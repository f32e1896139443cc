using Mesh.Validation;

namespace Mesh.DependencyInjection;

/// <summary>
/// Checks provider packages run on their options (bound from configuration, see
/// <see cref="MeshSdkBuilder.AddTranslator{TTranslator, TOptions}(Func{TOptions, IEnumerable{string}}, Func{TOptions, TTranslator})"/>):
/// each returns the problem as a sentence naming the option, or null.
/// </summary>
public static class OptionChecks
{
    /// <summary>A Kubernetes namespace (or other DNS label) name.</summary>
    /// <param name="option">The option's name, e.g. <c>DefaultNamespace</c>.</param>
    /// <param name="value">Its value.</param>
    /// <returns>The problem, or null.</returns>
    public static string? Label(string option, string? value) =>
        DnsNames.IsDnsLabel(value) ? null : $"{option} must be a DNS label (lower-case letters, digits and '-', at most {DnsNames.MaxLabelLength} characters), not '{value}'.";

    /// <summary>A DNS name such as a cluster or trust domain.</summary>
    /// <param name="option">The option's name, e.g. <c>ClusterDomain</c>.</param>
    /// <param name="value">Its value.</param>
    /// <returns>The problem, or null.</returns>
    public static string? HostName(string option, string? value) =>
        DnsNames.IsHostName(value) ? null : $"{option} must be a DNS name (such as cluster.local), not '{value}'.";

    /// <summary>A value of its enum (configuration binds undefined numbers too).</summary>
    /// <typeparam name="TEnum">The enum.</typeparam>
    /// <param name="option">The option's name.</param>
    /// <param name="value">Its value.</param>
    /// <returns>The problem, or null.</returns>
    public static string? Defined<TEnum>(string option, TEnum value)
        where TEnum : struct, Enum =>
        Enum.IsDefined(value) ? null : $"{option} must be one of {string.Join(", ", Enum.GetNames<TEnum>())}, not '{value}'.";

    /// <summary>The non-null problems, in order.</summary>
    /// <param name="problems">The checks' results.</param>
    /// <returns>The problems.</returns>
    public static IEnumerable<string> Of(params string?[] problems) => problems.Where(p => p is not null)!;
}
