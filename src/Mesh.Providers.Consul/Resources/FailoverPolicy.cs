using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>The order of failover targets.</summary>
public sealed class FailoverPolicy
{
    /// <summary><c>default</c> or <c>order-by-locality</c>.</summary>
    [JsonPropertyName("mode")]
    [YamlMember(Alias = "mode")]
    public string? Mode { get; set; }

    /// <summary>The regions in order.</summary>
    [JsonPropertyName("regions")]
    [YamlMember(Alias = "regions")]
    public List<string>? Regions { get; set; }
}
