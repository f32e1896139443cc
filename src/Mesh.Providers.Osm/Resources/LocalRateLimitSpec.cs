using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Osm.Resources;

/// <summary>Local rate limits, per connection or per request.</summary>
public sealed class LocalRateLimitSpec
{
    /// <summary>Connections per unit of time.</summary>
    [JsonPropertyName("tcp")]
    [YamlMember(Alias = "tcp")]
    public TcpLocalRateLimit? Tcp { get; set; }

    /// <summary>Requests per unit of time.</summary>
    [JsonPropertyName("http")]
    [YamlMember(Alias = "http")]
    public HttpLocalRateLimit? Http { get; set; }
}
