using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Mesh.Kubernetes;

/// <summary>
/// A core <c>v1</c> <c>Service</c> as providers read and write it: its metadata (name, namespace, labels, annotations) and
/// the selector and ports (name, port, targetPort, protocol, appProtocol) of its spec. Read through
/// <see cref="ResourceReader"/>, every other spec field is reported as not imported.
/// </summary>
public sealed class CoreService : KubernetesObject, IKubernetesObject<V1ObjectMeta>, IReadDefaults
{
    /// <summary>The <c>apiVersion</c>: <c>v1</c> (the core group).</summary>
    public const string KubeApiVersion = "v1";

    /// <summary>The <c>kind</c>: <c>Service</c>.</summary>
    public const string KubeKind = "Service";

    /// <summary>Creates an empty Service with its <c>apiVersion</c> and <c>kind</c> set.</summary>
    public CoreService()
    {
        ApiVersion = KubeApiVersion;
        Kind = KubeKind;
    }

    /// <summary>The Service's name, namespace, labels and annotations.</summary>
    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>The selector and ports.</summary>
    [JsonPropertyName("spec")]
    public CoreServiceSpec? Spec { get; set; }

    /// <inheritdoc />
    void IReadDefaults.Complete() => Metadata ??= new V1ObjectMeta();
}
