using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>Connection limits of a TCP listener.</summary>
public sealed class TcpConnectionPool
{
    /// <summary>The most connections to all hosts of the upstream cluster (required).</summary>
    [JsonPropertyName("maxConnections")]
    [YamlMember(Alias = "maxConnections")]
    public int? MaxConnections { get; set; }
}
