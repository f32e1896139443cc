using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>Inbound rate limits.</summary>
public sealed class RateLimits
{
    /// <summary>Per-instance limits.</summary>
    [JsonPropertyName("instanceLevel")]
    [YamlMember(Alias = "instanceLevel")]
    public InstanceLevelRateLimits? InstanceLevel { get; set; }
}
