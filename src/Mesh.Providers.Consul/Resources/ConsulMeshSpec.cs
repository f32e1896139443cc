using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>The spec of the <c>Mesh</c> config entry.</summary>
public sealed class ConsulMeshSpec
{
    /// <summary>Whether <c>mutualTLSMode: permissive</c> may be set.</summary>
    [JsonPropertyName("allowEnablingPermissiveMutualTLS")]
    [YamlMember(Alias = "allowEnablingPermissiveMutualTLS")]
    public bool? AllowEnablingPermissiveMutualTLS { get; set; }

    /// <summary>Transparent-proxy egress.</summary>
    [JsonPropertyName("transparentProxy")]
    [YamlMember(Alias = "transparentProxy")]
    public MeshTransparentProxy? TransparentProxy { get; set; }

    /// <summary>Whether Envoy validates clusters.</summary>
    [JsonPropertyName("validateClusters")]
    [YamlMember(Alias = "validateClusters")]
    public bool? ValidateClusters { get; set; }
}
