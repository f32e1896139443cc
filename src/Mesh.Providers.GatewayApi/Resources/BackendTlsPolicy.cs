using k8s;
using k8s.Models;
using Mesh.Kubernetes;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>
/// How clients connect to a Service over TLS (<c>gateway.networking.k8s.io/v1</c>): TLS origination with the server
/// verified by a host name, subject alternative names and CA certificates. A direct policy attachment in the Service's namespace.
/// </summary>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeApiVersion, PluralName = KubePluralName)]
public sealed class BackendTlsPolicy : CustomResource<BackendTlsPolicySpec>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "gateway.networking.k8s.io";

    /// <summary>The kind.</summary>
    public const string KubeKind = "BackendTLSPolicy";

    /// <summary>The version written (the one the standard-channel CRD serves and stores).</summary>
    public const string KubeApiVersion = "v1";

    /// <summary>The plural resource name.</summary>
    public const string KubePluralName = "backendtlspolicies";

    /// <summary>Creates an empty resource with <c>apiVersion</c> and <c>kind</c> set.</summary>
    public BackendTlsPolicy()
        : base(KubeGroup + "/" + KubeApiVersion, KubeKind)
    {
    }
}
