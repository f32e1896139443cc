using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>The match of a route.</summary>
public sealed class ServiceRouteMatch
{
    /// <summary>The HTTP match.</summary>
    [JsonPropertyName("http")]
    [YamlMember(Alias = "http")]
    public ServiceRouteHttpMatch? Http { get; set; }
}
