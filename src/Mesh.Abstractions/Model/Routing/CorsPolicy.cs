using Mesh.Collections;

namespace Mesh.Model;

/// <summary>Cross-origin resource sharing answered by the proxy.</summary>
public sealed record CorsPolicy
{
    /// <summary>Allowed origins, exact (<c>https://a.example</c>) or <c>*</c> for any.</summary>
    public EquatableArray<string> AllowOrigins { get; init; }

    /// <summary>Allowed methods.</summary>
    public EquatableArray<string> AllowMethods { get; init; }

    /// <summary>Allowed request headers.</summary>
    public EquatableArray<string> AllowHeaders { get; init; }

    /// <summary>Response headers the browser may read.</summary>
    public EquatableArray<string> ExposeHeaders { get; init; }

    /// <summary>How long a preflight answer may be cached, or null for the browser's default.</summary>
    public TimeSpan? MaxAge { get; init; }

    /// <summary>Whether credentials are allowed, or null for the mesh's default (not allowed).</summary>
    public bool? AllowCredentials { get; init; }
}
