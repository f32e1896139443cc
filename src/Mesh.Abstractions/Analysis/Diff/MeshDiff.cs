using Mesh.Model;

namespace Mesh.Analysis;

/// <summary>
/// The semantic difference between a desired model and a live one (e.g. imported from a cluster's manifests): what differs in
/// behaviour, per object, with paths and old → new values. A difference that moves no traffic and grants no access is not a
/// change: the order of lists whose order means nothing, defaults spelled out or left out, equivalent durations and weights
/// (<c>1000ms</c> = <c>1s</c>, <c>9/1</c> = <c>90/10</c>), route names and the way rules are written when they send the same
/// requests to the same workloads with the same shares.
/// </summary>
/// <remarks>
/// <para>
/// Routing comes from the behaviour evaluator (<see cref="MeshBehaviour"/>): HTTP rules and TCP routes are paired by host, port
/// and canonical matches, and their traffic compared as exact shares of workloads (namespace + labels); a weight, subset,
/// selector or port that sends traffic elsewhere is a change of the rule's <c>backends</c> (or <c>mirror</c>, <c>redirect</c>),
/// and a rule that now takes requests before another is a change of its position. The rest of a paired HTTP rule (timeout,
/// retry, fault, rewrite, header changes, CORS) is compared field by field.
/// </para>
/// <para>
/// Services are paired by name and namespace, destination policies by target, mTLS policies by scope, access policies,
/// request authentications and external services by namespace and name (two that differ only in name are one renamed, not a change); each is compared
/// field by field in normal form (<see cref="MeshConfig.Normalize"/>). Service ports are paired by number and compared by
/// protocol and target port (their names route nothing); access rules are compared as a set. A destination policy that sets
/// nothing and a deny policy without rules are the same as none. The model's name is not compared.
/// </para>
/// </remarks>
public static class MeshDiff
{
    /// <summary>
    /// Compares <paramref name="desired"/> with <paramref name="live"/>. Never throws on a model validation rejects (dangling
    /// references, bad weights or ports, duplicates); members set to null where their types allow none, or to undefined enum
    /// values, are programmer errors.
    /// </summary>
    /// <param name="desired">The model as it should be; <see cref="MeshChange.DesiredPath"/> indexes it as given.</param>
    /// <param name="live">The model as it is; <see cref="MeshChange.LivePath"/> indexes it as given.</param>
    /// <returns>The changes; none when the models behave alike.</returns>
    public static MeshDiffResult Compare(MeshConfig desired, MeshConfig live)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(live);
        var changes = new List<MeshChange>();
        PolicyComparison.Services(desired, live, changes);
        RuleComparison.Compare(desired, live, changes);
        PolicyComparison.DestinationPolicies(desired, live, changes);
        PolicyComparison.Mtls(desired, live, changes);
        PolicyComparison.AccessPolicies(desired, live, changes);
        PolicyComparison.RequestAuthentications(desired, live, changes);
        PolicyComparison.ExternalServices(desired, live, changes);
        // Stable: HTTP rules before TCP routes, each object's changes together.
        return new MeshDiffResult([.. changes.OrderBy(c => c.Object)]);
    }

    /// <summary>The word a text heading names an object kind with: <c>service</c>, <c>route</c> (an HTTP rule or a TCP route: their names say which), <c>access policy</c>, ….</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The lower-case words.</returns>
    public static string Heading(MeshObjectKind kind) => kind switch
    {
        MeshObjectKind.Service => "service",
        MeshObjectKind.RouteRule or MeshObjectKind.TcpRoute => "route",
        MeshObjectKind.DestinationPolicy => "destination policy",
        MeshObjectKind.MtlsPolicy => "mtls policy",
        MeshObjectKind.AccessPolicy => "access policy",
        MeshObjectKind.RequestAuthentication => "request authentication",
        _ => "external service",
    };
}
