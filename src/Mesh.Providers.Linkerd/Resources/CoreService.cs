using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Mesh.Providers.Linkerd.Resources;

/// <summary>
/// A core <c>v1</c> <c>Service</c> as the Linkerd importer reads it: its metadata (the <c>balancer.linkerd.io/failure-accrual*</c>
/// and <c>config.linkerd.io/opaque-ports</c> annotations) and the ports and selector of its spec; every other spec field is
/// reported as not imported. Never written: a Service is the cluster's own object.
/// </summary>
internal sealed class CoreService : KubernetesObject, IKubernetesObject<V1ObjectMeta>
{
    public const string KubeApiVersion = "v1";

    public const string KubeKind = "Service";

    public CoreService()
    {
        ApiVersion = KubeApiVersion;
        Kind = KubeKind;
    }

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public CoreServiceSpec? Spec { get; set; }
}
