using Mesh.Collections;

namespace Mesh.Model;

/// <summary>
/// End-user authentication by JSON Web Token for the workloads of a namespace, of one service, or of one gateway. A request
/// carrying a token that matches a rule's issuer is rejected (401) unless the token verifies; a request without a token is
/// let through without a request principal. To require a token, add an access policy whose callers are
/// <see cref="AccessSource.RequestPrincipals"/> (<c>["*"]</c> for any verified token).
/// YAML: <c>{ name: jwt, namespace: shop, target: { service: cart }, jwtRules: [{ issuer: https://issuer.example, jwksUri: … }] }</c>.
/// </summary>
public sealed record RequestAuthentication
{
    /// <summary>The policy name (a DNS-1123 label), unique per namespace.</summary>
    public required string Name { get; init; }

    /// <summary>The namespace the policy lives in; its workloads (or the <see cref="Target"/>'s, or the <see cref="Gateway"/>'s) verify tokens.</summary>
    public required string Namespace { get; init; }

    /// <summary>The service whose workloads verify tokens (a subset narrows them; a port is not allowed), or null for the namespace or <see cref="Gateway"/>.</summary>
    public PolicyTarget? Target { get; init; }

    /// <summary>The name of a gateway in <see cref="Namespace"/> whose proxies verify tokens, or null. Not combined with <see cref="Target"/>.</summary>
    public string? Gateway { get; init; }

    /// <summary>The token issuers accepted; a token is verified by the rule of its <c>iss</c> claim.</summary>
    public EquatableArray<JwtRule> JwtRules { get; init; }
}
