using Mesh.Model;

namespace Mesh.Compliance.BuiltIn;

/// <summary><c>mirror-not-external</c>: no rule mirrors traffic to an external service (copies of requests would leave the mesh).</summary>
internal sealed class MirrorNotExternal : BuiltInCheck
{
    public override string Id => "mirror-not-external";

    public override string Description => "No rule mirrors traffic to an external service (copies of requests, with their data, would leave the mesh).";

    public override IEnumerable<Hit> Run(CheckContext context, IReadOnlyDictionary<string, object> parameters)
    {
        var externals = new HashSet<ServiceRef>(CheckContext.Items(context.Config.ExternalServices).Select(e => new ServiceRef(e.Item.Name, e.Item.Namespace)));
        if (externals.Count == 0) yield break;
        foreach (var (r, route) in CheckContext.Items(context.Config.Routes))
        {
            foreach (var (k, rule) in CheckContext.Items(route.Rules))
            {
                if (rule.Mirror is not { } mirror || !externals.Contains(mirror.Service)) continue;
                yield return new Hit($"$.spec.routes[{r}].rules[{k}].mirror", $"Rule {k} of route '{route.Namespace}/{route.Name}' mirrors requests to the external service '{mirror.Service}': copies of in-mesh traffic would leave the mesh.", RuleSubject.RouteRules, route.Namespace, route.Name, context.Labels(route.Host));
            }
        }
    }
}
