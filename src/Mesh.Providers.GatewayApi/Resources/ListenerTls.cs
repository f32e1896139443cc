using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>A listener's TLS settings.</summary>
public sealed class ListenerTls
{
    /// <summary><c>Terminate</c> or <c>Passthrough</c>.</summary>
    [JsonPropertyName("mode")]
    [YamlMember(Alias = "mode")]
    public string? Mode { get; set; }

    /// <summary>The certificates (Secrets) for Terminate.</summary>
    [JsonPropertyName("certificateRefs")]
    [YamlMember(Alias = "certificateRefs")]
    public List<SecretObjectReference>? CertificateRefs { get; set; }
}
