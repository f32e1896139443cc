using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace Mesh.Providers.Istio.Resources;

/// <summary>How the tokens of one issuer are found and verified.</summary>
public sealed class JwtRule
{
    /// <summary>The issuer (<c>iss</c>).</summary>
    [JsonPropertyName("issuer")]
    [YamlMember(Alias = "issuer")]
    public string? Issuer { get; set; }

    /// <summary>Accepted audiences.</summary>
    [JsonPropertyName("audiences")]
    [YamlMember(Alias = "audiences")]
    public List<string>? Audiences { get; set; }

    /// <summary>The URL of the key set.</summary>
    [JsonPropertyName("jwksUri")]
    [YamlMember(Alias = "jwksUri")]
    public string? JwksUri { get; set; }

    /// <summary>The URL of the key set, in its older spelling (read only).</summary>
    [JsonPropertyName("jwks_uri")]
    [YamlMember(Alias = "jwks_uri")]
    public string? JwksUriLegacy { get; set; }

    /// <summary>The key set inline (JSON).</summary>
    [JsonPropertyName("jwks")]
    [YamlMember(Alias = "jwks")]
    public string? Jwks { get; set; }

    /// <summary>Headers carrying the token.</summary>
    [JsonPropertyName("fromHeaders")]
    [YamlMember(Alias = "fromHeaders")]
    public List<JwtHeader>? FromHeaders { get; set; }

    /// <summary>Query parameters carrying the token.</summary>
    [JsonPropertyName("fromParams")]
    [YamlMember(Alias = "fromParams")]
    public List<string>? FromParams { get; set; }

    /// <summary>Cookies carrying the token.</summary>
    [JsonPropertyName("fromCookies")]
    [YamlMember(Alias = "fromCookies")]
    public List<string>? FromCookies { get; set; }

    /// <summary>A header receiving the verified payload.</summary>
    [JsonPropertyName("outputPayloadToHeader")]
    [YamlMember(Alias = "outputPayloadToHeader")]
    public string? OutputPayloadToHeader { get; set; }

    /// <summary>Whether the token is forwarded.</summary>
    [JsonPropertyName("forwardOriginalToken")]
    [YamlMember(Alias = "forwardOriginalToken")]
    public bool? ForwardOriginalToken { get; set; }

    /// <summary>Claims copied to headers.</summary>
    [JsonPropertyName("outputClaimToHeaders")]
    [YamlMember(Alias = "outputClaimToHeaders")]
    public List<ClaimToHeader>? OutputClaimToHeaders { get; set; }

    /// <summary>Claims treated as space-delimited lists (read and reported).</summary>
    [JsonPropertyName("spaceDelimitedClaims")]
    [YamlMember(Alias = "spaceDelimitedClaims")]
    public List<string>? SpaceDelimitedClaims { get; set; }

    /// <summary>How long fetching the key set may take (a duration, e.g. <c>5s</c>).</summary>
    [JsonPropertyName("timeout")]
    [YamlMember(Alias = "timeout")]
    public string? Timeout { get; set; }
}
