using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Osm.Resources;

/// <summary>The spec of an <see cref="OsmMeshConfig"/>.</summary>
public sealed class MeshConfigSpec
{
    /// <summary>Sidecar proxy settings.</summary>
    [JsonPropertyName("sidecar")]
    [YamlMember(Alias = "sidecar")]
    public SidecarSpec? Sidecar { get; set; }

    /// <summary>Traffic settings.</summary>
    [JsonPropertyName("traffic")]
    [YamlMember(Alias = "traffic")]
    public TrafficSpec? Traffic { get; set; }

    /// <summary>Logging and tracing.</summary>
    [JsonPropertyName("observability")]
    [YamlMember(Alias = "observability")]
    public ObservabilitySpec? Observability { get; set; }

    /// <summary>Certificate settings.</summary>
    [JsonPropertyName("certificate")]
    [YamlMember(Alias = "certificate")]
    public CertificateSpec? Certificate { get; set; }

    /// <summary>Optional features.</summary>
    [JsonPropertyName("featureFlags")]
    [YamlMember(Alias = "featureFlags")]
    public FeatureFlags? FeatureFlags { get; set; }
}
