using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>A duration as App Mesh writes it: a whole number of seconds or milliseconds.</summary>
public sealed class AppMeshDuration
{
    /// <summary>The amount, a non-negative whole number of <see cref="Unit"/>s.</summary>
    [JsonPropertyName("value")]
    [YamlMember(Alias = "value")]
    public long? Value { get; set; }

    /// <summary>The unit: <c>s</c> or <c>ms</c>.</summary>
    [JsonPropertyName("unit")]
    [YamlMember(Alias = "unit")]
    public string? Unit { get; set; }
}
