using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>A service (and optionally subset and port) that traffic is sent to.</summary>
public sealed class Destination
{
    /// <summary>The service host (FQDN or short name).</summary>
    [JsonPropertyName("host")]
    [YamlMember(Alias = "host")]
    public string? Host { get; set; }

    /// <summary>The subset defined in the host's <c>DestinationRule</c>.</summary>
    [JsonPropertyName("subset")]
    [YamlMember(Alias = "subset")]
    public string? Subset { get; set; }

    /// <summary>The service port.</summary>
    [JsonPropertyName("port")]
    [YamlMember(Alias = "port")]
    public PortSelector? Port { get; set; }
}
