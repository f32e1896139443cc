using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Serialization;
using Mesh.Validation;

namespace Mesh.Cli.Commands;

/// <summary>Reads a model file (YAML or JSON) and validates it, locating every diagnostic in the source text.</summary>
internal static class ModelLoader
{
    /// <summary>The outcome: the model when it is usable, every diagnostic, and whether the file could be read at all.</summary>
    public sealed record Loaded(MeshConfig? Config, IReadOnlyList<Diagnostic> Diagnostics, bool Unreadable);

    public static Loaded Load(string path, TextWriter stderr)
    {
        if (!File.Exists(path))
        {
            stderr.WriteLine($"error: file not found: {path}");
            return new Loaded(null, [], Unreadable: true);
        }

        MeshReadResult read;
        using (var stream = File.OpenRead(path))
        {
            read = MeshYaml.Read(stream, path);
        }
        if (read.Config is null) return new Loaded(null, read.Diagnostics, Unreadable: false);

        var validation = MeshValidator.Validate(read.Config).Select(read.SourceMap.Locate);
        var all = read.Diagnostics.Concat(validation).ToList();
        return new Loaded(all.Any(d => d.IsError) ? null : read.Config, all, Unreadable: false);
    }
}
