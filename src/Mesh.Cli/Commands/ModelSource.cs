using Mesh.Cli.Output;
using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Cli.Commands;

/// <summary>
/// The input of commands that take "a model or a mesh's manifests" (<c>analyze</c>, <c>graph</c>): one model file, or with
/// <c>--from</c> manifest files imported first. Reading and import diagnostics are printed to stderr here.
/// </summary>
/// <param name="Config">The model, or null when it could not be had (see <paramref name="Exit"/>).</param>
/// <param name="Diagnostics">What reading the model file reported (import diagnostics are already printed).</param>
/// <param name="Locate">Places a diagnostic about the model in the model file (unchanged for imported manifests).</param>
/// <param name="Exit">The exit code when <paramref name="Config"/> is null.</param>
internal sealed record ModelSource(MeshConfig? Config, IReadOnlyList<Diagnostic> Diagnostics, Func<Diagnostic, Diagnostic> Locate, int Exit)
{
    /// <summary>The provider manifests the model was imported from (null for a model file).</summary>
    public IReadOnlyList<Mesh.Translation.SourceText>? Manifests { get; init; }

    public static ModelSource Load(IReadOnlyList<string> files, string? from, string command, CliContext context, OutputFormat format)
    {
        if (from is not null)
        {
            if (!context.TryGetTranslator(from, out var translator)) return Failed(ExitCodes.Usage);
            if (ManifestReader.Read(files, context) is not { } sources) return Failed(ExitCodes.Usage);
            var imported = translator.ImportYaml(sources, new Mesh.Translation.ImportOptions());
            DiagnosticWriter.Write(context, imported.Diagnostics, format);
            return imported.Config is null ? Failed(ExitCodes.Errors) : new ModelSource(imported.Config, [], d => d, ExitCodes.Ok) { Manifests = sources };
        }
        if (files.Count != 1)
        {
            context.Stderr.WriteLine($"error: {command} reads one model file, not {files.Count}; to read a mesh's manifests, name its provider with --from.");
            return Failed(ExitCodes.Usage);
        }
        var loaded = ModelLoader.Read(files[0], context);
        if (loaded.Unreadable) return Failed(ExitCodes.Usage);
        if (loaded.Config is null)
        {
            DiagnosticWriter.Write(context, loaded.Diagnostics, format);
            return Failed(ExitCodes.Errors);
        }
        return new ModelSource(loaded.Config, loaded.Diagnostics, loaded.Locate, ExitCodes.Ok);
    }

    private static ModelSource Failed(int exit) => new(null, [], d => d, exit);
}
