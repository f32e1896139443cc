using k8s.Models;
using Mesh.Kubernetes;

namespace Mesh.Providers.Linkerd.Resources;

/// <summary>Linkerd's <c>Server</c> (<c>policy.linkerd.io/v1beta3</c>): one port of the pods a selector picks, the unit Linkerd authorizes inbound traffic on.</summary>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeApiVersion, PluralName = KubePluralName)]
public sealed class Server : CustomResource<ServerSpec>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "policy.linkerd.io";

    /// <summary>The kind.</summary>
    public const string KubeKind = "Server";

    /// <summary>The version written.</summary>
    public const string KubeApiVersion = "v1beta3";

    /// <summary>The plural resource name.</summary>
    public const string KubePluralName = "servers";

    /// <summary>Creates an empty resource with <c>apiVersion</c> and <c>kind</c> set.</summary>
    public Server()
        : base(KubeGroup + "/" + KubeApiVersion, KubeKind)
    {
    }
}
