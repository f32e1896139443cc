using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>The TLS of a listener (server side) of a virtual node or gateway.</summary>
public sealed class ListenerTls
{
    /// <summary><c>STRICT</c> (TLS only), <c>PERMISSIVE</c> (TLS or plain text) or <c>DISABLED</c>.</summary>
    [JsonPropertyName("mode")]
    [YamlMember(Alias = "mode")]
    public string? Mode { get; set; }

    /// <summary>The certificate the listener presents (required).</summary>
    [JsonPropertyName("certificate")]
    [YamlMember(Alias = "certificate")]
    public TlsCertificate? Certificate { get; set; }

    /// <summary>Validation of client certificates; set for mutual TLS.</summary>
    [JsonPropertyName("validation")]
    [YamlMember(Alias = "validation")]
    public TlsValidationContext? Validation { get; set; }
}
