using System.Text.Json.Serialization;

namespace Mesh.Providers.Linkerd.Resources;

/// <summary>The fields of a <see cref="CoreService"/>'s spec the importer reads.</summary>
internal sealed class CoreServiceSpec
{
    /// <summary>The ports.</summary>
    [JsonPropertyName("ports")]
    public List<CoreServicePort?>? Ports { get; set; }

    /// <summary>The labels of the pods the Service sends traffic to.</summary>
    [JsonPropertyName("selector")]
    public Dictionary<string, string>? Selector { get; set; }
}
