using Mesh.Collections;

namespace Mesh.Model;

/// <summary>The requests a rule matches; every non-empty list must match, and nothing of <see cref="Not"/> may.</summary>
public sealed record AccessOperation
{
    /// <summary>Destination ports.</summary>
    public EquatableArray<int> Ports { get; init; }

    /// <summary>HTTP methods, upper case.</summary>
    public EquatableArray<string> Methods { get; init; }

    /// <summary>
    /// Paths as <see cref="AccessPatterns">access patterns</see>: exact (<c>/a</c>), prefix (<c>/a/*</c>) or suffix
    /// (<c>*.js</c>); <c>*</c> alone is any path.
    /// </summary>
    public EquatableArray<string> Paths { get; init; }

    /// <summary>Request host names (<c>Host</c> / <c>:authority</c>) as access patterns: exact, prefix (<c>api.*</c>) or suffix (<c>*.example.com</c>).</summary>
    public EquatableArray<string> Hosts { get; init; }

    /// <summary>Requests excluded: a request that matches any non-empty list of this operation does not match.</summary>
    /// <remarks>Its own <see cref="Not"/> is not allowed.</remarks>
    public AccessOperation? Not { get; init; }

    /// <summary>Whether this operation matches every request: no list and no exclusion is given.</summary>
    public bool IsAnything => Ports.IsEmpty && Methods.IsEmpty && Paths.IsEmpty && Hosts.IsEmpty && Not is null;
}
