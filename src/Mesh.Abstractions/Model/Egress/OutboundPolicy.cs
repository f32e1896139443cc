using Mesh.Collections;

namespace Mesh.Model;

/// <summary>
/// Which hosts the workloads of a namespace — or of every namespace without a policy of its own — may reach, and what
/// happens to calls to any other host. A namespace's policy replaces the mesh-wide one entirely (Istio's rule for a
/// namespace <c>Sidecar</c> and the root namespace's). Without any policy, workloads see every service and external service
/// of the mesh and other hosts are reached unmanaged (<see cref="OutboundMode.AllowAny"/>).
/// YAML: <c>outbound: [ { namespace: shop, mode: registryOnly, hosts: [ "./*", "payments/*" ] } ]</c>.
/// </summary>
public sealed record OutboundPolicy
{
    /// <summary>The namespace whose workloads it applies to, or null for every namespace that has no policy of its own.</summary>
    public string? Namespace { get; init; }

    /// <summary>What happens to a call to a host that is not a registered service or external service the <see cref="Hosts"/> cover.</summary>
    /// <value>Defaults to <see cref="OutboundMode.AllowAny"/>.</value>
    public OutboundMode Mode { get; init; }

    /// <summary>
    /// The services and external services the workloads see, each <c>namespace/host</c>: the namespace is a name, <c>.</c>
    /// (the policy's own namespace) or <c>*</c> (any); the host is <c>*</c> (every host of that namespace), a DNS name
    /// (a service's <c>name.namespace.svc.cluster.local</c>, an external service's host) or a <c>*.</c> wildcard. Empty:
    /// every service and external service of the mesh.
    /// </summary>
    public EquatableArray<string> Hosts { get; init; }

    /// <summary>Whether this policy covers <paramref name="host"/> of a service or external service in namespace <paramref name="hostNamespace"/>, for a workload of <paramref name="workloadNamespace"/>.</summary>
    /// <param name="hostNamespace">The namespace the service or external service is declared in.</param>
    /// <param name="host">One of its DNS names.</param>
    /// <param name="workloadNamespace">The namespace of the calling workload (what <c>.</c> stands for).</param>
    /// <returns>True when <see cref="Hosts"/> is empty or an entry matches both namespace and host.</returns>
    public bool Covers(string hostNamespace, string host, string workloadNamespace)
    {
        if (Hosts.IsEmpty) return true;
        foreach (var entry in Hosts)
        {
            var slash = entry.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0) continue;
            var ns = entry[..slash];
            var pattern = entry[(slash + 1)..];
            var nsMatches = ns == "*" || (ns == "." ? hostNamespace == workloadNamespace : ns == hostNamespace);
            if (nsMatches && HostMatches(pattern, host)) return true;
        }
        return false;
    }

    /// <summary>
    /// Whether <paramref name="entry"/> is a host entry of <see cref="Hosts"/>: <c>namespace/host</c>, the namespace a DNS
    /// label, <c>.</c> (the workloads' own) or <c>*</c> (any), the host <c>*</c>, a DNS name, or one whose first label is <c>*</c>.
    /// Validation (MESH2030) and the providers that read such entries check them with this one rule.
    /// </summary>
    /// <param name="entry">The entry.</param>
    /// <returns>True when it is well formed.</returns>
    public static bool IsHostEntry([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? entry) => Validation.Validators.OutboundPolicyValidator.Problem(entry) is null;

    /// <summary>Whether a host pattern (<c>*</c>, <c>*.suffix</c> or a DNS name) matches <paramref name="host"/>, ignoring case.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <param name="host">The host name.</param>
    /// <returns>True when it matches.</returns>
    public static bool HostMatches(string pattern, string host) =>
        pattern == "*"
        || string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase)
        || (pattern.StartsWith("*.", StringComparison.Ordinal) && host.Length > pattern.Length - 1
            && host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase));
}
