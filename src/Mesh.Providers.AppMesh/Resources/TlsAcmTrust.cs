using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>Trust in ACM Private Certificate Authorities.</summary>
public sealed class TlsAcmTrust
{
    /// <summary>The ARNs of the trusted private CAs (one to three).</summary>
    [JsonPropertyName("certificateAuthorityARNs")]
    [YamlMember(Alias = "certificateAuthorityARNs")]
    public List<string>? CertificateAuthorityArns { get; set; }
}
