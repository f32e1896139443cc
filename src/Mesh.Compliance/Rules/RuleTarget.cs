using Mesh.Collections;

namespace Mesh.Compliance;

/// <summary>
/// The objects a rule applies to: those in one of <see cref="Namespaces"/> (any, when empty) whose workload labels carry every
/// one of <see cref="Labels"/>. An object's labels are its workloads': a service's selector, a route's (and its rules') host
/// service's, a policy's target service's (with the subset's labels), an mTLS scope's workload labels. YAML:
/// <c>target: { namespaces: [shop], labels: { tier: web } }</c>.
/// </summary>
public sealed record RuleTarget
{
    /// <summary>The namespaces selected; empty selects every namespace.</summary>
    public EquatableArray<string> Namespaces { get; init; }

    /// <summary>Labels the object's workloads must all carry; empty selects every object.</summary>
    public EquatableMap<string> Labels { get; init; }
}
