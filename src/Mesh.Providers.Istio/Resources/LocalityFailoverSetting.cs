using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>A region and the region it fails over to.</summary>
public sealed class LocalityFailoverSetting
{
    /// <summary>The region.</summary>
    [JsonPropertyName("from")]
    [YamlMember(Alias = "from")]
    public string? From { get; set; }

    /// <summary>The region failed over to.</summary>
    [JsonPropertyName("to")]
    [YamlMember(Alias = "to")]
    public string? To { get; set; }
}
