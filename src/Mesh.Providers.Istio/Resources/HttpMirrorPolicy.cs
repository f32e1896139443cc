using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>One mirror destination with its share (Istio <c>HTTPMirrorPolicy</c>).</summary>
public sealed class HttpMirrorPolicy
{
    /// <summary>The destination.</summary>
    [JsonPropertyName("destination")]
    [YamlMember(Alias = "destination")]
    public Destination? Destination { get; set; }

    /// <summary>The share mirrored (default 100).</summary>
    [JsonPropertyName("percentage")]
    [YamlMember(Alias = "percentage")]
    public Percent? Percentage { get; set; }
}
