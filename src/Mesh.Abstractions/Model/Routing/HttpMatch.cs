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

    /// <summary>
    /// Labels the calling workload must carry, all of them with these values; empty for any caller. A condition on the
    /// client, not on the request: a proxy whose workload lacks them does not apply the match.
    /// </summary>
    public EquatableMap<string> SourceLabels { get; init; }

    /// <summary>The namespace the calling workload must run in, or null for a caller in any namespace.</summary>
    public string? SourceNamespace { get; init; }

    /// <summary>
    /// The destination port the request was sent to (one of the route host's ports), or null for any port of the host.
    /// </summary>
    public int? Port { get; init; }
}
