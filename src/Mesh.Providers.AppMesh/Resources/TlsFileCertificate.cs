using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>A certificate read from local files of the Envoy.</summary>
public sealed class TlsFileCertificate
{
    /// <summary>The path of the certificate chain file.</summary>
    [JsonPropertyName("certificateChain")]
    [YamlMember(Alias = "certificateChain")]
    public string? CertificateChain { get; set; }

    /// <summary>The path of the private key file.</summary>
    [JsonPropertyName("privateKey")]
    [YamlMember(Alias = "privateKey")]
    public string? PrivateKey { get; set; }
}
