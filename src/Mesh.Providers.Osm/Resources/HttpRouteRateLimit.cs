using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Osm.Resources;

/// <summary>The rate limit of one path.</summary>
public sealed class HttpRouteRateLimit
{
    /// <summary>Local (per-proxy) request rate limiting.</summary>
    [JsonPropertyName("local")]
    [YamlMember(Alias = "local")]
    public HttpLocalRateLimit? Local { get; set; }
}
