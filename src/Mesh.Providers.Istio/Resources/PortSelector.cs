using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>A port, by number.</summary>
public sealed class PortSelector
{
    /// <summary>The port number.</summary>
    [JsonPropertyName("number")]
    [YamlMember(Alias = "number")]
    public int? Number { get; set; }
}
