using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>Connection limits.</summary>
public sealed class ConnectionPoolSettings
{
    /// <summary>TCP limits.</summary>
    [JsonPropertyName("tcp")]
    [YamlMember(Alias = "tcp")]
    public TcpSettings? Tcp { get; set; }

    /// <summary>HTTP limits.</summary>
    [JsonPropertyName("http")]
    [YamlMember(Alias = "http")]
    public HttpSettings? Http { get; set; }
}
