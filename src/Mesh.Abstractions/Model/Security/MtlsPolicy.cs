namespace Mesh.Model;

/// <summary>Whether workloads in a scope accept plaintext, mutual TLS, or both. A narrower scope overrides a wider one.</summary>
public sealed record MtlsPolicy
{
    /// <summary>Where the policy applies.</summary>
    public required MtlsScope Scope { get; init; }

    /// <summary>The mode.</summary>
    public required MtlsMode Mode { get; init; }
}
