using System.Text.Json.Serialization;
using k8s;
using k8s.Models;
using YamlDotNet.Serialization;

namespace Mesh.Kubernetes;

/// <summary>
/// The base of a typed custom resource: <c>apiVersion</c> and <c>kind</c> (set by the constructor), <c>metadata</c> and a
/// <c>spec</c>, written in that order — what KubernetesClient's <c>KubernetesYaml</c> and the kit's <see cref="KubeYamlWriter"/>
/// take. A CRD class derives from it, adds its <c>[KubernetesEntity]</c> and constants, and holds only the fields the model maps.
/// </summary>
/// <typeparam name="TSpec">The spec class.</typeparam>
public abstract class CustomResource<TSpec> : KubernetesObject, IKubernetesObject<V1ObjectMeta>, ISpec<TSpec>, IReadDefaults
    where TSpec : class, new()
{
    /// <summary>Creates an empty resource with its <c>apiVersion</c> and <c>kind</c> set.</summary>
    /// <param name="apiVersion">The <c>apiVersion</c> written, e.g. <c>networking.istio.io/v1</c>.</param>
    /// <param name="kind">The <c>kind</c>.</param>
    protected CustomResource(string apiVersion, string kind)
    {
        ApiVersion = apiVersion;
        Kind = kind;
    }

    /// <summary>The object metadata (name, namespace, labels, annotations).</summary>
    [JsonPropertyName("metadata")]
    [JsonPropertyOrder(1)]
    [YamlMember(Alias = "metadata", Order = 1)]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>The spec.</summary>
    [JsonPropertyName("spec")]
    [JsonPropertyOrder(2)]
    [YamlMember(Alias = "spec", Order = 2)]
    public TSpec Spec { get; set; } = new();

    /// <inheritdoc />
    void IReadDefaults.Complete()
    {
        // `metadata:` or `spec:` with nothing after it reads as null; the mappings expect objects and report what is missing.
        Metadata ??= new V1ObjectMeta();
        Spec ??= new TSpec();
    }
}

/// <summary>A resource that fills in the parts a document left null, once read, so that no mapping meets a null spec.</summary>
internal interface IReadDefaults
{
    /// <summary>Replaces a null <c>metadata</c> or <c>spec</c> by an empty one.</summary>
    void Complete();
}
