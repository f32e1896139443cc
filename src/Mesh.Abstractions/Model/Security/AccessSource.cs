using Mesh.Collections;

namespace Mesh.Model;

/// <summary>
/// The callers a rule matches. The lists are alternatives: a caller matches when it matches any non-empty list or flag
/// (anyone when none is given) and matches nothing of <see cref="Not"/>.
/// </summary>
public sealed record AccessSource
{
    /// <summary>Caller identities as <c>namespace/name</c> service accounts of this mesh's trust domain.</summary>
    public EquatableArray<ServiceAccountRef> ServiceAccounts { get; init; }

    /// <summary>
    /// Callers as mesh services (<c>name.namespace</c>): the workloads of those services. Meshes whose identity is the
    /// service (Consul) match them as such; meshes whose identity is the service account match the service account named
    /// like the service in its namespace (the convention consul-k8s enforces), which they report as approximated.
    /// </summary>
    public EquatableArray<ServiceRef> Services { get; init; }

    /// <summary>Caller namespaces.</summary>
    public EquatableArray<string> Namespaces { get; init; }

    /// <summary>Caller (peer) IP addresses or CIDR blocks.</summary>
    public EquatableArray<string> IpBlocks { get; init; }

    /// <summary>Whether callers without a mesh identity (plaintext) match.</summary>
    /// <value>Defaults to false.</value>
    public bool Unauthenticated { get; init; }

    /// <summary>Whether every caller with a mesh identity (any authenticated workload, of any trust domain) matches.</summary>
    /// <value>Defaults to false.</value>
    public bool Authenticated { get; init; }

    /// <summary>
    /// Peer identities other than this mesh's service accounts, as SPIFFE IDs (<c>spiffe://other.org/ns/a/sa/b</c>); an
    /// <see cref="AccessPatterns">access pattern</see>: exact, a prefix (<c>spiffe://other.org/*</c>) or a suffix (<c>*/ns/a/sa/b</c>).
    /// </summary>
    public EquatableArray<string> Identities { get; init; }

    /// <summary>
    /// End-user identities of a verified JWT as <c>ISSUER/SUBJECT</c> (request authentication verifies it); access
    /// patterns (<c>https://issuer.example/*</c> for every subject of one issuer, <c>*</c> for any verified token).
    /// </summary>
    public EquatableArray<string> RequestPrincipals { get; init; }

    /// <summary>
    /// The original client's IP addresses or CIDR blocks, as forwarded by proxies in front of the mesh
    /// (<c>X-Forwarded-For</c>), where <see cref="IpBlocks"/> is the direct peer.
    /// </summary>
    public EquatableArray<string> RemoteIpBlocks { get; init; }

    /// <summary>Callers excluded even when they match: no caller matching any list of this source matches the rule.</summary>
    /// <remarks>Its <see cref="Authenticated"/>, <see cref="Unauthenticated"/> and <see cref="Not"/> are not allowed: write the opposite flag instead.</remarks>
    public AccessSource? Not { get; init; }

    /// <summary>Whether this source matches every caller: no alternative and no exclusion is given.</summary>
    public bool IsAnyone => !HasAlternatives && Not is null;

    /// <summary>Whether any alternative (list or flag) is given.</summary>
    public bool HasAlternatives =>
        !ServiceAccounts.IsEmpty || !Services.IsEmpty || !Namespaces.IsEmpty || !IpBlocks.IsEmpty || Unauthenticated || Authenticated
        || !Identities.IsEmpty || !RequestPrincipals.IsEmpty || !RemoteIpBlocks.IsEmpty;
}
