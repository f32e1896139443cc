using System.Text.Json.Serialization;

namespace Mesh.Kubernetes;

/// <summary>The fields of a <see cref="CoreService"/>'s spec providers read and write.</summary>
public sealed class CoreServiceSpec
{
    /// <summary>The ports.</summary>
    [JsonPropertyName("ports")]
    public List<CoreServicePort?>? Ports { get; set; }

    /// <summary>The labels of the pods the Service sends traffic to.</summary>
    [JsonPropertyName("selector")]
    public Dictionary<string, string>? Selector { get; set; }
}
