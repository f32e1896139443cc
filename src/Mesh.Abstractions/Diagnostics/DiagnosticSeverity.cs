namespace Mesh.Diagnostics;

/// <summary>How serious a diagnostic is. Values are ordered: <c>Error &gt; Warning &gt; Info</c>.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Information, e.g. a legacy form that was understood.</summary>
    Info,

    /// <summary>Something was approximated or left out; the output is usable but not identical in meaning.</summary>
    Warning,

    /// <summary>The input is wrong or cannot be expressed; with errors a command exits 1.</summary>
    Error,
}
