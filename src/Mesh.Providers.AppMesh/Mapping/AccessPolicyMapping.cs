using Mesh.Model;
using Mesh.Providers.AppMesh.Translation;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>
/// Access policies: App Mesh has no identity-based authorization, so every policy is reported as a whole. The one thing App
/// Mesh can say is which virtual services a node calls (its <c>backends</c>): <see cref="Allows"/> leaves a service out of the
/// backends of nodes in namespaces its ALLOW policies do not name.
/// </summary>
internal static partial class AccessPolicyMapping
{
    public static void Report(MeshConfig config, AppMeshExportContext ctx)
    {
        for (var i = 0; i < config.AccessPolicies.Count; i++)
        {
            ctx.Unsupported($"$.spec.accessPolicies[{i}]", "App Mesh has no identity-based authorization: the policy is not written (a virtual node's backends only list the virtual services it may call; an ALLOW policy naming only namespaces leaves the service out of the backends of nodes in other namespaces).");
        }
    }

    /// <summary>
    /// Whether nodes in <paramref name="callerNamespace"/> keep <paramref name="target"/> among their backends: false only when
    /// ALLOW policies apply to the whole service (targeting it without a subset, or its namespace without a target) and each
    /// of their rules names callers by namespace only, none of them <paramref name="callerNamespace"/> (an ALLOW policy without
    /// rules allows no one). Rules naming anyone else (service accounts, IP blocks, unauthenticated callers, or no source) keep
    /// the backend: App Mesh cannot tell those callers apart.
    /// </summary>
    public static bool Allows(MeshConfig config, ServiceRef target, string callerNamespace)
    {
        var any = false;
        foreach (var policy in config.AccessPolicies)
        {
            if (policy.Action != AccessAction.Allow) continue;
            var applies = policy.Target is { } t
                ? t.Subset is null && t.Service == target
                : string.Equals(policy.Namespace, target.Namespace, StringComparison.Ordinal);
            if (!applies) continue;
            any = true;
            foreach (var rule in policy.Rules)
            {
                if (rule.From is not { } from || from.Namespaces.IsEmpty || !from.ServiceAccounts.IsEmpty || !from.IpBlocks.IsEmpty || from.Unauthenticated) return true;
                if (from.Namespaces.Contains(callerNamespace)) return true;
            }
        }
        return !any;
    }
}
