using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>Connection limits of a listener, by its protocol; one is set, matching the listener's port mapping.</summary>
public sealed class ConnectionPool
{
    /// <summary>Limits of an <c>http</c> listener.</summary>
    [JsonPropertyName("http")]
    [YamlMember(Alias = "http")]
    public HttpConnectionPool? Http { get; set; }

    /// <summary>Limits of an <c>http2</c> listener.</summary>
    [JsonPropertyName("http2")]
    [YamlMember(Alias = "http2")]
    public RequestConnectionPool? Http2 { get; set; }

    /// <summary>Limits of a <c>grpc</c> listener.</summary>
    [JsonPropertyName("grpc")]
    [YamlMember(Alias = "grpc")]
    public RequestConnectionPool? Grpc { get; set; }

    /// <summary>Limits of a <c>tcp</c> listener (virtual nodes only).</summary>
    [JsonPropertyName("tcp")]
    [YamlMember(Alias = "tcp")]
    public TcpConnectionPool? Tcp { get; set; }
}
