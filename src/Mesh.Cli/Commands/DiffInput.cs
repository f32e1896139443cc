using Mesh.Diagnostics;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Serialization;
using Mesh.Translation;

namespace Mesh.Cli.Commands;

/// <summary>
/// One side of <c>mesh diff</c>: a mesh model file, or provider manifests imported into a model. With a provider given, a file
/// is read as a model when it is one (a single document of <c>kind: Mesh</c> without <c>apiVersion</c>), else as manifests.
/// </summary>
/// <param name="Label">The side's name in messages: <c>desired</c> or <c>live</c>.</param>
/// <param name="Config">The model, or null when reading or importing it failed (see <paramref name="Diagnostics"/>).</param>
/// <param name="Diagnostics">What reading, validating or importing reported.</param>
/// <param name="Sources">Where the model's paths are in the file (empty for imported manifests).</param>
/// <param name="Provider">The provider the side was imported from, or null for a model file.</param>
/// <param name="CoreServices">The Kubernetes Services the manifests hold, by name and namespace (null when it has none).</param>
internal sealed record DiffInput(
    string Label, MeshConfig? Config, IReadOnlyList<Diagnostic> Diagnostics, SourceMap Sources, ProviderName? Provider,
    IReadOnlySet<(string Name, string? Namespace)> CoreServices)
{
    /// <summary>Reads one side; null when the file is missing, too large or stdin is unavailable (reported on stderr: a usage error).</summary>
    public static DiffInput? Load(string path, string label, ITranslator? from, ImportOptions importOptions, CliContext context, ref bool stdinRead)
    {
        string text;
        var name = StandardStreams.Is(path) ? ModelLoader.StdinName : path;
        if (StandardStreams.Is(path))
        {
            if (StandardStreams.ReadStdin(context, ref stdinRead) is not { } read) return null;
            text = read;
        }
        else if (!File.Exists(path))
        {
            context.Stderr.WriteLine($"error: file not found: {path}");
            return null;
        }
        else
        {
            var limit = KubernetesYamlReader.DefaultOptions.MaxBytes;
            if (new FileInfo(path).Length > limit)
            {
                context.Stderr.WriteLine($"error: {path} is larger than {limit} bytes (the reader's MaxBytes); it was not read.");
                return null;
            }
            text = File.ReadAllText(path);
        }

        var documents = from is null ? [] : YamlStreamReader.Read(text, name, KubernetesYamlReader.DefaultOptions, new List<Diagnostic>());
        if (from is null || IsModel(documents))
        {
            var model = ModelLoader.Parse(text, name);
            return new DiffInput(label, model.Config, model.Diagnostics, model.Sources, null, new HashSet<(string, string?)>());
        }
        var imported = from.ImportYaml([new SourceText(StandardStreams.Is(path) ? ModelLoader.StdinName : Path.GetFileName(path), text)], importOptions);
        return new DiffInput(label, imported.Config, imported.Diagnostics, SourceMap.Empty, from.Provider, CoreServicesOf(documents));
    }

    /// <summary>Whether this side knows the selector and ports of <paramref name="service"/>: a model always does; manifests when they hold its Service.</summary>
    public bool Knows(ServiceRef service) =>
        Provider is null || CoreServices.Contains((service.Name, service.Namespace)) || CoreServices.Contains((service.Name, null));

    private static bool IsModel(IReadOnlyList<YamlNode> documents) =>
        documents is [{ Kind: YamlNodeKind.Mapping } root]
        && Value(root, "kind") is { Kind: YamlNodeKind.Scalar, Value: "Mesh" }
        && Value(root, "apiVersion") is null;

    /// <summary>The core <c>v1</c> Services among the documents (and the items of <c>v1</c> Lists).</summary>
    private static HashSet<(string Name, string? Namespace)> CoreServicesOf(IReadOnlyList<YamlNode> documents)
    {
        var services = new HashSet<(string, string?)>();
        var pending = new Stack<YamlNode>(documents);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (node.Kind != YamlNodeKind.Mapping || Value(node, "apiVersion") is not { Kind: YamlNodeKind.Scalar, Value: "v1" }) continue;
            switch (Value(node, "kind")?.Value)
            {
                case "Service" when Value(node, "metadata") is { Kind: YamlNodeKind.Mapping } metadata && Value(metadata, "name") is { Kind: YamlNodeKind.Scalar } serviceName:
                    services.Add((serviceName.Value, Value(metadata, "namespace") is { Kind: YamlNodeKind.Scalar } ns ? ns.Value : null));
                    break;
                case "List" when Value(node, "items") is { Kind: YamlNodeKind.Sequence } items:
                    foreach (var item in items.Children) pending.Push(item);
                    break;
            }
        }
        return services;
    }

    private static YamlNode? Value(YamlNode mapping, string key)
    {
        var children = mapping.Children;
        for (var i = 0; i + 1 < children.Count; i += 2)
        {
            if (children[i] is { Kind: YamlNodeKind.Scalar } k && string.Equals(k.Value, key, StringComparison.Ordinal)) return children[i + 1];
        }
        return null;
    }
}
