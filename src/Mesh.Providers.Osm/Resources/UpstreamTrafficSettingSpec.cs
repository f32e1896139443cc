using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Osm.Resources;

/// <summary>The spec of an <see cref="UpstreamTrafficSetting"/>.</summary>
public sealed class UpstreamTrafficSettingSpec
{
    /// <summary>The upstream host: the FQDN of a Service of the setting's namespace (required).</summary>
    [JsonPropertyName("host")]
    [YamlMember(Alias = "host")]
    public string? Host { get; set; }

    /// <summary>Connection limits (circuit breaking).</summary>
    [JsonPropertyName("connectionSettings")]
    [YamlMember(Alias = "connectionSettings")]
    public ConnectionSettings? ConnectionSettings { get; set; }

    /// <summary>Rate limiting of the host's inbound traffic.</summary>
    [JsonPropertyName("rateLimit")]
    [YamlMember(Alias = "rateLimit")]
    public RateLimitSpec? RateLimit { get; set; }

    /// <summary>Per-path settings.</summary>
    [JsonPropertyName("httpRoutes")]
    [YamlMember(Alias = "httpRoutes")]
    public List<HttpRouteSetting>? HttpRoutes { get; set; }
}
