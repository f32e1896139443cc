using Mesh.Collections;

namespace Mesh.Model;

/// <summary>The requests a rule matches; every non-empty list must match.</summary>
public sealed record AccessOperation
{
    /// <summary>Destination ports.</summary>
    public EquatableArray<int> Ports { get; init; }

    /// <summary>HTTP methods, upper case.</summary>
    public EquatableArray<string> Methods { get; init; }

    /// <summary>Paths: exact (<c>/a</c>), prefix (<c>/a/*</c>) or suffix (<c>*.js</c>) patterns.</summary>
    public EquatableArray<string> Paths { get; init; }
}
