using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>An integer range a header or metadata value must fall in.</summary>
public sealed class MatchRange
{
    /// <summary>The first value of the range, included (required).</summary>
    [JsonPropertyName("start")]
    [YamlMember(Alias = "start")]
    public long? Start { get; set; }

    /// <summary>The end of the range, excluded (required).</summary>
    [JsonPropertyName("end")]
    [YamlMember(Alias = "end")]
    public long? End { get; set; }
}
