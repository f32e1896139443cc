using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Osm.Resources;

/// <summary>The settings of one path of an <see cref="UpstreamTrafficSetting"/>'s host.</summary>
public sealed class HttpRouteSetting
{
    /// <summary>The path, an RE2 expression.</summary>
    [JsonPropertyName("path")]
    [YamlMember(Alias = "path")]
    public string? Path { get; set; }

    /// <summary>The path's rate limit.</summary>
    [JsonPropertyName("rateLimit")]
    [YamlMember(Alias = "rateLimit")]
    public HttpRouteRateLimit? RateLimit { get; set; }
}
