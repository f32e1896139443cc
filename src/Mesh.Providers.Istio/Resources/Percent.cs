using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>A percentage 0–100.</summary>
public sealed class Percent
{
    /// <summary>The percentage.</summary>
    [JsonPropertyName("value")]
    [YamlMember(Alias = "value")]
    public double? Value { get; set; }
}
