using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>Trust in a certificate chain read from a local file of the Envoy.</summary>
public sealed class TlsFileTrust
{
    /// <summary>The path of the certificate chain file.</summary>
    [JsonPropertyName("certificateChain")]
    [YamlMember(Alias = "certificateChain")]
    public string? CertificateChain { get; set; }
}
