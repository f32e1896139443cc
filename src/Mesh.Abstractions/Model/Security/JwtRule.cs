using Mesh.Collections;

namespace Mesh.Model;

/// <summary>
/// How tokens of one issuer are found and verified. With no token locations the token is read from the
/// <c>Authorization: Bearer</c> header and the <c>access_token</c> query parameter.
/// </summary>
public sealed record JwtRule
{
    /// <summary>The issuer (<c>iss</c> claim) of the tokens this rule verifies; required.</summary>
    public required string Issuer { get; init; }

    /// <summary>The audiences (<c>aud</c> claim) a token must name one of; empty: the audience is not checked.</summary>
    public EquatableArray<string> Audiences { get; init; }

    /// <summary>The http(s) URL of the issuer's JSON Web Key Set. At most one of this and <see cref="Jwks"/>; with neither, the mesh discovers it from the issuer (OpenID Connect) where it can.</summary>
    public string? JwksUri { get; init; }

    /// <summary>The issuer's JSON Web Key Set inline, as JSON text.</summary>
    public string? Jwks { get; init; }

    /// <summary>How long fetching <see cref="JwksUri"/> may take; null: the mesh's default.</summary>
    public TimeSpan? JwksTimeout { get; init; }

    /// <summary>Request headers that carry the token, each with the prefix stripped before decoding.</summary>
    public EquatableArray<JwtHeader> FromHeaders { get; init; }

    /// <summary>Query parameters that carry the token.</summary>
    public EquatableArray<string> FromParams { get; init; }

    /// <summary>Cookies that carry the token.</summary>
    public EquatableArray<string> FromCookies { get; init; }

    /// <summary>Whether the token is passed on to the workload; false: it is removed once verified.</summary>
    public bool ForwardOriginalToken { get; init; }

    /// <summary>Headers set from claims of a verified token, for the workload.</summary>
    public EquatableArray<JwtClaimHeader> OutputClaimToHeaders { get; init; }

    /// <summary>A header that receives the verified token's payload (base64url JSON), or null.</summary>
    public string? OutputPayloadToHeader { get; init; }
}
