using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>A consumer of an exported service: a peer, a partition or a sameness group.</summary>
public sealed class ServiceConsumer
{
    /// <summary>A cluster peer.</summary>
    [JsonPropertyName("peer")]
    [YamlMember(Alias = "peer")]
    public string? Peer { get; set; }

    /// <summary>An admin partition.</summary>
    [JsonPropertyName("partition")]
    [YamlMember(Alias = "partition")]
    public string? Partition { get; set; }

    /// <summary>A sameness group.</summary>
    [JsonPropertyName("samenessGroup")]
    [YamlMember(Alias = "samenessGroup")]
    public string? SamenessGroup { get; set; }
}
