using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Osm.Resources;

/// <summary>The observability settings of a <see cref="MeshConfigSpec"/>.</summary>
public sealed class ObservabilitySpec
{
    /// <summary>The control plane's log level.</summary>
    [JsonPropertyName("osmLogLevel")]
    [YamlMember(Alias = "osmLogLevel")]
    public string? OsmLogLevel { get; set; }

    /// <summary>Whether the debug server runs.</summary>
    [JsonPropertyName("enableDebugServer")]
    [YamlMember(Alias = "enableDebugServer")]
    public bool? EnableDebugServer { get; set; }

    /// <summary>Tracing.</summary>
    [JsonPropertyName("tracing")]
    [YamlMember(Alias = "tracing")]
    public TracingSpec? Tracing { get; set; }
}
