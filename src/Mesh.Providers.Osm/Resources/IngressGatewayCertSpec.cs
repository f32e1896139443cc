using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Osm.Resources;

/// <summary>The ingress gateway's certificate.</summary>
public sealed class IngressGatewayCertSpec
{
    /// <summary>Its subject alternative names (required).</summary>
    [JsonPropertyName("subjectAltNames")]
    [YamlMember(Alias = "subjectAltNames")]
    public List<string>? SubjectAltNames { get; set; }

    /// <summary>Its validity, a Go duration (required).</summary>
    [JsonPropertyName("validityDuration")]
    [YamlMember(Alias = "validityDuration")]
    public string? ValidityDuration { get; set; }

    /// <summary>The Secret it is stored in (required).</summary>
    [JsonPropertyName("secret")]
    [YamlMember(Alias = "secret")]
    public SecretReference? Secret { get; set; }
}
