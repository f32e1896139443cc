using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>Where an environment or header span tag reads its value.</summary>
public sealed class TelemetryTagSource
{
    /// <summary>The environment variable's or header's name.</summary>
    [JsonPropertyName("name")]
    [YamlMember(Alias = "name")]
    public string? Name { get; set; }

    /// <summary>The value when it is absent.</summary>
    [JsonPropertyName("defaultValue")]
    [YamlMember(Alias = "defaultValue")]
    public string? DefaultValue { get; set; }
}
