using Mesh.Collections;

namespace Mesh.Model;

/// <summary>A request condition; every part that is set must hold.</summary>
public sealed record HttpMatch
{
    /// <summary>The path condition, or null for any path.</summary>
    public PathMatch? Path { get; init; }

    /// <summary>Header conditions, all of which must hold.</summary>
    public EquatableArray<ValueMatch> Headers { get; init; }

    /// <summary>Query parameter conditions, all of which must hold.</summary>
    public EquatableArray<ValueMatch> QueryParams { get; init; }

    /// <summary>The HTTP method in upper case (<c>GET</c>, <c>POST</c>, …), or null for any method.</summary>
    public string? Method { get; init; }
}
