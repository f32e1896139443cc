using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>An Envoy extension (free-form arguments).</summary>
public sealed class EnvoyExtension
{
    /// <summary>The extension, e.g. <c>builtin/lua</c>.</summary>
    [JsonPropertyName("name")]
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }

    /// <summary>Whether a failure to apply it fails the proxy's configuration.</summary>
    [JsonPropertyName("required")]
    [YamlMember(Alias = "required")]
    public bool? Required { get; set; }

    /// <summary>The extension's arguments.</summary>
    [JsonPropertyName("arguments")]
    [YamlMember(Alias = "arguments")]
    public Dictionary<string, object?>? Arguments { get; set; }
}
