using Mesh.Translation;

namespace Mesh.Cli.Commands;

/// <summary>Imports provider manifests from files (<c>-</c> is stdin).</summary>
internal static class ManifestReader
{
    /// <summary>Imports every file as one stream of documents; null when a file is missing or too large to read (reported on stderr).</summary>
    public static ImportResult? Import(ITranslator translator, IReadOnlyList<string> files, CliContext context, bool strict, bool managedOnly = false) =>
        Read(files, context) is { } sources ? translator.ImportYaml(sources, new ImportOptions { Strict = strict, ManagedOnly = managedOnly }) : null;

    /// <summary>Reads every file (<c>-</c> is stdin) as a source text named after the file; null when one is missing or too large (reported on stderr).</summary>
    public static IReadOnlyList<SourceText>? Read(IReadOnlyList<string> files, CliContext context)
    {
        var stderr = context.Stderr;
        var sources = new List<SourceText>(files.Count);
        var stdinRead = false;
        foreach (var file in files)
        {
            if (StandardStreams.Is(file))
            {
                if (StandardStreams.ReadStdin(context, ref stdinRead) is not { } text) return null;
                sources.Add(new SourceText(ModelLoader.StdinName, text));
                continue;
            }
            if (!File.Exists(file))
            {
                stderr.WriteLine($"error: file not found: {file}");
                return null;
            }
            // Refused before it is read: the reader would refuse it anyway, after holding all of it in memory.
            var limit = Mesh.Kubernetes.KubernetesYamlReader.DefaultOptions.MaxBytes;
            if (new FileInfo(file).Length > limit)
            {
                stderr.WriteLine($"error: {file} is larger than {limit} bytes (the manifest reader's MaxBytes); it was not read.");
                return null;
            }
            sources.Add(new SourceText(Path.GetFileName(file), File.ReadAllText(file)));
        }
        return sources;
    }
}
