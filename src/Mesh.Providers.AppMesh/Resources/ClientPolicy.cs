using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>The policy of the connections an Envoy opens to backends.</summary>
public sealed class ClientPolicy
{
    /// <summary>TLS towards the backends.</summary>
    [JsonPropertyName("tls")]
    [YamlMember(Alias = "tls")]
    public ClientPolicyTls? Tls { get; set; }
}
