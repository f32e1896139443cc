namespace Mesh.Diagnostics;

/// <summary>A position in an input file (1-based line and column).</summary>
/// <param name="File">The file or source name, or null when the input had none.</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column.</param>
public sealed record SourceLocation(string? File, int Line, int Column)
{
    /// <summary>The location as <c>file:line:column</c> (or <c>line:column</c>).</summary>
    public override string ToString() => File is null ? $"{Line}:{Column}" : $"{File}:{Line}:{Column}";
}
