using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.GatewayApi.Resources;

/// <summary>Sends a copy of requests to another backend.</summary>
public sealed class HttpRequestMirrorFilter
{
    /// <summary>The backend receiving the copies.</summary>
    [JsonPropertyName("backendRef")]
    [YamlMember(Alias = "backendRef")]
    public BackendObjectReference? BackendRef { get; set; }

    /// <summary>The whole percentage of requests mirrored; all when neither this nor <see cref="Fraction"/> is set.</summary>
    [JsonPropertyName("percent")]
    [YamlMember(Alias = "percent")]
    public int? Percent { get; set; }

    /// <summary>The share of requests mirrored, as a fraction.</summary>
    [JsonPropertyName("fraction")]
    [YamlMember(Alias = "fraction")]
    public Fraction? Fraction { get; set; }
}
