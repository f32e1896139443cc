using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Osm.Resources;

/// <summary>A local limit of TCP connections per unit of time.</summary>
public sealed class TcpLocalRateLimit
{
    /// <summary>The connections allowed per unit (at least 1).</summary>
    [JsonPropertyName("connections")]
    [YamlMember(Alias = "connections")]
    public int? Connections { get; set; }

    /// <summary><c>second</c>, <c>minute</c> or <c>hour</c>.</summary>
    [JsonPropertyName("unit")]
    [YamlMember(Alias = "unit")]
    public string? Unit { get; set; }

    /// <summary>Connections allowed above the rate in a short period.</summary>
    [JsonPropertyName("burst")]
    [YamlMember(Alias = "burst")]
    public int? Burst { get; set; }
}
