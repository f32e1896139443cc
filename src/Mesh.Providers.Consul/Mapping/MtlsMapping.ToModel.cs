using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Consul.Translation;

namespace Mesh.Providers.Consul.Mapping;

/// <summary>
/// <c>mutualTLSMode</c> → mTLS policies: on the ProxyDefaults the mesh scope, on a ServiceDefaults the workload scope of its
/// service (the service's selector). Consul's mTLS is on by default, so an empty mode adds nothing.
/// </summary>
internal static partial class MtlsMapping
{
    public static List<MtlsPolicy> ToModel(ConsulImportIndex index, IReadOnlyList<MeshService> services, ImportContext ctx)
    {
        var policies = new List<MtlsPolicy>();
        foreach (var proxy in index.Proxies)
        {
            if (Mode(proxy.Resource.Spec?.MutualTLSMode, proxy.Source, ctx) is { } mode) policies.Add(new MtlsPolicy { Scope = MtlsScope.Mesh, Mode = mode });
        }
        foreach (var (key, doc) in index.Defaults)
        {
            if (RouterMapping.Annotation(doc.Resource.Metadata, ConsulEntries.SplitOf) is not null || doc.Resource.Spec?.Destination is not null) continue;
            if (Mode(doc.Resource.Spec?.MutualTLSMode, doc.Source, ctx) is not { } mode) continue;
            var selector = services.FirstOrDefault(s => s.Namespace == key.Namespace && s.Name == key.Name)?.EffectiveSelector ?? MeshService.DefaultSelector(key.Name);
            var scope = new MtlsScope { Namespace = key.Namespace, Workload = selector };
            // Services selecting the same pods are one workload scope: their modes agree (the export covers both alike) or conflict.
            if (policies.Find(p => p.Scope == scope) is { } same)
            {
                if (same.Mode != mode) ctx.NotImported(doc.Source, "$.spec.mutualTLSMode", $"Another service selecting the same pods sets mutualTLSMode '{same.Mode.ToString().ToLowerInvariant()}': the model has one mode per workload, so this one is not carried.");
                continue;
            }
            policies.Add(new MtlsPolicy { Scope = scope, Mode = mode });
        }
        return policies;
    }

    private static MtlsMode? Mode(string? text, string source, ImportContext ctx)
    {
        switch (text)
        {
            case null or "": return null;
            case "strict": return MtlsMode.Strict;
            case "permissive": return MtlsMode.Permissive;
            default:
                ctx.Invalid(source, "$.spec.mutualTLSMode", $"Consul's mutualTLSMode is strict or permissive, not '{text}'.");
                return null;
        }
    }
}
