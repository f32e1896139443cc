using Mesh.Model;

namespace Mesh.Builders;

/// <summary>Sets how tokens of one issuer are found and verified.</summary>
public sealed class JwtRuleBuilder
{
    private readonly string _issuer;
    private readonly List<string> _audiences = [];
    private readonly List<JwtHeader> _headers = [];
    private readonly List<string> _params = [];
    private readonly List<string> _cookies = [];
    private readonly List<JwtClaimHeader> _claims = [];
    private string? _jwksUri;
    private string? _jwks;
    private TimeSpan? _timeout;
    private bool _forward;
    private string? _payloadHeader;

    internal JwtRuleBuilder(string issuer) => _issuer = issuer;

    /// <summary>Requires a token to name one of these audiences.</summary>
    /// <param name="audiences">The audiences.</param>
    public JwtRuleBuilder Audiences(params string[] audiences)
    {
        _audiences.AddRange(audiences);
        return this;
    }

    /// <summary>Fetches the issuer's key set from a URL.</summary>
    /// <param name="uri">An http(s) URL.</param>
    /// <param name="timeout">How long a fetch may take, or null for the mesh's default.</param>
    public JwtRuleBuilder JwksUri(string uri, TimeSpan? timeout = null)
    {
        _jwksUri = uri;
        _timeout = timeout;
        return this;
    }

    /// <summary>Verifies with an inline key set.</summary>
    /// <param name="json">The JSON Web Key Set.</param>
    public JwtRuleBuilder Jwks(string json)
    {
        _jwks = json;
        return this;
    }

    /// <summary>Reads the token from a header, stripping a prefix.</summary>
    /// <param name="name">The header.</param>
    /// <param name="prefix">Text before the token (e.g. <c>"Bearer "</c>), or null.</param>
    public JwtRuleBuilder FromHeader(string name, string? prefix = null)
    {
        _headers.Add(new JwtHeader(name, prefix));
        return this;
    }

    /// <summary>Reads the token from a query parameter.</summary>
    /// <param name="name">The parameter.</param>
    public JwtRuleBuilder FromParam(string name)
    {
        _params.Add(name);
        return this;
    }

    /// <summary>Reads the token from a cookie.</summary>
    /// <param name="name">The cookie.</param>
    public JwtRuleBuilder FromCookie(string name)
    {
        _cookies.Add(name);
        return this;
    }

    /// <summary>Passes the token on to the workload once verified.</summary>
    /// <param name="forward">Whether to forward it.</param>
    public JwtRuleBuilder ForwardOriginalToken(bool forward = true)
    {
        _forward = forward;
        return this;
    }

    /// <summary>Copies a claim of a verified token into a request header.</summary>
    /// <param name="claim">The claim.</param>
    /// <param name="header">The header to set.</param>
    public JwtRuleBuilder ClaimToHeader(string claim, string header)
    {
        _claims.Add(new JwtClaimHeader(header, claim));
        return this;
    }

    /// <summary>Writes a verified token's payload into a request header.</summary>
    /// <param name="header">The header to set.</param>
    public JwtRuleBuilder PayloadToHeader(string header)
    {
        _payloadHeader = header;
        return this;
    }

    internal JwtRule Build() => new()
    {
        Issuer = _issuer,
        Audiences = [.. _audiences],
        JwksUri = _jwksUri,
        Jwks = _jwks,
        JwksTimeout = _timeout,
        FromHeaders = [.. _headers],
        FromParams = [.. _params],
        FromCookies = [.. _cookies],
        ForwardOriginalToken = _forward,
        OutputClaimToHeaders = [.. _claims],
        OutputPayloadToHeader = _payloadHeader,
    };
}
