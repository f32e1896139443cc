using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>The match of a TCP route.</summary>
public sealed class TcpRouteMatch
{
    /// <summary>The router listener port the route applies to; needed when the router has several listeners.</summary>
    [JsonPropertyName("port")]
    [YamlMember(Alias = "port")]
    public int? Port { get; set; }
}
