using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>An external destination reached through a terminating gateway (transparent proxy).</summary>
public sealed class ServiceDestination
{
    /// <summary>Host names or IP addresses.</summary>
    [JsonPropertyName("addresses")]
    [YamlMember(Alias = "addresses")]
    public List<string>? Addresses { get; set; }

    /// <summary>The port.</summary>
    [JsonPropertyName("port")]
    [YamlMember(Alias = "port")]
    public int? Port { get; set; }
}
