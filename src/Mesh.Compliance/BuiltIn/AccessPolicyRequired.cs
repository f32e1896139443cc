namespace Mesh.Compliance.BuiltIn;

/// <summary><c>access-policy-required</c>: every namespace with services has an access (authorization) policy.</summary>
internal sealed class AccessPolicyRequired : BuiltInCheck
{
    public override string Id => "access-policy-required";

    public override string Description => "Every namespace with services has an access (authorization) policy.";

    public override IEnumerable<Hit> Run(CheckContext context, IReadOnlyDictionary<string, object> parameters)
    {
        var withPolicy = new HashSet<string>(CheckContext.Items(context.Config.AccessPolicies).Select(p => p.Item.Namespace), StringComparer.Ordinal);
        foreach (var (ns, firstService) in context.ServiceNamespaces)
        {
            if (withPolicy.Contains(ns)) continue;
            yield return new Hit($"$.spec.services[{firstService}]", $"Namespace '{ns}' has services but no access policy, so every caller in the mesh reaches them; add an allow policy naming the callers.", RuleSubject.AccessPolicies, ns, null, default);
        }
    }
}
