using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>A TLS certificate an Envoy presents: from AWS Certificate Manager (listeners only), from files, or from an SDS secret; exactly one is set.</summary>
public sealed class TlsCertificate
{
    /// <summary>A certificate held by AWS Certificate Manager (listener certificates only).</summary>
    [JsonPropertyName("acm")]
    [YamlMember(Alias = "acm")]
    public TlsAcmCertificate? Acm { get; set; }

    /// <summary>A certificate chain and private key read from the Envoy's file system.</summary>
    [JsonPropertyName("file")]
    [YamlMember(Alias = "file")]
    public TlsFileCertificate? File { get; set; }

    /// <summary>A certificate served by a Secret Discovery Service agent.</summary>
    [JsonPropertyName("sds")]
    [YamlMember(Alias = "sds")]
    public TlsSdsSource? Sds { get; set; }
}
