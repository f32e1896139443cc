namespace Mesh.Model;

/// <summary>What a workload accepts.</summary>
public enum MtlsMode
{
    /// <summary>Mutual TLS only.</summary>
    Strict,

    /// <summary>Mutual TLS and plaintext (for migration).</summary>
    Permissive,

    /// <summary>Plaintext only.</summary>
    Disabled,
}
