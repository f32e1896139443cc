using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Rollouts;

/// <summary>The outcome of <see cref="Rollout.Apply"/>: the model of the step, or why the step cannot be taken.</summary>
public sealed record RolloutResult
{
    /// <summary>The model with the step taken.</summary>
    /// <value>Null when <see cref="HasErrors"/>: nothing half-stepped is returned.</value>
    public MeshConfig? Config { get; init; }

    /// <summary>Every problem found (all of them, not only the first), and notes such as a route created.</summary>
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }

    /// <summary>Whether any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>
    /// The rules that carry the step, as wire paths into <see cref="Config"/> (<c>$.spec.routes[0].rules[2]</c>): their backends
    /// are the stable and the canary with the step's weights (and, for a mirror step, their mirror the canary).
    /// </summary>
    /// <value>Empty when <see cref="HasErrors"/>.</value>
    public IReadOnlyList<string> SteppedRules { get; init; } = [];

    /// <summary>
    /// For a header step, the rules sending requests with the step's header to the canary, each just before the stepped rule it
    /// was made from, as wire paths into <see cref="Config"/>.
    /// </summary>
    /// <value>Empty for weight and mirror steps, and when <see cref="HasErrors"/>.</value>
    public IReadOnlyList<string> HeaderRules { get; init; } = [];
}
