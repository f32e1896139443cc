using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>TCP connection limits.</summary>
public sealed class TcpSettings
{
    /// <summary>The most connections.</summary>
    [JsonPropertyName("maxConnections")]
    [YamlMember(Alias = "maxConnections")]
    public int? MaxConnections { get; set; }

    /// <summary>The connect timeout.</summary>
    [JsonPropertyName("connectTimeout")]
    [YamlMember(Alias = "connectTimeout")]
    public string? ConnectTimeout { get; set; }
}
