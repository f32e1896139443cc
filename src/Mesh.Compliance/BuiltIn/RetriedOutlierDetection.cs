using Mesh.Model;

namespace Mesh.Compliance.BuiltIn;

/// <summary>
/// <c>outlier-detection</c>: every destination that callers retry (a backend of a rule with retries) has outlier detection — a
/// destination policy of its service, for the whole service or its subset, that ejects failing endpoints. Each destination is
/// reported once, at the first rule that retries it.
/// </summary>
internal sealed class RetriedOutlierDetection : BuiltInCheck
{
    public override string Id => "outlier-detection";

    public override string Description => "Every destination that callers retry has outlier detection (a destination policy of its service or subset).";

    public override IEnumerable<Hit> Run(CheckContext context, IReadOnlyDictionary<string, object> parameters)
    {
        var config = context.Config;
        var covered = new HashSet<(ServiceRef, string?)>();
        var coveredServices = new HashSet<ServiceRef>();
        foreach (var (_, policy) in CheckContext.Items(config.DestinationPolicies))
        {
            if (policy.OutlierDetection is null || policy.Target is null) continue;
            if (policy.Target.Subset is null) coveredServices.Add(policy.Target.Service);
            else covered.Add((policy.Target.Service, policy.Target.Subset));
        }
        var reported = new HashSet<(ServiceRef, string?)>();
        foreach (var (r, route) in CheckContext.Items(config.Routes))
        {
            foreach (var (k, rule) in CheckContext.Items(route.Rules))
            {
                if (rule.Retry is not { Attempts: > 0 }) continue;
                foreach (var (b, backend) in CheckContext.Items(rule.Backends))
                {
                    var destination = (backend.Service, backend.Subset);
                    if (coveredServices.Contains(backend.Service) || covered.Contains(destination) || !reported.Add(destination)) continue;
                    var name = backend.Subset is null ? $"'{backend.Service}'" : $"subset '{backend.Subset}' of '{backend.Service}'";
                    yield return new Hit(
                        $"$.spec.routes[{r}].rules[{k}].backends[{b}]",
                        $"Rule {k} of route '{route.Namespace}/{route.Name}' retries calls to {name}, which has no outlier detection: retries keep landing on failing endpoints. Add a destination policy with outlierDetection for it.",
                        RuleSubject.DestinationPolicies, backend.Service.Namespace, backend.Service.Name, context.Labels(backend.Service, backend.Subset));
                }
            }
        }
    }
}
