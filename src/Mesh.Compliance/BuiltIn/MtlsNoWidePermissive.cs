using Mesh.Model;

namespace Mesh.Compliance.BuiltIn;

/// <summary><c>mtls-no-wide-permissive</c>: no permissive or disabled mTLS policy is scoped wider than a workload (the mesh or a whole namespace).</summary>
internal sealed class MtlsNoWidePermissive : BuiltInCheck
{
    public override string Id => "mtls-no-wide-permissive";

    public override string Description => "No permissive or disabled mTLS policy is scoped wider than a workload (a whole namespace or the mesh).";

    public override IEnumerable<Hit> Run(CheckContext context, IReadOnlyDictionary<string, object> parameters)
    {
        foreach (var (i, policy) in CheckContext.Items(context.Config.Mtls))
        {
            if (policy.Mode == MtlsMode.Strict || policy.Scope is not { Workload.IsEmpty: true } scope) continue;
            var wide = scope.Namespace is null ? "the whole mesh" : $"all of namespace '{scope.Namespace}'";
            yield return new Hit($"$.spec.mtls[{i}]", $"mTLS is {WireNames.Of(policy.Mode)} for {wide}; scope a non-strict mode to the workloads that need it (a workload selector).", RuleSubject.Mtls, scope.Namespace, null, default);
        }
    }
}
