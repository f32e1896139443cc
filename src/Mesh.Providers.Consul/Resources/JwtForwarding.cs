using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>The header a verified token's payload is written to.</summary>
public sealed class JwtForwarding
{
    /// <summary>The header; it receives the payload base64url-encoded.</summary>
    [JsonPropertyName("headerName")]
    [YamlMember(Alias = "headerName")]
    public string? HeaderName { get; set; }

    /// <summary>Whether the base64url value is padded (Consul's default: false).</summary>
    [JsonPropertyName("padForwardPayloadHeader")]
    [YamlMember(Alias = "padForwardPayloadHeader")]
    public bool? PadForwardPayloadHeader { get; set; }
}
