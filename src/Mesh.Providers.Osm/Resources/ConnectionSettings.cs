using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Osm.Resources;

/// <summary>The connection limits of an <see cref="UpstreamTrafficSetting"/>.</summary>
public sealed class ConnectionSettings
{
    /// <summary>TCP limits.</summary>
    [JsonPropertyName("tcp")]
    [YamlMember(Alias = "tcp")]
    public TcpConnectionSettings? Tcp { get; set; }

    /// <summary>HTTP limits.</summary>
    [JsonPropertyName("http")]
    [YamlMember(Alias = "http")]
    public HttpConnectionSettings? Http { get; set; }
}
