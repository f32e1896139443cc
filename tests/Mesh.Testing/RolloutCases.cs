using CsCheck;
using Mesh.Collections;
using Mesh.Model;
using Mesh.Rollouts;
using Mesh.Validation;

namespace Mesh.Testing;

/// <summary>A model, a rollout of one of its services and a step: the input of <see cref="Rollout.Apply"/>.</summary>
/// <param name="Config">The model (valid).</param>
/// <param name="Rollout">The rollout: a service of the model with two or more subsets, a stable and a different canary subset.</param>
/// <param name="Step">The step.</param>
public sealed record RolloutCase(MeshConfig Config, Rollout Rollout, RolloutStep Step);

/// <summary>CsCheck generators of rollout steps and of models with something to step (<see cref="RolloutCase"/>).</summary>
public static class RolloutCases
{
    /// <summary>The header every generated header step uses; <see cref="MeshGenerators"/> never matches on it, so no rule conflicts with it.</summary>
    public const string Header = "x-canary";

    /// <summary>A weight (0–100), header (<see cref="Header"/>) or mirror step (a percentage with up to two decimals).</summary>
    public static Gen<RolloutStep> Step { get; } = Gen.OneOf(
        Gen.Int[0, 100].Select(w => (RolloutStep)RolloutStep.Weight(w)),
        Gen.OneOf("always", "1", "true", "a b", "jason").Select(v => (RolloutStep)RolloutStep.Header(Header, v)),
        MeshGenerators.Percentage.Select(p => (RolloutStep)RolloutStep.Mirror(p)));

    /// <summary>
    /// Valid models of <paramref name="models"/> where the rollout has something to step: a service with two or more subsets,
    /// its route (when it has one) with one of its rules turned into a rule to the stable (and, half the time, the canary), or,
    /// a quarter of the time, no route for it at all (the step creates one); the service has an HTTP, HTTP/2 or gRPC port.
    /// </summary>
    /// <param name="models">The models to start from, e.g. <see cref="MeshGenerators.Config"/>.</param>
    /// <returns>The generator.</returns>
    public static Gen<RolloutCase> Of(Gen<MeshConfig> models) => Gen.Select(
            models.Where(c => c.Services.Any(s => s.Subsets.Count >= 2)),
            Gen.Int[0, 1000], Gen.Int[0, 1000], Gen.Int[0, 3], Gen.Int[1, 100], Step)
        .Select(t =>
        {
            var (config, pick, other, mode, weight, step) = t;
            var candidates = config.Services.Where(s => s.Subsets.Count >= 2).ToList();
            var service = candidates[pick % candidates.Count];
            var stable = service.Subsets[pick % service.Subsets.Count].Name;
            var canary = service.Subsets[(pick + 1 + (other % (service.Subsets.Count - 1))) % service.Subsets.Count].Name;
            var rollout = new Rollout { Service = service.Reference, Stable = stable, Canary = canary };
            var routes = config.Routes.ToList();
            var at = routes.FindIndex(r => r.Host == service.Reference);
            if (mode == 0 || at < 0)
            {
                if (at >= 0) routes.RemoveAt(at);
            }
            else
            {
                var rules = routes[at].Rules.ToList();
                var j = other % rules.Count;
                EquatableArray<WeightedBackend> backends = mode == 1
                    ? [new WeightedBackend { Service = service.Reference, Subset = stable, Weight = weight }]
                    : [new WeightedBackend { Service = service.Reference, Subset = stable, Weight = weight }, new WeightedBackend { Service = service.Reference, Subset = canary, Weight = 100 - weight }];
                rules[j] = rules[j] with { Backends = backends, Redirect = null };
                routes[at] = routes[at] with { Rules = [.. rules] };
            }
            return new RolloutCase(config with { Routes = [.. routes] }, rollout, step);
        })
        // The service serves HTTP (an HTTP, HTTP/2 or gRPC port): meshes write HTTP routes for those only, e.g. Gateway API a
        // TLS-only service's rules not as an HTTPRoute.
        .Where(c => !MeshValidator.Validate(c.Config).Any(d => d.IsError)
            && c.Config.FindService(c.Rollout.Service)!.Ports.Any(p => p.Protocol is Protocol.Http or Protocol.Http2 or Protocol.Grpc));
}
