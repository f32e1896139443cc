using k8s.Models;
using Mesh.Kubernetes;

namespace Mesh.Providers.Istio.Resources;

/// <summary>Access logging, tracing and metrics of workloads (<c>telemetry.istio.io/v1</c>).</summary>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeApiVersion, PluralName = KubePluralName)]
public sealed class Telemetry : CustomResource<TelemetrySpec>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "telemetry.istio.io";

    /// <summary>The kind.</summary>
    public const string KubeKind = "Telemetry";

    /// <summary>The version written.</summary>
    public const string KubeApiVersion = "v1";

    /// <summary>The plural resource name.</summary>
    public const string KubePluralName = "telemetries";

    /// <summary>Creates an empty resource with <c>apiVersion</c> and <c>kind</c> set.</summary>
    public Telemetry()
        : base(KubeGroup + "/" + KubeApiVersion, KubeKind)
    {
    }
}
