using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Serialization;
using Mesh.Validation;

namespace Mesh.Cli.Commands;

/// <summary>Reads a model file (YAML or JSON; <c>-</c> is stdin) and validates it, locating every diagnostic in the source text.</summary>
internal static class ModelLoader
{
    /// <summary>
    /// The outcome: the model when it is usable, every diagnostic, whether the file could be read at all, and where
    /// the model's paths are in the file.
    /// </summary>
    public sealed record Loaded(MeshConfig? Config, IReadOnlyList<Diagnostic> Diagnostics, bool Unreadable, SourceMap Sources)
    {
        /// <summary>
        /// Locates a diagnostic about the model (a <c>$.spec…</c> or <c>$.metadata…</c> path) in the model file; others
        /// (endpoints, proxy) are returned unchanged.
        /// </summary>
        public Diagnostic Locate(Diagnostic diagnostic) =>
            diagnostic.Path.StartsWith("$.spec", StringComparison.Ordinal) || diagnostic.Path.StartsWith("$.metadata", StringComparison.Ordinal)
                ? Sources.Locate(diagnostic)
                : diagnostic;
    }

    /// <summary>Reads and validates the model: the config is null when it has reading or validation errors.</summary>
    public static Loaded Load(string path, CliContext context) => Load(path, context, validate: true);

    /// <summary>
    /// Reads the model without validating it, for a consumer that validates it itself (the xDS encoder), so that
    /// no problem is reported twice: the config is null when it has reading errors.
    /// </summary>
    public static Loaded Read(string path, CliContext context) => Load(path, context, validate: false);

    /// <summary>The name diagnostics give a model read from stdin.</summary>
    public const string StdinName = "stdin";

    private static Loaded Load(string path, CliContext context, bool validate)
    {
        MeshReadResult read;
        if (StandardStreams.Is(path))
        {
            var stdinRead = false;
            if (StandardStreams.ReadStdin(context, ref stdinRead) is not { } text) return new Loaded(null, [], Unreadable: true, SourceMap.Empty);
            read = MeshYaml.Read(text, StdinName);
        }
        else if (!File.Exists(path))
        {
            context.Stderr.WriteLine($"error: file not found: {path}");
            return new Loaded(null, [], Unreadable: true, SourceMap.Empty);
        }
        else
        {
            using var stream = File.OpenRead(path);
            read = MeshYaml.Read(stream, path);
        }
        return Finish(read, validate);
    }

    /// <summary>Reads and validates a model from text already read (e.g. from stdin, or a file a command looked into first).</summary>
    public static Loaded Parse(string text, string sourceName) => Finish(MeshYaml.Read(text, sourceName), validate: true);

    private static Loaded Finish(MeshReadResult read, bool validate)
    {
        if (read.Config is null) return new Loaded(null, read.Diagnostics, Unreadable: false, read.SourceMap);

        IEnumerable<Diagnostic> validation = validate ? MeshValidator.Validate(read.Config).Select(read.SourceMap.Locate) : [];
        var all = read.Diagnostics.Concat(validation).ToList();
        return new Loaded(all.Any(d => d.IsError) ? null : read.Config, all, Unreadable: false, read.SourceMap);
    }
}
