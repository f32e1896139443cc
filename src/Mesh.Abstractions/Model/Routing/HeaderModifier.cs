using Mesh.Collections;

namespace Mesh.Model;

/// <summary>Header changes: set (replace), add (append) and remove.</summary>
public sealed record HeaderModifier
{
    /// <summary>Headers set, replacing any existing value.</summary>
    public EquatableMap<string> Set { get; init; }

    /// <summary>Headers appended to any existing value.</summary>
    public EquatableMap<string> Add { get; init; }

    /// <summary>Headers removed.</summary>
    public EquatableArray<string> Remove { get; init; }
}
