using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>Ring hash settings.</summary>
public sealed class RingHashConfig
{
    /// <summary>The minimum ring size.</summary>
    [JsonPropertyName("minimumRingSize")]
    [YamlMember(Alias = "minimumRingSize")]
    public int? MinimumRingSize { get; set; }

    /// <summary>The maximum ring size.</summary>
    [JsonPropertyName("maximumRingSize")]
    [YamlMember(Alias = "maximumRingSize")]
    public int? MaximumRingSize { get; set; }
}
