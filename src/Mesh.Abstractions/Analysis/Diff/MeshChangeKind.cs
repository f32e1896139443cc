namespace Mesh.Analysis;

/// <summary>What a <see cref="MeshChange"/> is, from the desired model to the live one.</summary>
public enum MeshChangeKind
{
    /// <summary>Only the live model has it (<c>+</c>).</summary>
    Added,

    /// <summary>Only the desired model has it (<c>-</c>).</summary>
    Removed,

    /// <summary>Both have it, with different values (<c>~</c>).</summary>
    Changed,
}
