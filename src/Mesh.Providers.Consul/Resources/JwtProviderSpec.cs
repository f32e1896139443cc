using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Consul.Resources;

/// <summary>The spec of a <c>JWTProvider</c>: how tokens of one issuer are found and verified.</summary>
public sealed class JwtProviderSpec
{
    /// <summary>The issuer (<c>iss</c> claim) of the tokens verified.</summary>
    [JsonPropertyName("issuer")]
    [YamlMember(Alias = "issuer")]
    public string? Issuer { get; set; }

    /// <summary>The audiences a token must name one of.</summary>
    [JsonPropertyName("audiences")]
    [YamlMember(Alias = "audiences")]
    public List<string>? Audiences { get; set; }

    /// <summary>The key set: inline or on disk (<c>local</c>) or fetched (<c>remote</c>).</summary>
    [JsonPropertyName("jsonWebKeySet")]
    [YamlMember(Alias = "jsonWebKeySet")]
    public JsonWebKeySet? JsonWebKeySet { get; set; }

    /// <summary>Where the token is read (Envoy's defaults when absent: the <c>Authorization: Bearer</c> header and the <c>access_token</c> query parameter).</summary>
    [JsonPropertyName("locations")]
    [YamlMember(Alias = "locations")]
    public List<JwtLocation>? Locations { get; set; }

    /// <summary>A header that receives the verified payload.</summary>
    [JsonPropertyName("forwarding")]
    [YamlMember(Alias = "forwarding")]
    public JwtForwarding? Forwarding { get; set; }

    /// <summary>The clock skew allowed when checking <c>exp</c> and <c>nbf</c> (Consul's default: 30).</summary>
    [JsonPropertyName("clockSkewSeconds")]
    [YamlMember(Alias = "clockSkewSeconds")]
    public int? ClockSkewSeconds { get; set; }

    /// <summary>The cache of verification results.</summary>
    [JsonPropertyName("cacheConfig")]
    [YamlMember(Alias = "cacheConfig")]
    public JwtCacheConfig? CacheConfig { get; set; }
}
