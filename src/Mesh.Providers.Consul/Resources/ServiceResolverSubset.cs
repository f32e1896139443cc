using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>A subset of a service's instances.</summary>
public sealed class ServiceResolverSubset
{
    /// <summary>A bexpr filter over catalog data, e.g. <c>Service.Meta.version == "v1"</c>.</summary>
    [JsonPropertyName("filter")]
    [YamlMember(Alias = "filter")]
    public string? Filter { get; set; }

    /// <summary>Whether only instances with passing health checks are included.</summary>
    [JsonPropertyName("onlyPassing")]
    [YamlMember(Alias = "onlyPassing")]
    public bool? OnlyPassing { get; set; }
}
