using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Osm.Resources;

/// <summary>The certificate settings of a <see cref="MeshConfigSpec"/>.</summary>
public sealed class CertificateSpec
{
    /// <summary>The validity of service certificates, a Go duration (required).</summary>
    [JsonPropertyName("serviceCertValidityDuration")]
    [YamlMember(Alias = "serviceCertValidityDuration")]
    public string? ServiceCertValidityDuration { get; set; }

    /// <summary>The key size (required).</summary>
    [JsonPropertyName("certKeyBitSize")]
    [YamlMember(Alias = "certKeyBitSize")]
    public int? CertKeyBitSize { get; set; }

    /// <summary>The ingress gateway's certificate.</summary>
    [JsonPropertyName("ingressGateway")]
    [YamlMember(Alias = "ingressGateway")]
    public IngressGatewayCertSpec? IngressGateway { get; set; }
}
