namespace Mesh.Model;

/// <summary>A request header that carries a token. YAML: <c>{ name: authorization, prefix: "Bearer " }</c>.</summary>
/// <param name="Name">The header name.</param>
/// <param name="Prefix">Text before the token, stripped before decoding (e.g. <c>"Bearer "</c>), or null.</param>
public sealed record JwtHeader(string Name, string? Prefix = null);
