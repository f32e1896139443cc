using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>Failover of a subset.</summary>
public sealed class ServiceResolverFailover
{
    /// <summary>The service.</summary>
    [JsonPropertyName("service")]
    [YamlMember(Alias = "service")]
    public string? Service { get; set; }

    /// <summary>The subset.</summary>
    [JsonPropertyName("serviceSubset")]
    [YamlMember(Alias = "serviceSubset")]
    public string? ServiceSubset { get; set; }

    /// <summary>The Consul namespace.</summary>
    [JsonPropertyName("namespace")]
    [YamlMember(Alias = "namespace")]
    public string? Namespace { get; set; }

    /// <summary>Datacenters tried in order.</summary>
    [JsonPropertyName("datacenters")]
    [YamlMember(Alias = "datacenters")]
    public List<string>? Datacenters { get; set; }

    /// <summary>Targets tried in order.</summary>
    [JsonPropertyName("targets")]
    [YamlMember(Alias = "targets")]
    public List<ServiceResolverFailoverTarget>? Targets { get; set; }

    /// <summary>The order of targets.</summary>
    [JsonPropertyName("policy")]
    [YamlMember(Alias = "policy")]
    public FailoverPolicy? Policy { get; set; }

    /// <summary>The sameness group.</summary>
    [JsonPropertyName("samenessGroup")]
    [YamlMember(Alias = "samenessGroup")]
    public string? SamenessGroup { get; set; }
}
