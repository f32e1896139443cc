using k8s;
using k8s.Models;
using Mesh.Translation;

namespace Mesh.Kubernetes;

/// <summary>Turns a translator's import inputs — typed objects or YAML texts — into resources named by their source.</summary>
internal static class ImportSources
{
    /// <summary>Typed objects, each named <c>Kind/namespace/name</c> (or by its type when it is not a Kubernetes object).</summary>
    public static List<(object Resource, string Source)> FromObjects(IEnumerable<object> resources, string defaultNamespace)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var list = new List<(object, string)>();
        foreach (var resource in resources)
        {
            if (resource is null) continue;
            var source = resource is IKubernetesObject<V1ObjectMeta> k
                ? $"{k.Kind ?? resource.GetType().Name}/{k.Metadata?.NamespaceProperty ?? defaultNamespace}/{k.Metadata?.Name}"
                : resource.GetType().Name;
            list.Add((resource, source));
        }
        return list;
    }

    /// <summary>Every document of every source read by <paramref name="read"/>, each named <c>file#doc</c>; problems go to <paramref name="ctx"/>.</summary>
    public static List<(object Resource, string Source)> FromYaml(IReadOnlyList<SourceText> sources, SourceDiagnostics ctx, Func<YamlDocument, string, object?> read)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var list = new List<(object, string)>();
        foreach (var input in sources)
        {
            ArgumentNullException.ThrowIfNull(input);
            foreach (var document in YamlTreeReader.Read(input.Text, input.Name, ctx.Provider, ctx.Diagnostics))
            {
                var source = $"{input.Name}#{document.Index}";
                if (read(document, source) is { } resource) list.Add((resource, source));
            }
        }
        return list;
    }
}
