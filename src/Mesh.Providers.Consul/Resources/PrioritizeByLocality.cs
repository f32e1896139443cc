using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>Locality-aware routing.</summary>
public sealed class PrioritizeByLocality
{
    /// <summary><c>none</c> or <c>failover</c>.</summary>
    [JsonPropertyName("mode")]
    [YamlMember(Alias = "mode")]
    public string? Mode { get; set; }
}
