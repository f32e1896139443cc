using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>A TCP route of a virtual router.</summary>
public sealed class TcpRouteSpec
{
    /// <summary>The connections it takes; absent means all.</summary>
    [JsonPropertyName("match")]
    [YamlMember(Alias = "match")]
    public TcpRouteMatch? Match { get; set; }

    /// <summary>Where they go (required).</summary>
    [JsonPropertyName("action")]
    [YamlMember(Alias = "action")]
    public RouteAction? Action { get; set; }

    /// <summary>The idle timeout.</summary>
    [JsonPropertyName("timeout")]
    [YamlMember(Alias = "timeout")]
    public TcpTimeout? Timeout { get; set; }
}
