namespace Mesh.Compliance.BuiltIn;

/// <summary>
/// <c>retry-bounded</c>: retries are bounded — at most <c>maxAttempts</c> attempts, and attempts × per-try timeout within the
/// rule's timeout (checked where both are given; a rule without a timeout is <c>route-timeout</c>'s).
/// </summary>
internal sealed class RetryBounded : BuiltInCheck
{
    public override string Id => "retry-bounded";

    public override string Description => "Retries are bounded: attempts at most the parameter maxAttempts, and attempts × per-try timeout at most the rule's timeout.";

    public override IReadOnlyList<CheckParameter> Parameters { get; } = [new("maxAttempts", ParameterType.Count, "3", "The most retry attempts a rule may make.")];

    public override IEnumerable<Hit> Run(CheckContext context, IReadOnlyDictionary<string, object> parameters)
    {
        var maxAttempts = (int)parameters["maxAttempts"];
        foreach (var (r, route) in CheckContext.Items(context.Config.Routes))
        {
            var labels = context.Labels(route.Host);
            foreach (var (k, rule) in CheckContext.Items(route.Rules))
            {
                if (rule.Retry is not { Attempts: > 0 } retry) continue;
                var path = $"$.spec.routes[{r}].rules[{k}].retry";
                var name = $"Rule {k} of route '{route.Namespace}/{route.Name}'";
                if (retry.Attempts > maxAttempts)
                {
                    yield return new Hit(path + ".attempts", $"{name} retries {retry.Attempts} times, more than the maximum of {maxAttempts}: retries multiply the load on a failing backend.", RuleSubject.RouteRules, route.Namespace, route.Name, labels);
                }
                if (rule.Timeout is { } timeout && retry.PerTryTimeout is { } perTry && perTry * retry.Attempts > timeout)
                {
                    yield return new Hit(path + ".perTryTimeout", $"{name} makes {retry.Attempts} attempts of up to {CheckContext.Duration(perTry)} each ({CheckContext.Duration(perTry * retry.Attempts)}), more than its timeout of {CheckContext.Duration(timeout)}; lower the attempts or the per-try timeout.", RuleSubject.RouteRules, route.Namespace, route.Name, labels);
                }
            }
        }
    }
}
