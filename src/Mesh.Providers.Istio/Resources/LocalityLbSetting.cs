using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>Locality-aware load balancing (<c>localityLbSetting</c>).</summary>
public sealed class LocalityLbSetting
{
    /// <summary>Traffic distribution by caller locality.</summary>
    [JsonPropertyName("distribute")]
    [YamlMember(Alias = "distribute")]
    public List<LocalityDistribute>? Distribute { get; set; }

    /// <summary>Region failover.</summary>
    [JsonPropertyName("failover")]
    [YamlMember(Alias = "failover")]
    public List<LocalityFailoverSetting>? Failover { get; set; }

    /// <summary>Labels that order endpoints for failover.</summary>
    [JsonPropertyName("failoverPriority")]
    [YamlMember(Alias = "failoverPriority")]
    public List<string>? FailoverPriority { get; set; }

    /// <summary>Whether locality load balancing is on.</summary>
    [JsonPropertyName("enabled")]
    [YamlMember(Alias = "enabled")]
    public bool? Enabled { get; set; }
}
