using Mesh.Collections;

namespace Mesh.Model;

/// <summary>
/// Where an mTLS policy applies. YAML: <c>{ mesh: true }</c>; <c>{ namespace: ns }</c>;
/// <c>{ namespace: ns, workload: { app: x } }</c>; <c>{ namespace: ns, workload: { app: x }, port: 8080 }</c>.
/// </summary>
public sealed record MtlsScope
{
    /// <summary>The whole mesh.</summary>
    public static MtlsScope Mesh { get; } = new();

    /// <summary>The namespace, or null for the whole mesh.</summary>
    public string? Namespace { get; init; }

    /// <summary>The labels selecting workloads in <see cref="Namespace"/>; empty for the whole namespace.</summary>
    public EquatableMap<string> Workload { get; init; }

    /// <summary>One port of the selected workloads, or null for all ports.</summary>
    public int? Port { get; init; }

    /// <summary>The kind of scope this is.</summary>
    public MtlsScopeKind Kind =>
        Namespace is null ? MtlsScopeKind.Mesh
        : Workload.IsEmpty ? MtlsScopeKind.Namespace
        : Port is null ? MtlsScopeKind.Workload
        : MtlsScopeKind.Port;

    /// <summary>A namespace-wide scope.</summary>
    /// <param name="name">The namespace.</param>
    public static MtlsScope ForNamespace(string name) => new() { Namespace = name };
}
