namespace Mesh.Compliance.BuiltIn;

/// <summary><c>route-timeout</c>: every HTTP route rule that sends traffic has a timeout, at most <c>max</c>.</summary>
internal sealed class RouteTimeout : BuiltInCheck
{
    public override string Id => "route-timeout";

    public override string Description => "Every HTTP route rule that sends traffic has a timeout, at most the parameter max.";

    public override IReadOnlyList<CheckParameter> Parameters { get; } = [new("max", ParameterType.Duration, "30s", "The longest timeout a rule may have.")];

    public override IEnumerable<Hit> Run(CheckContext context, IReadOnlyDictionary<string, object> parameters)
    {
        var max = (TimeSpan)parameters["max"];
        foreach (var (r, route) in CheckContext.Items(context.Config.Routes))
        {
            var labels = context.Labels(route.Host);
            foreach (var (k, rule) in CheckContext.Items(route.Rules))
            {
                if (rule.Redirect is not null) continue;
                var path = $"$.spec.routes[{r}].rules[{k}]";
                if (rule.Timeout is not { } timeout)
                {
                    yield return new Hit(path, $"Rule {k} of route '{route.Namespace}/{route.Name}' has no timeout, so a slow backend holds its callers for as long as the mesh's default allows; set one of at most {CheckContext.Duration(max)}.", RuleSubject.RouteRules, route.Namespace, route.Name, labels);
                }
                else if (timeout > max)
                {
                    yield return new Hit(path + ".timeout", $"Rule {k} of route '{route.Namespace}/{route.Name}' has a timeout of {CheckContext.Duration(timeout)}, more than the maximum of {CheckContext.Duration(max)}.", RuleSubject.RouteRules, route.Namespace, route.Name, labels);
                }
            }
        }
    }
}
