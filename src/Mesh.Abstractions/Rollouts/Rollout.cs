using System.Globalization;
using Mesh.Collections;
using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Rollouts;

/// <summary>
/// A progressive delivery of one service from its stable subset to its canary subset: <see cref="Apply"/> gives the model of
/// each step (a weight to the canary, an A/B test by header, a mirror to the canary), for a controller (or <c>mesh rollout</c>)
/// to translate and apply, step after step.
/// </summary>
/// <remarks>
/// <para>
/// A step changes only the rules of the service's HTTP routes that send its traffic to its stable subset and nowhere but the
/// stable and canary subsets (the <em>rollout rules</em>, typically the catch-all rule); every other rule, of that route and of
/// every other route, and everything else in the model is left as it is. A rollout rule keeps its matches, timeout, retries,
/// faults, rewrites, header changes and CORS; its backends become the stable and the canary, in that order, with the step's
/// weights (both are always written, a weight of 0 included, so that each step is a change of weights only), on the port its
/// stable backend named. A mirror to the canary is the rollout's own: a mirror step sets it, the other steps remove it; a
/// mirror to anything else is kept, and a mirror step on a rule that has one is an error (a rule has one mirror).
/// </para>
/// <para>
/// A header step also inserts, just before each rollout rule, a rule with the rollout rule's matches each narrowed by the
/// header (and its other settings) that sends everything to the canary; when the rule just before is already that rule
/// (a header step applied again) none is inserted. When the service has no HTTP route, the step creates one, named after
/// the service (or <c>&lt;name&gt;-rollout</c> when that name is taken), with one catch-all rule.
/// </para>
/// <para>
/// Each step is meant for the model the rollout started from (the baseline in source control): taking a weight or mirror step
/// on the model of an earlier weight or mirror step gives the same model as taking it on the baseline, but a header step's
/// rule stays until the step is taken on the baseline again. A valid model gives a valid model.
/// </para>
/// </remarks>
public sealed record Rollout
{
    /// <summary>The service rolled out (the host of the HTTP route whose rules are stepped).</summary>
    public required ServiceRef Service { get; init; }

    /// <summary>The subset that runs the current version and receives the traffic the canary does not.</summary>
    public required string Stable { get; init; }

    /// <summary>The subset that runs the new version.</summary>
    public required string Canary { get; init; }

    /// <summary>
    /// The model of <paramref name="step"/>: <paramref name="config"/> with the service's rollout rules sending the step's shares
    /// to the stable and the canary. Never throws on bad input: an unknown service or subset, a step out of range, or a model
    /// with no rule to step gives errors (MESH60xx) and no model. The model is not validated here (use
    /// <see cref="Validation.MeshValidator"/>).
    /// </summary>
    /// <param name="config">The model, usually the baseline the rollout started from.</param>
    /// <param name="step">The step: <see cref="RolloutStep.Weight"/>, <see cref="RolloutStep.Header"/> or <see cref="RolloutStep.Mirror"/>.</param>
    /// <returns>The stepped model with the paths of the rules that carry the step, or the errors.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public RolloutResult Apply(MeshConfig config, RolloutStep step)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(step);
        var diagnostics = new List<Diagnostic>();
        CheckStep(step, diagnostics);
        if (string.IsNullOrEmpty(Stable)) diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidRolloutStep, "$.rollout.stable", "The rollout needs a stable subset."));
        if (string.IsNullOrEmpty(Canary)) diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidRolloutStep, "$.rollout.canary", "The rollout needs a canary subset."));
        if (!string.IsNullOrEmpty(Stable) && string.Equals(Stable, Canary, StringComparison.Ordinal))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidRolloutStep, "$.rollout.canary", $"The canary is the stable subset '{Stable}'; a rollout moves traffic between two subsets."));
        }

        var service = Service.Name is null || Service.Namespace is null ? null : config.Services.FirstOrDefault(s => s is not null && s.Reference == Service);
        if (service is null)
        {
            var known = config.Services.Where(s => s is not null).Select(s => s.Reference.ToString()).ToList();
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.RolloutServiceUnknown, "$.rollout.service",
                $"The model declares no service '{Service}'{(known.Count == 0 ? "." : $"; it declares {string.Join(", ", known)}.")}"));
        }
        else
        {
            CheckSubset(service, Stable, "stable", diagnostics);
            CheckSubset(service, Canary, "canary", diagnostics);
        }
        if (service is null || diagnostics.Any(d => d.IsError)) return Failed(diagnostics);

        var stepped = new List<string>();
        var headerRules = new List<string>();
        var routes = config.Routes.ToList();
        var routed = Enumerable.Range(0, routes.Count).Where(i => routes[i] is { } r && r.Host == Service).ToList();
        if (routed.Count == 0)
        {
            if (!service.Ports.Any(p => p?.Protocol is Protocol.Http or Protocol.Http2 or Protocol.Grpc))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.NoRolloutRule, ServicePath(config, service),
                    $"The service {Service} has no HTTP route and no HTTP, HTTP/2 or gRPC port to route; a rollout steps HTTP traffic."));
                return Failed(diagnostics);
            }
            var index = routes.Count;
            var rules = new List<HttpRouteRule>();
            StepRule(new HttpRouteRule(), step, rules, index, stepped, headerRules);
            routes.Add(new HttpRoute { Name = RouteName(config), Namespace = service.Namespace, Host = Service, Rules = [.. rules] });
            diagnostics.Add(Diagnostic.Info(DiagnosticCodes.RolloutRouteCreated, $"$.spec.routes[{I(index)}]",
                $"The service {Service} had no HTTP route; route '{routes[^1].Name}' was created with a catch-all rule for the step."));
        }
        else
        {
            foreach (var i in routed)
            {
                var route = routes[i];
                var rules = new List<HttpRouteRule>();
                for (var j = 0; j < route.Rules.Count; j++)
                {
                    var rule = route.Rules[j];
                    if (!IsRolloutRule(rule))
                    {
                        rules.Add(rule);
                        continue;
                    }
                    var path = $"$.spec.routes[{I(i)}].rules[{I(j)}]";
                    if (step is MirrorStep && rule.Mirror is { } mirror && !IsOwnMirror(mirror))
                    {
                        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.RolloutMirrorInUse, path + ".mirror",
                            $"This rule already mirrors to {Describe(mirror)}; a rule has one mirror, so the canary cannot be mirrored here."));
                    }
                    if (step is HeaderStep header) CheckHeaderConflicts(rule, header, path, diagnostics);
                    StepRule(rule, step, rules, i, stepped, headerRules);
                }
                routes[i] = route with { Rules = [.. rules] };
            }
            if (stepped.Count == 0)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.NoRolloutRule, $"$.spec.routes[{I(routed[0])}].rules",
                    $"No rule of route '{routes[routed[0]].Name}' sends the traffic of {Service} to its stable subset '{Stable}' (and nowhere but '{Stable}' and '{Canary}'); "
                    + $"route it to '{Stable}' first, e.g. a catch-all rule with the backend {{ service: {Service}, subset: {Stable} }}."));
            }
        }
        if (diagnostics.Any(d => d.IsError)) return Failed(diagnostics);
        return new RolloutResult { Config = config with { Routes = [.. routes] }, Diagnostics = diagnostics, SteppedRules = stepped, HeaderRules = headerRules };
    }

    /// <summary>Whether the rule forwards the service's traffic to its stable subset and nowhere but the stable and canary subsets.</summary>
    private bool IsRolloutRule(HttpRouteRule? rule) =>
        rule is { Redirect: null, Backends.IsEmpty: false }
        && rule.Backends.All(b => b is not null && b.Service == Service && (IsSubset(b.Subset, Stable) || IsSubset(b.Subset, Canary)))
        && rule.Backends.Any(b => IsSubset(b.Subset, Stable));

    private bool IsOwnMirror(Mirror mirror) => mirror.Service == Service && IsSubset(mirror.Subset, Canary);

    private static bool IsSubset(string? subset, string name) => string.Equals(subset, name, StringComparison.Ordinal);

    /// <summary>Appends the stepped <paramref name="rule"/> to <paramref name="rules"/>, after the header rule of a header step.</summary>
    private void StepRule(HttpRouteRule rule, RolloutStep step, List<HttpRouteRule> rules, int routeIndex, List<string> stepped, List<string> headerRules)
    {
        // The port the stable backend named (null: the request's port, or the service's only one).
        var port = rule.Backends.FirstOrDefault(b => b is not null && IsSubset(b.Subset, Stable))?.Port;
        var kept = rule.Mirror is { } mirror && !IsOwnMirror(mirror) ? mirror : null;
        if (step is HeaderStep header)
        {
            var canaryRule = rule with
            {
                Matches = WithHeader(rule.Matches, ValueMatch.Exact(header.Name, header.Value)),
                Backends = [new WeightedBackend { Service = Service, Subset = Canary, Port = port, Weight = 100 }],
                Mirror = kept,
            };
            // A header step taken again finds its rule already there.
            if (rules.Count == 0 || rules[^1] != canaryRule) rules.Add(canaryRule);
            headerRules.Add($"$.spec.routes[{I(routeIndex)}].rules[{I(rules.Count - 1)}]");
        }
        var canaryWeight = step is WeightStep weight ? weight.CanaryWeight : 0;
        rules.Add(rule with
        {
            Backends =
            [
                new WeightedBackend { Service = Service, Subset = Stable, Port = port, Weight = 100 - canaryWeight },
                new WeightedBackend { Service = Service, Subset = Canary, Port = port, Weight = canaryWeight },
            ],
            Mirror = step is MirrorStep { Percentage: > 0 } copy
                ? new Mirror { Service = Service, Subset = Canary, Port = port, Percentage = copy.Percentage }
                : kept,
        });
        stepped.Add($"$.spec.routes[{I(routeIndex)}].rules[{I(rules.Count - 1)}]");
    }

    /// <summary>Every alternative narrowed by <paramref name="header"/>; for a catch-all rule, the header alone.</summary>
    private static EquatableArray<HttpMatch> WithHeader(EquatableArray<HttpMatch> matches, ValueMatch header) =>
        matches.IsEmpty
            ? [new HttpMatch { Headers = [header] }]
            : [.. matches.Select(m => m is null ? m! : m with { Headers = [.. m.Headers, header] })];

    /// <summary>An alternative that already conditions the step's header would need two conditions on one header, which meshes key by name.</summary>
    private static void CheckHeaderConflicts(HttpRouteRule rule, HeaderStep step, string path, List<Diagnostic> diagnostics)
    {
        for (var k = 0; k < rule.Matches.Count; k++)
        {
            if (rule.Matches[k] is not { } match) continue;
            for (var h = 0; h < match.Headers.Count; h++)
            {
                if (match.Headers[h] is { } condition && string.Equals(condition.Name, step.Name, StringComparison.OrdinalIgnoreCase))
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidRolloutStep, $"{path}.matches[{I(k)}].headers[{I(h)}]",
                        $"This rule already matches on header '{condition.Name}'; an A/B step by the same header would need two conditions on it. Choose another header."));
                }
            }
        }
    }

    private static void CheckStep(RolloutStep step, List<Diagnostic> diagnostics)
    {
        switch (step)
        {
            case WeightStep { CanaryWeight: < 0 or > 100 } weight:
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidRolloutStep, "$.rollout.step.weight",
                    $"The canary's weight is {weight.CanaryWeight.ToString(CultureInfo.InvariantCulture)}; it is a percentage, 0–100."));
                break;
            case MirrorStep { Percentage: < 0 or > 100 } mirror:
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidRolloutStep, "$.rollout.step.mirror",
                    $"The mirrored percentage is {mirror.Percentage.ToString(CultureInfo.InvariantCulture)}; it is 0–100."));
                break;
            case HeaderStep header:
                if (string.IsNullOrEmpty(header.Name) || !header.Name.All(IsTokenChar))
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidRolloutStep, "$.rollout.step.header.name",
                        $"The header name '{header.Name}' is not an HTTP header name (letters, digits and !#$%&'*+-.^_`|~)."));
                }
                if (string.IsNullOrEmpty(header.Value) || header.Value.Any(char.IsControl))
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidRolloutStep, "$.rollout.step.header.value",
                        "The header value must be non-empty text without control characters: the canary's requests carry it."));
                }
                break;
        }
    }

    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal);

    private static void CheckSubset(MeshService service, string? subset, string role, List<Diagnostic> diagnostics)
    {
        if (string.IsNullOrEmpty(subset) || service.FindSubset(subset) is not null) return;
        var known = service.Subsets.Where(s => s is not null).Select(s => s.Name).ToList();
        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.RolloutSubsetUnknown, $"$.rollout.{role}",
            $"The service {service.Reference} has no subset '{subset}' (the {role}){(known.Count == 0 ? "; it defines none." : $"; it has {string.Join(", ", known)}.")}"));
    }

    /// <summary>The service's name, or <c>&lt;name&gt;-rollout</c> (then <c>-rollout-2</c>, …) when a route of the namespace has it.</summary>
    private string RouteName(MeshConfig config)
    {
        var taken = config.Routes.Where(r => r is not null && r.Namespace == Service.Namespace).Select(r => r.Name)
            .Concat(config.TcpRoutes.Where(r => r is not null && r.Namespace == Service.Namespace).Select(r => r.Name))
            .ToHashSet(StringComparer.Ordinal);
        if (!taken.Contains(Service.Name)) return Service.Name;
        var name = Service.Name + "-rollout";
        for (var n = 2; taken.Contains(name); n++) name = $"{Service.Name}-rollout-{I(n)}";
        return name;
    }

    private static string ServicePath(MeshConfig config, MeshService service)
    {
        for (var i = 0; i < config.Services.Count; i++)
        {
            if (ReferenceEquals(config.Services[i], service)) return $"$.spec.services[{I(i)}]";
        }
        return "$.rollout.service";
    }

    private static string Describe(Mirror mirror) => mirror.Subset is null ? mirror.Service.ToString() : $"{mirror.Service} subset {mirror.Subset}";

    private static RolloutResult Failed(List<Diagnostic> diagnostics) => new() { Diagnostics = diagnostics };

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}
