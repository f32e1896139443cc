using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>The spec of a <c>Gateway</c>: the workloads that run it and the servers they expose.</summary>
public sealed class GatewaySpec
{
    /// <summary>The labels of the gateway workloads.</summary>
    [JsonPropertyName("selector")]
    [YamlMember(Alias = "selector")]
    public Dictionary<string, string>? Selector { get; set; }

    /// <summary>The servers: a port, its hosts and its TLS.</summary>
    [JsonPropertyName("servers")]
    [YamlMember(Alias = "servers")]
    public List<Server>? Servers { get; set; }
}
