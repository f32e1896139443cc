using System.Text.Json.Nodes;
using Mesh.Diagnostics;

namespace Mesh.Kubernetes;

/// <summary>One document of a YAML stream as a JSON tree (see <see cref="KubernetesYamlReader"/>).</summary>
/// <param name="Index">The 0-based position of the document in the stream.</param>
/// <param name="Root">The document's content; null for an empty document.</param>
/// <param name="Location">Where the document starts.</param>
/// <param name="Positions">Where each node starts, by JSON path (<c>$.spec.http[0].timeout</c>): for a mapping entry, its key.</param>
public sealed record YamlDocument(int Index, JsonNode? Root, SourceLocation Location, IReadOnlyDictionary<string, SourceLocation> Positions);
