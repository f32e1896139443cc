using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>A literal span tag's value.</summary>
public sealed class TelemetryTagValue
{
    /// <summary>The value.</summary>
    [JsonPropertyName("value")]
    [YamlMember(Alias = "value")]
    public string? Value { get; set; }
}
