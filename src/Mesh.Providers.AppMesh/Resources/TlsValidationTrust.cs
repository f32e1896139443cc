using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>The certificate authorities a validation context trusts: ACM Private CAs, a file, or an SDS secret; exactly one is set.</summary>
public sealed class TlsValidationTrust
{
    /// <summary>ACM Private Certificate Authorities (not on virtual node listeners).</summary>
    [JsonPropertyName("acm")]
    [YamlMember(Alias = "acm")]
    public TlsAcmTrust? Acm { get; set; }

    /// <summary>A certificate chain read from the Envoy's file system.</summary>
    [JsonPropertyName("file")]
    [YamlMember(Alias = "file")]
    public TlsFileTrust? File { get; set; }

    /// <summary>A trust bundle served by a Secret Discovery Service agent.</summary>
    [JsonPropertyName("sds")]
    [YamlMember(Alias = "sds")]
    public TlsSdsSource? Sds { get; set; }
}
