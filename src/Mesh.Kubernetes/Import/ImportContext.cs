using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Mesh.Diagnostics;
using Mesh.Translation;

namespace Mesh.Kubernetes;

/// <summary>
/// The state of one import: the provider, the namespace of resources that name none, and the diagnostics. Paths are
/// <c>source $.json.path</c>; when the source came from YAML (<see cref="AddPositions"/>) each diagnostic carries the line
/// and column of its node, or of its nearest ancestor in the file. Each method raises one code with one severity.
/// </summary>
public class ImportContext
{
    private readonly Dictionary<string, IReadOnlyDictionary<string, SourceLocation>> _positions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Source, string Prefix)> _listItems = new(StringComparer.Ordinal);

    /// <summary>Creates the context of one import.</summary>
    /// <param name="provider">The provider named in the diagnostics.</param>
    /// <param name="defaultNamespace">The namespace of resources whose metadata names none.</param>
    /// <param name="diagnostics">The list that receives the diagnostics, or null for a new one.</param>
    public ImportContext(ProviderName provider, string defaultNamespace, List<Diagnostic>? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(defaultNamespace);
        Provider = provider;
        DefaultNamespace = defaultNamespace;
        Diagnostics = diagnostics ?? [];
    }

    /// <summary>The provider named in the diagnostics.</summary>
    public ProviderName Provider { get; }

    /// <summary>The namespace of resources whose metadata names none.</summary>
    public string DefaultNamespace { get; }

    /// <summary>The diagnostics raised so far.</summary>
    public List<Diagnostic> Diagnostics { get; }

    /// <summary>Whether an error was raised.</summary>
    public bool HasErrors
    {
        get
        {
            foreach (var d in Diagnostics)
            {
                if (d.IsError) return true;
            }
            return false;
        }
    }

    /// <summary>Records where the nodes of <paramref name="source"/> are, so its diagnostics get lines and columns.</summary>
    /// <param name="source">The source name (<c>file#doc</c>).</param>
    /// <param name="positions">The positions by JSON path, from <see cref="YamlDocument.Positions"/>.</param>
    public void AddPositions(string source, IReadOnlyDictionary<string, SourceLocation> positions) => _positions[source] = positions;

    /// <summary>
    /// Names an item of a <c>List</c> document as a source of its own (<c>file#doc/items[2]</c>), so that mappings report at
    /// <c>$.spec…</c> as for any resource; diagnostics are moved back into the list (<c>file#doc $.items[2].spec…</c>).
    /// </summary>
    /// <param name="source">The List document's source name.</param>
    /// <param name="prefix">The item's path in the document, <c>$.items[i]</c>.</param>
    /// <returns>The item's source name.</returns>
    internal string AddListItem(string source, string prefix)
    {
        var item = source + "/" + prefix[2..];
        _listItems[item] = (source, prefix);
        return item;
    }

    /// <summary>The diagnostic's path with a List item's source name moved back into its List (<see cref="AddListItem"/>).</summary>
    internal Diagnostic Relocate(Diagnostic d)
    {
        if (_listItems.Count == 0) return d;
        var space = d.Path.IndexOf(' ', StringComparison.Ordinal);
        var source = space < 0 ? d.Path : d.Path[..space];
        if (!_listItems.TryGetValue(source, out var item)) return d;
        var rest = space < 0 ? string.Empty : d.Path[(space + 1)..];
        return d with { Path = $"{item.Source} {item.Prefix}{(rest.StartsWith('$') ? rest[1..] : rest.Length == 0 ? string.Empty : " " + rest)}" };
    }

    /// <summary><paramref name="result"/> with every diagnostic <see cref="Relocate(Diagnostic)"/>d.</summary>
    internal ImportResult Relocate(ImportResult result) =>
        _listItems.Count == 0 ? result : result with { Diagnostics = [.. result.Diagnostics.Select(Relocate)] };

    /// <summary>The namespace of <paramref name="resource"/>: its metadata's, else <see cref="DefaultNamespace"/>.</summary>
    /// <param name="resource">The resource.</param>
    /// <returns>The namespace.</returns>
    public string NamespaceOf(IKubernetesObject<V1ObjectMeta> resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return string.IsNullOrEmpty(resource.Metadata?.NamespaceProperty) ? DefaultNamespace : resource.Metadata.NamespaceProperty;
    }

    /// <summary>The name of <paramref name="resource"/>; a resource without one is reported as invalid and gets the empty name.</summary>
    /// <param name="resource">The resource.</param>
    /// <param name="source">Its source name.</param>
    /// <returns>The name.</returns>
    public string NameOf(IKubernetesObject<V1ObjectMeta> resource, string source)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var name = resource.Metadata?.Name;
        if (string.IsNullOrEmpty(name))
        {
            Invalid(source, "$.metadata.name", "The resource has no name.");
            return string.Empty;
        }
        return name;
    }

    /// <summary>
    /// Reports the metadata of a resource beyond its name and namespace (labels, annotations, uid, owner references, …) as
    /// not imported; annotations in <paramref name="carried"/> are read by the caller and not reported.
    /// </summary>
    /// <param name="metadata">The metadata, or null.</param>
    /// <param name="source">The resource's source name.</param>
    /// <param name="carried">The annotations the caller imports, or null.</param>
    public void ReportMetadata(V1ObjectMeta? metadata, string source, IReadOnlySet<string>? carried = null)
    {
        if (metadata is null) return;
        if (JsonSerializer.SerializeToNode(metadata, KubeJson.ObjectMeta) is not JsonObject fields) return;
        foreach (var (key, value) in fields)
        {
            if (key is "name" or "namespace" || value is null) continue;
            // The ownership label Mesh SDK writes is read (Ownership), not lost.
            if (key == "labels" && value is JsonObject labels && labels.Count == 1 && labels.ContainsKey(Ownership.ManagedByLabel)) continue;
            // The source annotation Mesh SDK writes names model objects; it is written again on every translation.
            if (key == "annotations" && value is JsonObject own && own.Count == 1 && own.ContainsKey(Ownership.SourceAnnotation)) continue;
            if (key == "annotations" && carried is not null && value is JsonObject annotations)
            {
                foreach (var (annotation, text) in annotations)
                {
                    if (text is null || carried.Contains(annotation) || annotation == Ownership.SourceAnnotation) continue;
                    NotImportedInfo(source, "$.metadata.annotations" + JsonPaths.Segment(annotation), "This annotation is not part of the model.");
                }
                continue;
            }
            NotImportedInfo(source, "$.metadata" + JsonPaths.Segment(key), "Resource metadata other than name and namespace is not part of the model.");
        }
    }

    private Diagnostic Tag(Diagnostic d)
    {
        var tagged = d with { Provider = Provider };
        var space = d.Path.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0 || !_positions.TryGetValue(d.Path[..space], out var positions)) return Relocate(tagged);
        var path = d.Path[(space + 1)..];
        while (true)
        {
            if (positions.TryGetValue(path, out var location)) return Relocate(tagged with { Location = location });
            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut <= 0) return Relocate(tagged);
            path = path[..cut];
        }
    }

    /// <summary>A field the model has no place for (warning, <see cref="DiagnosticCodes.FieldNotImported"/>).</summary>
    /// <param name="source">The source name.</param>
    /// <param name="path">The JSON path in the source document.</param>
    /// <param name="message">Why.</param>
    public void NotImported(string source, string path, string message) =>
        Diagnostics.Add(Tag(Diagnostic.Warning(DiagnosticCodes.FieldNotImported, $"{source} {path}", message)));

    /// <summary>A field the cluster or tooling writes (status, metadata) and the model does not need (info, <see cref="DiagnosticCodes.FieldNotImported"/>).</summary>
    /// <param name="source">The source name.</param>
    /// <param name="path">The JSON path in the source document.</param>
    /// <param name="message">Why.</param>
    public void NotImportedInfo(string source, string path, string message) =>
        Diagnostics.Add(Tag(Diagnostic.Info(DiagnosticCodes.FieldNotImported, $"{source} {path}", message)));

    /// <summary>How an input was read where nothing is lost, e.g. rules put in the order the mesh applies them (info, <see cref="DiagnosticCodes.TranslationNote"/>).</summary>
    /// <param name="source">The source name.</param>
    /// <param name="path">The JSON path in the source document.</param>
    /// <param name="message">What was done.</param>
    public void Note(string source, string path, string message) =>
        Diagnostics.Add(Tag(Diagnostic.Info(DiagnosticCodes.TranslationNote, $"{source} {path}", message)));

    /// <summary>A feature outside the model's scope (warning, <see cref="DiagnosticCodes.OutOfScope"/>).</summary>
    /// <param name="source">The source name.</param>
    /// <param name="path">The JSON path in the source document.</param>
    /// <param name="message">Why.</param>
    public void OutOfScope(string source, string path, string message) =>
        Diagnostics.Add(Tag(Diagnostic.Warning(DiagnosticCodes.OutOfScope, $"{source} {path}", message)));

    /// <summary>A malformed resource (error, <see cref="DiagnosticCodes.InvalidResource"/>): the import returns no model.</summary>
    /// <param name="source">The source name.</param>
    /// <param name="path">The JSON path in the source document.</param>
    /// <param name="message">What is wrong.</param>
    public void Invalid(string source, string path, string message) =>
        Diagnostics.Add(Tag(Diagnostic.Error(DiagnosticCodes.InvalidResource, $"{source} {path}", message)));

    /// <summary>A legacy form that was understood and converted (info, <see cref="DiagnosticCodes.LegacyForm"/>).</summary>
    /// <param name="source">The source name.</param>
    /// <param name="path">The JSON path in the source document.</param>
    /// <param name="message">What it became.</param>
    public void Legacy(string source, string path, string message) =>
        Diagnostics.Add(Tag(Diagnostic.Info(DiagnosticCodes.LegacyForm, $"{source} {path}", message)));

    /// <summary>
    /// A service or subset the input implies but does not declare, declared from what the input says (info,
    /// <see cref="DiagnosticCodes.ServiceInferred"/>), e.g. a subset read from the labels of a policy's workload selector.
    /// </summary>
    /// <param name="source">The source name.</param>
    /// <param name="path">The JSON path in the source document.</param>
    /// <param name="message">What was declared, from what.</param>
    public void Inferred(string source, string path, string message) =>
        Diagnostics.Add(Tag(Diagnostic.Info(DiagnosticCodes.ServiceInferred, $"{source} {path}", message)));

    /// <summary>A kind the provider does not read (warning, <see cref="DiagnosticCodes.UnknownResourceKind"/>).</summary>
    /// <param name="source">The source name.</param>
    /// <param name="path">The JSON path in the source document.</param>
    /// <param name="message">What was skipped.</param>
    public void UnknownKind(string source, string path, string message) =>
        Diagnostics.Add(Tag(Diagnostic.Warning(DiagnosticCodes.UnknownResourceKind, $"{source} {path}", message)));
}
