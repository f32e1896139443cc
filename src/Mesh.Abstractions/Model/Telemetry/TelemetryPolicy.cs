using Mesh.Collections;

namespace Mesh.Model;

/// <summary>
/// Access logging and tracing for the workloads of the mesh, a namespace, or the workloads a selector chooses. A narrower
/// policy overrides a wider one for what it sets; what it leaves unset is inherited.
/// YAML: <c>{ namespace: shop, workload: { app: cart }, accessLogging: false, tracing: { samplingPercentage: 5 } }</c>.
/// </summary>
public sealed record TelemetryPolicy
{
    /// <summary>The namespace whose workloads it applies to, or null for the whole mesh.</summary>
    public string? Namespace { get; init; }

    /// <summary>The labels of the workloads it applies to (needs <see cref="Namespace"/>); empty: every workload of the scope.</summary>
    public EquatableMap<string> Workload { get; init; }

    /// <summary>Whether the proxies write an access log of each request; null: inherited (the mesh's default).</summary>
    public bool? AccessLogging { get; init; }

    /// <summary>Tracing settings; null: inherited.</summary>
    public TracingSettings? Tracing { get; init; }
}
