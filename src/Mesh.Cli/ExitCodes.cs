namespace Mesh.Cli;

/// <summary>The command's exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Success (warnings may have been printed).</summary>
    public const int Ok = 0;

    /// <summary>Diagnostics with errors.</summary>
    public const int Errors = 1;

    /// <summary>Usage: bad arguments, unknown provider, unreadable input file.</summary>
    public const int Usage = 2;

    /// <summary><c>mesh diff</c>: the two configurations differ in behaviour (drift), so a pipeline step can fail on it.</summary>
    public const int Drift = 3;
}
