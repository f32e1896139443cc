using Mesh.Translation;
using System.CommandLine;
using Mesh.Cli.Output;

namespace Mesh.Cli.Commands;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    public static Option<OutputFormat> Format() => new("--format")
    {
        Description = "How diagnostics are printed: text (severity code path: message) or json.",
        DefaultValueFactory = _ => OutputFormat.Text,
    };

    public static Option<string?> Output() => new("--output", "-o")
    {
        Description = "Write the result to this file (or into this existing directory) instead of stdout.",
    };

    /// <summary><c>--services none|subsets|all</c>: which core v1 Services a Kubernetes provider writes (default: the provider's own).</summary>
    public static Option<Mesh.Translation.ServiceOutput?> Services() => new("--services")
    {
        Description = "Which Kubernetes Services to write: none, subsets (a leaf Service per subset routed to) or all (every service too). Default: the provider's (subsets for gateway-api and linkerd, none for istio; subsets for appmesh, where every subset gets one: its virtual node is found by that name; subsets for osm).",
        CustomParser = result => result.Tokens.Count == 1 && Enum.TryParse<Mesh.Translation.ServiceOutput>(result.Tokens[0].Value, ignoreCase: true, out var value)
            ? value
            : Fail(result),
    };

    private static Mesh.Translation.ServiceOutput? Fail(System.CommandLine.Parsing.ArgumentResult result)
    {
        result.AddError($"--services takes none, subsets or all, not '{string.Join(" ", result.Tokens.Select(t => t.Value))}'.");
        return null;
    }

    public static Option<bool> Strict() => new("--strict")
    {
        Description = "Treat features the target cannot express exactly as errors; nothing is written then.",
    };
}
