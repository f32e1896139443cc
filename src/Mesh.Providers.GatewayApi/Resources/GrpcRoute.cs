using System.Text.Json.Serialization;
using k8s;
using k8s.Models;
using YamlDotNet.Serialization;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>gRPC routing rules for a Service (<c>gateway.networking.k8s.io/v1</c>, mesh form).</summary>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeApiVersion, PluralName = KubePluralName)]
public sealed class GrpcRoute : KubernetesObject, IKubernetesObject<V1ObjectMeta>, ISpec<GrpcRouteSpec>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "gateway.networking.k8s.io";

    /// <summary>The kind.</summary>
    public const string KubeKind = "GRPCRoute";

    /// <summary>The version written.</summary>
    public const string KubeApiVersion = "v1";

    /// <summary>The plural resource name.</summary>
    public const string KubePluralName = "grpcroutes";

    /// <summary>Creates an empty resource with <c>apiVersion</c> and <c>kind</c> set.</summary>
    public GrpcRoute()
    {
        ApiVersion = KubeGroup + "/" + KubeApiVersion;
        Kind = KubeKind;
    }

    /// <summary>The object metadata (name, namespace, labels).</summary>
    [JsonPropertyName("metadata")]
    [YamlMember(Alias = "metadata", Order = 1)]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>The spec.</summary>
    [JsonPropertyName("spec")]
    [YamlMember(Alias = "spec", Order = 2)]
    public GrpcRouteSpec Spec { get; set; } = new();
}
