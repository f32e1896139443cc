using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>A service exported to consumers.</summary>
public sealed class ExportedService
{
    /// <summary>The service.</summary>
    [JsonPropertyName("name")]
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }

    /// <summary>The Consul namespace (Enterprise).</summary>
    [JsonPropertyName("namespace")]
    [YamlMember(Alias = "namespace")]
    public string? Namespace { get; set; }

    /// <summary>Who may consume it.</summary>
    [JsonPropertyName("consumers")]
    [YamlMember(Alias = "consumers")]
    public List<ServiceConsumer>? Consumers { get; set; }
}
