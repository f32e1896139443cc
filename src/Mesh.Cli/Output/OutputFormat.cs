namespace Mesh.Cli.Output;

/// <summary>How diagnostics are printed.</summary>
internal enum OutputFormat
{
    /// <summary><c>severity code path: message</c>, one per line.</summary>
    Text,

    /// <summary>A JSON array, for machines.</summary>
    Json,
}
