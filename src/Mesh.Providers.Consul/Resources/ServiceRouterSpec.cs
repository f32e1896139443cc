using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>The spec of a <c>ServiceRouter</c>.</summary>
public sealed class ServiceRouterSpec
{
    /// <summary>The routes, first match wins.</summary>
    [JsonPropertyName("routes")]
    [YamlMember(Alias = "routes")]
    public List<ServiceRoute>? Routes { get; set; }
}
