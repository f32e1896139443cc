using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>A certificate issued by AWS Certificate Manager.</summary>
public sealed class TlsAcmCertificate
{
    /// <summary>The ARN of the ACM certificate.</summary>
    [JsonPropertyName("certificateARN")]
    [YamlMember(Alias = "certificateARN")]
    public string? CertificateArn { get; set; }
}
