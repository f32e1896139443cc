using Mesh.Model;

namespace Mesh.Compliance.BuiltIn;

/// <summary>
/// <c>mtls-strict</c>: every namespace with services runs strict mTLS — its namespace-wide policy, or else the mesh-wide one,
/// is <c>strict</c>. A namespace with neither is a violation too: the mesh's own default (permissive in Istio) applies.
/// Workload and port scopes are <c>mtls-no-wide-permissive</c>'s concern.
/// </summary>
internal sealed class MtlsStrict : BuiltInCheck
{
    public override string Id => "mtls-strict";

    public override string Description => "Every namespace with services runs strict mTLS (its namespace-wide policy, else the mesh-wide one, is strict).";

    public override IEnumerable<Hit> Run(CheckContext context, IReadOnlyDictionary<string, object> parameters)
    {
        var config = context.Config;
        (int Index, MtlsPolicy Policy)? mesh = null;
        var namespaces = new Dictionary<string, (int, MtlsPolicy)>(StringComparer.Ordinal);
        foreach (var (i, policy) in CheckContext.Items(config.Mtls))
        {
            if (policy.Scope is not { Workload.IsEmpty: true, Port: null } scope) continue;
            if (scope.Namespace is null) mesh ??= (i, policy);
            else namespaces.TryAdd(scope.Namespace, (i, policy));
        }
        foreach (var (ns, firstService) in context.ServiceNamespaces)
        {
            (int Index, MtlsPolicy Policy)? decisive = namespaces.TryGetValue(ns, out var own) ? own : mesh;
            if (decisive is var (index, policy))
            {
                if (policy.Mode == MtlsMode.Strict) continue;
                var scope = policy.Scope.Namespace is null ? "the mesh-wide policy" : "its namespace policy";
                yield return new Hit($"$.spec.mtls[{index}].mode", $"Namespace '{ns}' runs mTLS {WireNames.Of(policy.Mode)} ({scope}); make it strict.", RuleSubject.Mtls, ns, null, default);
            }
            else
            {
                yield return new Hit($"$.spec.services[{firstService}]", $"Namespace '{ns}' has no mTLS policy, neither its own nor a mesh-wide one, so the mesh's default applies (permissive in Istio); add '{{ scope: {{ namespace: {ns} }}, mode: strict }}'.", RuleSubject.Mtls, ns, null, default);
            }
        }
    }
}
