using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>The timeouts of a virtual node listener, by its protocol; one is set, matching the listener's port mapping.</summary>
public sealed class ListenerTimeout
{
    /// <summary>Timeouts of an <c>http</c> listener.</summary>
    [JsonPropertyName("http")]
    [YamlMember(Alias = "http")]
    public RouteTimeout? Http { get; set; }

    /// <summary>Timeouts of an <c>http2</c> listener.</summary>
    [JsonPropertyName("http2")]
    [YamlMember(Alias = "http2")]
    public RouteTimeout? Http2 { get; set; }

    /// <summary>Timeouts of a <c>grpc</c> listener.</summary>
    [JsonPropertyName("grpc")]
    [YamlMember(Alias = "grpc")]
    public RouteTimeout? Grpc { get; set; }

    /// <summary>Timeouts of a <c>tcp</c> listener.</summary>
    [JsonPropertyName("tcp")]
    [YamlMember(Alias = "tcp")]
    public TcpTimeout? Tcp { get; set; }
}
