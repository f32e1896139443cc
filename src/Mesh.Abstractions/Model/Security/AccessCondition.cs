using Mesh.Collections;

namespace Mesh.Model;

/// <summary>
/// A condition of an access rule: the attribute named by <see cref="Key"/> matches one of <see cref="Values"/> (when
/// given) and none of <see cref="NotValues"/>. YAML: <c>{ key: request.headers[x-tenant], values: [a, b*] }</c>.
/// </summary>
public sealed record AccessCondition
{
    /// <summary>The attribute tested.</summary>
    public required AccessConditionKey Key { get; init; }

    /// <summary>
    /// Accepted values: <see cref="AccessPatterns">access patterns</see> for text attributes, IP addresses or CIDR blocks for
    /// IP attributes, port numbers for <see cref="AccessAttribute.DestinationPort"/>.
    /// </summary>
    public EquatableArray<string> Values { get; init; }

    /// <summary>Rejected values, in the same forms as <see cref="Values"/>.</summary>
    public EquatableArray<string> NotValues { get; init; }
}
