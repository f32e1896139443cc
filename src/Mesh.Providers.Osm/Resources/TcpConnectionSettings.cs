using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Osm.Resources;

/// <summary>TCP connection limits.</summary>
public sealed class TcpConnectionSettings
{
    /// <summary>The most TCP connections to the host.</summary>
    [JsonPropertyName("maxConnections")]
    [YamlMember(Alias = "maxConnections")]
    public int? MaxConnections { get; set; }

    /// <summary>The TCP connect timeout, a Go duration (e.g. <c>5s</c>).</summary>
    [JsonPropertyName("connectTimeout")]
    [YamlMember(Alias = "connectTimeout")]
    public string? ConnectTimeout { get; set; }
}
