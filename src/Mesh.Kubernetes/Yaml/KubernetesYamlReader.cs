using System.Globalization;
using System.Text.Json.Nodes;
using Mesh.Diagnostics;
using Mesh.Translation;
using Mesh.Serialization;

namespace Mesh.Kubernetes;

/// <summary>
/// Reads a YAML stream of Kubernetes manifests into JSON trees, the form the API server works on: plain scalars are typed
/// by the YAML 1.2 core schema (null, bool, int, float), quoted scalars stay strings. The text is read by the SDK's one
/// hardened reader (<see cref="YamlStreamReader"/>) with <see cref="MeshReaderOptions"/> limits; aliases are allowed, as
/// <c>kubectl</c> allows them, but count toward the node and depth limits as if written out, so an alias bomb is a
/// diagnostic, not an exhausted process.
/// </summary>
public static class KubernetesYamlReader
{
    /// <summary>The limits used when none are given: <see cref="MeshReaderOptions.Default"/> with aliases allowed.</summary>
    public static MeshReaderOptions DefaultOptions { get; } = MeshReaderOptions.Default with { AllowAliases = true };

    /// <summary>
    /// Reads every document of <paramref name="yaml"/>. A syntax error, an exceeded limit or a duplicate key ends the stream
    /// with one error diagnostic at <c>file#doc $</c> (with line and column), tagged with <paramref name="provider"/>.
    /// </summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="sourceName">The file name, used in paths (<c>file#doc</c>) and locations.</param>
    /// <param name="provider">The provider named in the diagnostics.</param>
    /// <param name="diagnostics">Receives the problems.</param>
    /// <param name="options">The limits, or null for <see cref="DefaultOptions"/>.</param>
    /// <returns>The documents read completely, in order.</returns>
    public static IReadOnlyList<YamlDocument> Read(string yaml, string sourceName, ProviderName provider, ICollection<Diagnostic> diagnostics, MeshReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourceName);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var problems = new List<Diagnostic>();
        var roots = YamlStreamReader.Read(yaml, sourceName, options ?? DefaultOptions, problems);
        var documents = new List<YamlDocument>(roots.Count);
        foreach (var problem in problems)
        {
            diagnostics.Add(problem with { Path = $"{sourceName}#{roots.Count} {problem.Path}", Provider = provider });
        }
        foreach (var root in roots)
        {
            var positions = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
            var converter = new Converter(positions, sourceName);
            try
            {
                var tree = converter.Convert(root, "$");
                documents.Add(new YamlDocument(documents.Count, tree, new SourceLocation(sourceName, root.Line, root.Column), positions));
            }
            catch (MappingKeyException e)
            {
                diagnostics.Add(Diagnostic.Error(e.Code, $"{sourceName}#{documents.Count} {e.Path}", e.Message) with
                {
                    Provider = provider,
                    Location = new SourceLocation(sourceName, e.Line, e.Column),
                });
                break;
            }
        }
        return documents;
    }

    /// <summary>YAML nodes → JSON nodes. Depth is bounded by the reader's MaxDepth, size by its MaxNodes (aliases included).</summary>
    private sealed class Converter(Dictionary<string, SourceLocation> positions, string sourceName)
    {
        private void Mark(string path, YamlNode node) => positions.TryAdd(path, new SourceLocation(sourceName, node.Line, node.Column));

        public JsonNode? Convert(YamlNode node, string path)
        {
            Mark(path, node);
            switch (node.Kind)
            {
                case YamlNodeKind.Scalar:
                    return ScalarValue(node);
                case YamlNodeKind.Sequence:
                    var array = new JsonArray();
                    foreach (var item in node.Children) array.Add(Convert(item, $"{path}[{array.Count}]"));
                    return array;
                default:
                    var obj = new JsonObject();
                    for (var i = 0; i + 1 < node.Children.Count; i += 2)
                    {
                        var keyNode = node.Children[i];
                        if (keyNode.Kind != YamlNodeKind.Scalar) throw new MappingKeyException(DiagnosticCodes.Syntax, path, keyNode, "A mapping key must be a scalar.");
                        var key = ScalarValue(keyNode)?.ToString() ?? "null";
                        var at = path + JsonPaths.Segment(key);
                        if (obj.ContainsKey(key)) throw new MappingKeyException(DiagnosticCodes.DuplicateKey, at, keyNode, $"The key '{key}' appears twice in one mapping; the API server would keep only one of them.");
                        Mark(at, keyNode);
                        obj[key] = Convert(node.Children[i + 1], at);
                    }
                    return obj;
            }
        }
    }

    /// <summary>The JSON value of a scalar, typed as <see cref="YamlNode.ScalarType"/> says; a number JSON cannot hold exactly stays text.</summary>
    private static JsonValue? ScalarValue(YamlNode scalar) => scalar.ScalarType switch
    {
        ScalarType.Null => null,
        ScalarType.Bool => JsonValue.Create(scalar.Value[0] is 't' or 'T'),
        ScalarType.Int when long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) => JsonValue.Create(integer),
        ScalarType.Float when double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real) => JsonValue.Create(real),
        _ => JsonValue.Create(scalar.Value),
    };

    private sealed class MappingKeyException(DiagnosticCode code, string path, YamlNode key, string message) : Exception(message)
    {
        public DiagnosticCode Code { get; } = code;

        public string Path { get; } = path;

        public int Line { get; } = key.Line;

        public int Column { get; } = key.Column;
    }
}
