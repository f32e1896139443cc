using Mesh.Collections;

namespace Mesh.Model;

/// <summary>The callers a rule matches; a caller matches when it matches any non-empty list (empty lists match no one unless all are empty).</summary>
public sealed record AccessSource
{
    /// <summary>Caller identities as <c>namespace/name</c> service accounts.</summary>
    public EquatableArray<ServiceAccountRef> ServiceAccounts { get; init; }

    /// <summary>Caller namespaces.</summary>
    public EquatableArray<string> Namespaces { get; init; }

    /// <summary>Caller IP addresses or CIDR blocks.</summary>
    public EquatableArray<string> IpBlocks { get; init; }

    /// <summary>Whether callers without a mesh identity (plaintext) match.</summary>
    /// <value>Defaults to false.</value>
    public bool Unauthenticated { get; init; }
}
