namespace Mesh.Compliance;

/// <summary>
/// Objects a rule does not apply to: those matching every field given (at least one must be). YAML:
/// <c>{ namespace: legacy, reason: "migrating in Q3" }</c>, <c>{ namespace: shop, name: payments }</c>,
/// <c>{ path: "$.spec.externalServices[0]" }</c>.
/// </summary>
public sealed record RuleExemption
{
    /// <summary>The object's namespace, or null for any.</summary>
    public string? Namespace { get; init; }

    /// <summary>The object's name (a service, route, policy or external service name; a policy's target service name), or null for any.</summary>
    public string? Name { get; init; }

    /// <summary>A path into the model the violation's path starts with (at a segment boundary), or null for any.</summary>
    public string? Path { get; init; }

    /// <summary>Why the exemption exists (documentation for the reader of the rules; exempted objects are not reported).</summary>
    public string? Reason { get; init; }
}
