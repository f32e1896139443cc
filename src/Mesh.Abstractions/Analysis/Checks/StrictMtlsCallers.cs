using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Analysis.Checks;

/// <summary>
/// Strict mTLS on a service whose allow rules admit callers outside the mesh: unauthenticated callers and IP blocks have
/// no mesh certificate, so strict mTLS refuses their connections before authorization ever admits them.
/// </summary>
internal static class StrictMtlsCallers
{
    public static void Check(AnalysisContext ctx)
    {
        var config = ctx.Config;
        foreach (var (_, service) in AnalysisContext.Items(config.Services))
        {
            if (EffectiveMtls.Of(config, service) is not { Policy.Mode: MtlsMode.Strict } strict) continue;
            foreach (var (p, policy) in AnalysisContext.Items(config.AccessPolicies))
            {
                if (policy.Action != AccessAction.Allow || !Protects(policy, service)) continue;
                foreach (var (k, rule) in AnalysisContext.Items(policy.Rules))
                {
                    if (rule.From is not { } from || (!from.Unauthenticated && from.IpBlocks.IsEmpty)) continue;
                    var who = from.Unauthenticated ? "unauthenticated callers" : $"callers from {string.Join(", ", from.IpBlocks)}";
                    ctx.Warning(
                        DiagnosticCodes.StrictMtlsRefusesCallers,
                        $"$.spec.accessPolicies[{p}].rules[{k}].from",
                        $"This rule admits {who} to '{service.Reference}', but strict mTLS there ($.spec.mtls[{strict.Index}]) refuses connections without a mesh certificate: " +
                        "they can never call it. Make the service's mTLS permissive, or have those callers join the mesh.");
                }
            }
        }
    }

    internal static bool Protects(AccessPolicy policy, MeshService service) =>
        policy.Target is { } target ? target.Service == service.Reference : policy.Namespace == service.Namespace;
}
