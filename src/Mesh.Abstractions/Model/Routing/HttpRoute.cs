using Mesh.Collections;

namespace Mesh.Model;

/// <summary>HTTP routing for calls to one host service: an ordered list of rules, the first match wins.</summary>
public sealed record HttpRoute
{
    /// <summary>The route's name (a DNS-1123 label), unique per namespace.</summary>
    public required string Name { get; init; }

    /// <summary>The namespace the route lives in.</summary>
    public required string Namespace { get; init; }

    /// <summary>The service whose callers this route applies to.</summary>
    public required ServiceRef Host { get; init; }

    /// <summary>The rules, in match order.</summary>
    public EquatableArray<HttpRouteRule> Rules { get; init; }
}
