using Mesh.Collections;

namespace Mesh.Model;

/// <summary>
/// Authorization for calls to a service. An <see cref="AccessAction.Allow"/> policy with no rules allows nothing
/// (deny all); a <see cref="AccessAction.Deny"/> policy with no rules denies nothing.
/// </summary>
public sealed record AccessPolicy
{
    /// <summary>The policy name (a DNS-1123 label), unique per namespace.</summary>
    public required string Name { get; init; }

    /// <summary>The namespace the policy lives in.</summary>
    public required string Namespace { get; init; }

    /// <summary>The service (or subset) protected, or null for every workload in <see cref="Namespace"/>.</summary>
    public PolicyTarget? Target { get; init; }

    /// <summary>Whether matching requests are allowed or denied.</summary>
    public required AccessAction Action { get; init; }

    /// <summary>The rules; a request matches the policy when it matches any rule.</summary>
    public EquatableArray<AccessRule> Rules { get; init; }
}
