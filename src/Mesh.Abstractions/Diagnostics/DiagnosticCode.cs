namespace Mesh.Diagnostics;

/// <summary>A stable diagnostic code such as <c>MESH2001</c>. Codes never change meaning once shipped; see <see cref="DiagnosticCodes"/>.</summary>
/// <param name="Value">The code text.</param>
public readonly record struct DiagnosticCode(string Value)
{
    /// <summary>The code text.</summary>
    public override string ToString() => Value ?? string.Empty;
}
