using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>Connection limits of an HTTP/1.1 listener.</summary>
public sealed class HttpConnectionPool
{
    /// <summary>The most connections to all hosts of the upstream cluster (required).</summary>
    [JsonPropertyName("maxConnections")]
    [YamlMember(Alias = "maxConnections")]
    public int? MaxConnections { get; set; }

    /// <summary>The most requests queued waiting for a connection.</summary>
    [JsonPropertyName("maxPendingRequests")]
    [YamlMember(Alias = "maxPendingRequests")]
    public int? MaxPendingRequests { get; set; }
}
