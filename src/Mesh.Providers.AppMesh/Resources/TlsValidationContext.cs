using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>How a peer's certificate is validated: the trusted authorities and, optionally, the names it must carry.</summary>
public sealed class TlsValidationContext
{
    /// <summary>The certificate authorities trusted (required).</summary>
    [JsonPropertyName("trust")]
    [YamlMember(Alias = "trust")]
    public TlsValidationTrust? Trust { get; set; }

    /// <summary>The subject alternative names the peer's certificate must match; absent accepts any.</summary>
    [JsonPropertyName("subjectAlternativeNames")]
    [YamlMember(Alias = "subjectAlternativeNames")]
    public SubjectAlternativeNames? SubjectAlternativeNames { get; set; }
}
