using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>The spec of a <c>ServiceResolver</c>.</summary>
public sealed class ServiceResolverSpec
{
    /// <summary>The subset of traffic that names none.</summary>
    [JsonPropertyName("defaultSubset")]
    [YamlMember(Alias = "defaultSubset")]
    public string? DefaultSubset { get; set; }

    /// <summary>The subsets by name.</summary>
    [JsonPropertyName("subsets")]
    [YamlMember(Alias = "subsets")]
    public Dictionary<string, ServiceResolverSubset>? Subsets { get; set; }

    /// <summary>Re-targets all the service's traffic (not an HTTP redirect).</summary>
    [JsonPropertyName("redirect")]
    [YamlMember(Alias = "redirect")]
    public ServiceResolverRedirect? Redirect { get; set; }

    /// <summary>Failover by subset (<c>*</c> for all).</summary>
    [JsonPropertyName("failover")]
    [YamlMember(Alias = "failover")]
    public Dictionary<string, ServiceResolverFailover>? Failover { get; set; }

    /// <summary>The connect timeout to the service's instances (Go duration).</summary>
    [JsonPropertyName("connectTimeout")]
    [YamlMember(Alias = "connectTimeout")]
    public string? ConnectTimeout { get; set; }

    /// <summary>The request timeout (Go duration).</summary>
    [JsonPropertyName("requestTimeout")]
    [YamlMember(Alias = "requestTimeout")]
    public string? RequestTimeout { get; set; }

    /// <summary>Locality-aware routing.</summary>
    [JsonPropertyName("prioritizeByLocality")]
    [YamlMember(Alias = "prioritizeByLocality")]
    public PrioritizeByLocality? PrioritizeByLocality { get; set; }

    /// <summary>The load balancer.</summary>
    [JsonPropertyName("loadBalancer")]
    [YamlMember(Alias = "loadBalancer")]
    public ConsulLoadBalancer? LoadBalancer { get; set; }
}
