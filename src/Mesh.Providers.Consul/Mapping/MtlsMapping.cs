using Mesh.Model;
using Mesh.Providers.Consul.Resources;
using Mesh.Providers.Consul.Translation;

namespace Mesh.Providers.Consul.Mapping;

/// <summary>
/// mTLS policies → <c>mutualTLSMode</c>: the mesh scope on <c>ProxyDefaults global</c>, a namespace or workload scope on the
/// <c>ServiceDefaults</c> of each model service it covers (a workload scope covers the services whose selector its labels
/// include; the narrower scope wins, as in the model). <c>permissive</c> also needs <c>Mesh.allowEnablingPermissiveMutualTLS</c>
/// and only affects transparent-proxy inbound traffic (reported). A namespace scope covers only the model's services of it
/// (reported, as a scope of no model service is). Consul's mTLS cannot be disabled, nor set per port.
/// </summary>
internal static partial class MtlsMapping
{
    public static (ProxyDefaults? Proxy, bool Permissive) ToConsul(ConsulExportContext ctx)
    {
        var policies = ctx.Config.Mtls;
        ProxyDefaults? proxy = null;
        var permissive = false;
        var rank = new Dictionary<ServiceRef, int>();
        for (var i = 0; i < policies.Count; i++)
        {
            var policy = policies[i];
            var path = $"$.spec.mtls[{i}]";
            if (policy.Mode == MtlsMode.Disabled)
            {
                ctx.UnsupportedOnce($"{path}.mode", "Consul's mTLS is always on inside the mesh: it cannot be disabled.");
                continue;
            }
            var mode = policy.Mode == MtlsMode.Strict ? "strict" : "permissive";
            if (policy.Mode == MtlsMode.Permissive)
            {
                permissive = true;
                ctx.NoteOnce($"{path}.mode", "Consul's permissive mode needs Mesh allowEnablingPermissiveMutualTLS (written) and applies to transparent-proxy inbound traffic only.");
            }
            var scope = policy.Scope;
            switch (scope.Kind)
            {
                case MtlsScopeKind.Mesh:
                    proxy = ConsulEntries.Create<ProxyDefaults>("global", ctx.Options.DefaultNamespace);
                    proxy.Spec.MutualTLSMode = mode;
                    break;
                case MtlsScopeKind.Namespace:
                    var members = ctx.Config.Services.Where(s => s.Namespace == scope.Namespace).ToList();
                    if (members.Count == 0) ctx.UnsupportedOnce($"{path}.scope.namespace", ctx.Message("Consul sets the mTLS mode per service: the model declares no service in namespace '{0}', so nothing is written.", scope.Namespace!));
                    else ctx.ApproximatedOnce($"{path}.scope.namespace", ctx.Message("Consul sets the mTLS mode per service: written on the ServiceDefaults of the model's services of namespace '{0}'; its other services keep the mesh's mode.", scope.Namespace!));
                    Apply(members, mode, 1, rank, ctx);
                    break;
                default:
                    if (scope.Kind == MtlsScopeKind.Port) ctx.ApproximatedOnce($"{path}.scope.port", "Consul sets the mTLS mode per service, not per port: it is written for the whole service.");
                    var covered = ctx.Config.Services.Where(s => s.Namespace == scope.Namespace && s.EffectiveSelector.All(l => scope.Workload.TryGetValue(l.Key, out var v) && v == l.Value)).ToList();
                    if (covered.Count == 0) ctx.UnsupportedOnce($"{path}.scope.workload", "Consul sets the mTLS mode per service: no model service's selector is covered by these workload labels, so nothing is written.");
                    else ctx.NoteOnce($"{path}.scope.workload", "Consul sets the mTLS mode per service: written on the services whose selector the workload labels include.");
                    Apply(covered, mode, scope.Kind == MtlsScopeKind.Port ? 3 : 2, rank, ctx);
                    break;
            }
        }
        return (proxy, permissive);
    }

    private static void Apply(IEnumerable<MeshService> services, string mode, int narrowness, Dictionary<ServiceRef, int> rank, ConsulExportContext ctx)
    {
        foreach (var service in services)
        {
            if (rank.TryGetValue(service.Reference, out var current) && current > narrowness) continue;
            rank[service.Reference] = narrowness;
            ctx.DefaultsOf(service.Reference).Spec.MutualTLSMode = mode;
        }
    }
}
