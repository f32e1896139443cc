namespace Mesh.Model;

/// <summary>
/// The request property hashed for session affinity, and how the hash maps to endpoints. YAML: <c>{ header: x-user }</c>,
/// <c>{ cookie: session }</c> or <c>{ cookie: { name: session, ttl: 1h, path: / } }</c>, <c>{ sourceIp: true }</c>,
/// <c>{ queryParameter: user }</c>, each optionally with <c>ringHash: { minimumRingSize: 1024 }</c> or
/// <c>maglev: { tableSize: 65537 }</c>.
/// </summary>
/// <param name="Key">Which property is hashed.</param>
/// <param name="Name">The header, cookie or query parameter name; null for <see cref="HashKey.SourceIp"/>.</param>
public sealed record ConsistentHash(HashKey Key, string? Name = null)
{
    /// <summary>
    /// For a <see cref="HashKey.Cookie"/> key: the lifetime of the cookie the proxy sets when a request has none, or null
    /// when the proxy generates no cookie (requests without it are not pinned). <see cref="TimeSpan.Zero"/> makes it a session cookie.
    /// </summary>
    public TimeSpan? CookieTtl { get; init; }

    /// <summary>For a <see cref="HashKey.Cookie"/> key: the path of the cookie the proxy sets, or null for none.</summary>
    public string? CookiePath { get; init; }

    /// <summary>The hash table (ring hash or Maglev) and its size, or null for the mesh's default.</summary>
    public HashRing? Ring { get; init; }

    /// <summary>Hash on a request header.</summary>
    /// <param name="name">The header name.</param>
    public static ConsistentHash Header(string name) => new(HashKey.Header, name);

    /// <summary>Hash on a cookie.</summary>
    /// <param name="name">The cookie name.</param>
    public static ConsistentHash Cookie(string name) => new(HashKey.Cookie, name);

    /// <summary>Hash on the client's IP address.</summary>
    public static ConsistentHash SourceIp { get; } = new(HashKey.SourceIp);

    /// <summary>Hash on a query parameter.</summary>
    /// <param name="name">The parameter name.</param>
    public static ConsistentHash QueryParameter(string name) => new(HashKey.QueryParameter, name);
}
