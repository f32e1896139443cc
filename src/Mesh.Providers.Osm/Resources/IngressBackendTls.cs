using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Osm.Resources;

/// <summary>The TLS settings of an ingress backend.</summary>
public sealed class IngressBackendTls
{
    /// <summary>Whether the client certificate is not validated (required).</summary>
    [JsonPropertyName("skipClientCertValidation")]
    [YamlMember(Alias = "skipClientCertValidation")]
    public bool? SkipClientCertValidation { get; set; }

    /// <summary>The SNI hosts allowed.</summary>
    [JsonPropertyName("sniHosts")]
    [YamlMember(Alias = "sniHosts")]
    public List<string>? SniHosts { get; set; }
}
