using Mesh.Kubernetes;

namespace Mesh.Providers.Osm.Translation;

/// <summary>A typed input document with its name, namespace and source, read once so every mapping reports against the same source.</summary>
/// <typeparam name="T">The resource class.</typeparam>
internal sealed record ImportDocument<T>(T Resource, string Name, string Namespace, string Source)
    where T : class;

/// <summary>Factory for <see cref="ImportDocument{T}"/> from the kit's naming helpers.</summary>
internal static class ImportDocument
{
    public static ImportDocument<T> Of<T>(T resource, string source, ImportContext ctx)
        where T : class, k8s.IKubernetesObject<k8s.Models.V1ObjectMeta> =>
        new(resource, ctx.NameOf(resource, source), ctx.NamespaceOf(resource), source);
}
