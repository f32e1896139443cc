namespace Mesh.Model;

/// <summary>A header set from a claim of a verified token. YAML: <c>{ header: x-user, claim: sub }</c>.</summary>
/// <param name="Header">The header to set (letters, digits, <c>-</c> and <c>_</c>).</param>
/// <param name="Claim">The claim copied (a top-level claim; nested claims are written <c>a.b</c>).</param>
public sealed record JwtClaimHeader(string Header, string Claim);
