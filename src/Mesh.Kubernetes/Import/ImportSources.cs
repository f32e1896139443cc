using k8s;
using k8s.Models;
using Mesh.Translation;

namespace Mesh.Kubernetes;

/// <summary>Turns a translator's import inputs — typed objects or YAML texts — into resources named by their source.</summary>
public static class ImportSources
{
    /// <summary>Typed objects, each named <c>Kind/namespace/name</c> (or by its type when it is not a Kubernetes object).</summary>
    /// <param name="resources">The objects; nulls are skipped.</param>
    /// <param name="defaultNamespace">The namespace named for objects without one.</param>
    /// <returns>Each object with its source name.</returns>
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

    /// <summary>
    /// Every document of every source, read with <see cref="KubernetesYamlReader"/> and typed with <see cref="ResourceReader"/>
    /// and <paramref name="catalog"/>, each named <c>file#doc</c>; problems go to <paramref name="ctx"/>.
    /// </summary>
    /// <param name="sources">The YAML texts.</param>
    /// <param name="ctx">The import's context.</param>
    /// <param name="catalog">The kinds the provider reads.</param>
    /// <returns>Each typed resource with its source name.</returns>
    public static List<(object Resource, string Source)> FromYaml(IReadOnlyList<SourceText> sources, ImportContext ctx, ResourceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(ctx);
        var list = new List<(object, string)>();
        foreach (var input in sources)
        {
            ArgumentNullException.ThrowIfNull(input);
            foreach (var document in KubernetesYamlReader.Read(input.Text, input.Name, ctx.Provider, ctx.Diagnostics))
            {
                var source = $"{input.Name}#{document.Index}";
                if (ResourceReader.Read(document, source, ctx, catalog) is { } resource) list.Add((resource, source));
            }
        }
        return list;
    }
}
