namespace Mesh.Serialization;

/// <summary>Limits that keep reading untrusted YAML or JSON (mesh models, provider manifests, endpoint files) bounded in time and memory; <see cref="YamlStreamReader"/> enforces them.</summary>
public sealed record MeshReaderOptions
{
    /// <summary>The options used when none are given.</summary>
    public static MeshReaderOptions Default { get; } = new();

    /// <summary>The largest input accepted, in UTF-8 bytes. A stream is read no further than this.</summary>
    /// <value>Defaults to 16 MiB (16,777,216 bytes).</value>
    public long MaxBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>The deepest nesting of sequences and mappings accepted.</summary>
    /// <value>Defaults to 64, far more than the model's deepest path needs.</value>
    public int MaxDepth { get; init; } = 64;

    /// <summary>The most YAML nodes (scalars, sequences, mappings, mapping keys included) accepted in one document.</summary>
    /// <value>Defaults to 1,000,000.</value>
    public int MaxNodes { get; init; } = 1_000_000;

    /// <summary>
    /// Whether YAML aliases (<c>*name</c>) are read: an aliased node is shared, not copied, and counts toward
    /// <see cref="MaxNodes"/> and <see cref="MaxDepth"/> as if written out, so an alias bomb stops at the limit. Mesh models
    /// refuse aliases (write the value out); Kubernetes manifests, which <c>kubectl</c> reads with aliases, allow them.
    /// </summary>
    /// <value>Defaults to <see langword="false"/>.</value>
    public bool AllowAliases { get; init; }

    /// <summary>The most diagnostics collected before reading stops reporting further problems.</summary>
    /// <value>Defaults to 1,000.</value>
    public int MaxDiagnostics { get; init; } = 1_000;
}
