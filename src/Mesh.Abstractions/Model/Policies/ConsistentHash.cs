namespace Mesh.Model;

/// <summary>The request property hashed for session affinity.</summary>
/// <param name="Key">Which property is hashed.</param>
/// <param name="Name">The header, cookie or query parameter name; null for <see cref="HashKey.SourceIp"/>.</param>
public sealed record ConsistentHash(HashKey Key, string? Name = null)
{
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
