using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Mesh.Providers.Linkerd.Resources;

/// <summary>
/// A core <c>v1</c> <c>Service</c> as the Linkerd importer reads it: only its metadata, for the
/// <c>balancer.linkerd.io/failure-accrual*</c> annotations (its spec is reported as not imported). Never written.
/// </summary>
internal sealed class AnnotatedService : KubernetesObject, IKubernetesObject<V1ObjectMeta>
{
    public const string KubeApiVersion = "v1";

    public const string KubeKind = "Service";

    public AnnotatedService()
    {
        ApiVersion = KubeApiVersion;
        Kind = KubeKind;
    }

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();
}
