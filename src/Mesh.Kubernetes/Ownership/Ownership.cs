using k8s;
using k8s.Models;
using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Translation;

namespace Mesh.Kubernetes;

/// <summary>
/// Which objects Mesh SDK wrote: every translation labels its objects <c>app.kubernetes.io/managed-by: mesh-sdk</c> (the
/// Kubernetes recommended label), so that hand-written configuration beside them is never taken for ours. An import says
/// which objects of a mixed input are not ours, and with <see cref="ImportOptions.ManagedOnly"/> reads ours alone.
/// </summary>
public static class Ownership
{
    /// <summary>The label: <c>app.kubernetes.io/managed-by</c>.</summary>
    public const string ManagedByLabel = "app.kubernetes.io/managed-by";

    /// <summary>Its value on what Mesh SDK writes: <c>mesh-sdk</c>.</summary>
    public const string ManagedByValue = "mesh-sdk";

    /// <summary>
    /// The annotation naming the model objects an object was written from: <c>mesh-sdk.io/source</c>, whose value is one or
    /// more <see cref="ModelObjectNames"/> separated by spaces (<c>routes/bookinfo/reviews</c>; a DestinationRule that holds
    /// a service's subsets and its policies names both).
    /// </summary>
    public const string SourceAnnotation = ModelObjectNames.SourceAnnotation;

    /// <summary>Adds <paramref name="modelObjects"/> to the <see cref="SourceAnnotation"/> of <paramref name="resource"/> (kept once each, in order).</summary>
    /// <typeparam name="T">The resource's type.</typeparam>
    /// <param name="resource">A Kubernetes object being written; other objects are returned unchanged.</param>
    /// <param name="modelObjects">The names of the model objects it is written from (<see cref="ModelObjectNames"/>).</param>
    /// <returns><paramref name="resource"/>, for chaining.</returns>
    public static T From<T>(T resource, params IEnumerable<string> modelObjects)
    {
        ArgumentNullException.ThrowIfNull(modelObjects);
        if (resource is not IKubernetesObject<V1ObjectMeta> k) return resource;
        var metadata = k.Metadata ??= new V1ObjectMeta();
        var annotations = metadata.Annotations ??= new Dictionary<string, string>();
        var existing = annotations.TryGetValue(SourceAnnotation, out var value);
        // Most objects are written from one model object: no list, no join.
        if (!existing && modelObjects is IReadOnlyList<string> { Count: 1 } single)
        {
            if (!string.IsNullOrEmpty(single[0])) annotations[SourceAnnotation] = single[0];
            else if (annotations.Count == 0) metadata.Annotations = null;
            return resource;
        }
        var names = existing ? ModelObjectNames.Split(value!).ToList() : [];
        foreach (var name in modelObjects) if (!string.IsNullOrEmpty(name) && !names.Contains(name)) names.Add(name);
        if (names.Count > 0) annotations[SourceAnnotation] = string.Join(' ', names);
        else if (annotations.Count == 0) metadata.Annotations = null;
        return resource;
    }

    /// <summary>The model objects <paramref name="resource"/> was written from (its <see cref="SourceAnnotation"/>), or none.</summary>
    /// <param name="resource">A Kubernetes object.</param>
    /// <returns>The names (<see cref="ModelObjectNames"/>).</returns>
    public static IReadOnlyList<string> SourcesOf(object resource) =>
        resource is IKubernetesObject<V1ObjectMeta> { Metadata.Annotations: { } annotations } && annotations.TryGetValue(SourceAnnotation, out var value)
            ? ModelObjectNames.Split(value) : [];

    /// <summary>Labels every Kubernetes object of <paramref name="resources"/> as managed by Mesh SDK.</summary>
    /// <param name="resources">The translated resources.</param>
    public static void Label(IEnumerable<object> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        foreach (var resource in resources)
        {
            if (resource is IKubernetesObject<V1ObjectMeta> k && k.Metadata is { } metadata) (metadata.Labels ??= new Dictionary<string, string>())[ManagedByLabel] = ManagedByValue;
        }
    }

    /// <summary>Whether <paramref name="resource"/> carries the label.</summary>
    /// <param name="resource">An imported resource.</param>
    /// <returns>True for an object Mesh SDK wrote.</returns>
    public static bool IsManaged(object resource) =>
        resource is IKubernetesObject<V1ObjectMeta> { Metadata.Labels: { } labels } && labels.TryGetValue(ManagedByLabel, out var value) && value == ManagedByValue;

    /// <summary>
    /// The resources an import reads: all of them, or with <see cref="ImportOptions.ManagedOnly"/> those Mesh SDK wrote (the others
    /// named in one note). In a mixed input read whole, the objects Mesh SDK did not write are named in one note too.
    /// </summary>
    /// <param name="resources">The input's resources with their source names.</param>
    /// <param name="options">The import's options.</param>
    /// <param name="provider">The provider, for the note.</param>
    /// <param name="diagnostics">Where the note goes.</param>
    /// <returns>The resources to import.</returns>
    public static IReadOnlyList<(object Resource, string Source)> Select(IReadOnlyList<(object Resource, string Source)> resources, ImportOptions? options, ProviderName provider, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var unmanaged = resources.Where(r => !IsManaged(r.Resource)).ToList();
        if (unmanaged.Count == 0) return resources;
        var names = string.Join(", ", unmanaged.Take(10).Select(r => r.Source)) + (unmanaged.Count > 10 ? $" and {unmanaged.Count - 10} more" : string.Empty);
        if (options?.ManagedOnly == true)
        {
            diagnostics.Add(Diagnostic.Info(DiagnosticCodes.TranslationNote, "$", $"{unmanaged.Count} object(s) without the label {ManagedByLabel}: {ManagedByValue} are not read (managed objects only): {names}.") with { Provider = provider });
            return [.. resources.Where(r => IsManaged(r.Resource))];
        }
        if (unmanaged.Count < resources.Count)
        {
            diagnostics.Add(Diagnostic.Info(DiagnosticCodes.TranslationNote, "$", $"{unmanaged.Count} of {resources.Count} object(s) were not written by Mesh SDK (no {ManagedByLabel}: {ManagedByValue} label): hand-written or another tool's, read with the rest: {names}.") with { Provider = provider });
        }
        return resources;
    }
}
