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

    public static Option<bool> Strict() => new("--strict")
    {
        Description = "Treat features the target cannot express exactly as errors; nothing is written then.",
    };
}
