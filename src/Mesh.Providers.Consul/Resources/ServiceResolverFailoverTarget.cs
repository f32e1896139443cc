using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>A failover target.</summary>
public sealed class ServiceResolverFailoverTarget
{
    /// <summary>The service.</summary>
    [JsonPropertyName("service")]
    [YamlMember(Alias = "service")]
    public string? Service { get; set; }

    /// <summary>The subset.</summary>
    [JsonPropertyName("serviceSubset")]
    [YamlMember(Alias = "serviceSubset")]
    public string? ServiceSubset { get; set; }

    /// <summary>The admin partition.</summary>
    [JsonPropertyName("partition")]
    [YamlMember(Alias = "partition")]
    public string? Partition { get; set; }

    /// <summary>The Consul namespace.</summary>
    [JsonPropertyName("namespace")]
    [YamlMember(Alias = "namespace")]
    public string? Namespace { get; set; }

    /// <summary>The datacenter.</summary>
    [JsonPropertyName("datacenter")]
    [YamlMember(Alias = "datacenter")]
    public string? Datacenter { get; set; }

    /// <summary>The cluster peer.</summary>
    [JsonPropertyName("peer")]
    [YamlMember(Alias = "peer")]
    public string? Peer { get; set; }
}
