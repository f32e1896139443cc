using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Osm.Resources;

/// <summary>The rate limiting of an <see cref="UpstreamTrafficSetting"/>.</summary>
public sealed class RateLimitSpec
{
    /// <summary>Local (per-proxy) rate limiting.</summary>
    [JsonPropertyName("local")]
    [YamlMember(Alias = "local")]
    public LocalRateLimitSpec? Local { get; set; }
}
