using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.AppMesh.Resources;

/// <summary>Ejection of hosts that keep answering with server errors (virtual node listeners).</summary>
public sealed class OutlierDetection
{
    /// <summary>Server errors within an interval that eject a host (required).</summary>
    [JsonPropertyName("maxServerErrors")]
    [YamlMember(Alias = "maxServerErrors")]
    public int? MaxServerErrors { get; set; }

    /// <summary>The time between ejection sweeps (required).</summary>
    [JsonPropertyName("interval")]
    [YamlMember(Alias = "interval")]
    public AppMeshDuration? Interval { get; set; }

    /// <summary>How long a host stays ejected the first time (required; multiplied by the times it was ejected).</summary>
    [JsonPropertyName("baseEjectionDuration")]
    [YamlMember(Alias = "baseEjectionDuration")]
    public AppMeshDuration? BaseEjectionDuration { get; set; }

    /// <summary>The largest share of hosts ejected at once, 0 to 100 (required).</summary>
    [JsonPropertyName("maxEjectionPercent")]
    [YamlMember(Alias = "maxEjectionPercent")]
    public int? MaxEjectionPercent { get; set; }
}
