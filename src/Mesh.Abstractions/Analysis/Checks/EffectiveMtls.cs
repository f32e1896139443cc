using Mesh.Model;

namespace Mesh.Analysis.Checks;

/// <summary>
/// The mTLS policy that decides a service's mode: the narrowest scope covering its pods (a workload scope whose labels its
/// selector carries, then its namespace, then the mesh). Port scopes are left out: they decide one port only.
/// </summary>
internal static class EffectiveMtls
{
    public static (int Index, MtlsPolicy Policy)? Of(MeshConfig config, MeshService service)
    {
        (int Index, MtlsPolicy Policy, int Rank)? best = null;
        foreach (var (i, policy) in AnalysisContext.Items(config.Mtls))
        {
            if (policy.Scope is not { Port: null } scope) continue;
            int rank;
            if (scope.Namespace is null) rank = 0;
            else if (scope.Namespace != service.Namespace) continue;
            else if (scope.Workload.IsEmpty) rank = 1;
            else if (scope.Workload.All(l => service.EffectiveSelector.TryGetValue(l.Key, out var v) && v == l.Value)) rank = 2;
            else continue;
            if (best is null || rank > best.Value.Rank) best = (i, policy, rank);
        }
        return best is { } b ? (b.Index, b.Policy) : null;
    }
}
