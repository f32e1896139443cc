using CsCheck;
using Mesh.Analysis;
using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Rollouts;
using Mesh.Testing;
using Mesh.Validation;

namespace Mesh.Abstractions.Tests.Rollouts;

/// <summary>
/// Properties of <see cref="Rollout.Apply"/> over generated models, for every step kind: the stepped model is valid, every
/// rule but the stepped ones (and the header rules a header step inserts) behaves exactly as before (<see cref="MeshBehaviour"/>),
/// the stepped rules send exactly the requested shares to the stable and the canary, and stepping is idempotent.
/// </summary>
public class RolloutPropertyTests
{
    private const int Iterations = 300;

    private static Gen<RolloutCase> Cases { get; } = RolloutCases.Of(MeshGenerators.Config);

    /// <summary>Whether a rule of the case's route mirrors elsewhere than the canary, which a mirror step refuses (MESH6005).</summary>
    private static bool MirrorsElsewhere(RolloutCase c, RolloutResult result) =>
        c.Step is MirrorStep && result.Diagnostics.Where(d => d.IsError).All(d => d.Code == DiagnosticCodes.RolloutMirrorInUse);

    /// <summary>Where each rule of the original model is in the stepped one (header rules shift the rules after them).</summary>
    private static Dictionary<string, string> Moved(MeshConfig before, RolloutResult result)
    {
        var inserted = result.HeaderRules.ToHashSet(StringComparer.Ordinal);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < before.Routes.Count; i++)
        {
            var k = 0;
            for (var j = 0; j < before.Routes[i].Rules.Count; j++, k++)
            {
                while (inserted.Contains($"$.spec.routes[{i}].rules[{k}]")) k++;
                map[$"$.spec.routes[{i}].rules[{j}]"] = $"$.spec.routes[{i}].rules[{k}]";
            }
        }
        return map;
    }

    [Fact]
    public void EveryOtherRule_BehavesAsBefore_AndTheSteppedRulesSendExactlyTheRequestedShares() =>
        Cases.Sample(c =>
        {
            var result = c.Rollout.Apply(c.Config, c.Step);
            if (result.HasErrors)
            {
                Assert.True(MirrorsElsewhere(c, result), string.Join("\n", result.Diagnostics));
                return;
            }
            var after = result.Config!;
            Assert.DoesNotContain(MeshValidator.Validate(after), d => d.IsError);
            Assert.NotEmpty(result.SteppedRules);
            Assert.Equal(c.Step is HeaderStep ? result.SteppedRules.Count : 0, result.HeaderRules.Count);
            Assert.Equal(c.Config.Routes.Sum(r => r.Rules.Count) + result.HeaderRules.Count + (after.Routes.Count > c.Config.Routes.Count ? result.SteppedRules.Count : 0),
                after.Routes.Sum(r => r.Rules.Count));

            // Rollouts step mesh routes; the rules at gateways (one per gateway and host name, so several per path) are not theirs.
            var beforeRules = MeshBehaviour.Of(c.Config).Rules.Where(r => r.Kind is RuleKind.Http or RuleKind.Tcp).ToList();
            var afterRules = MeshBehaviour.Of(after).Rules.Where(r => r.Kind is RuleKind.Http or RuleKind.Tcp).ToDictionary(r => r.Path, StringComparer.Ordinal);
            var moved = Moved(c.Config, result);
            var stepped = result.SteppedRules.ToHashSet(StringComparer.Ordinal);
            foreach (var rule in beforeRules)
            {
                var path = moved.GetValueOrDefault(rule.Path, rule.Path);
                var now = afterRules[path];
                Assert.Equal(rule.MatchText, now.MatchText);
                if (stepped.Contains(path)) continue;
                Assert.True((rule.Outcome, rule.Destinations, rule.Mirrors, rule.Redirect) == (now.Outcome, now.Destinations, now.Mirrors, now.Redirect), $"{rule}\n→ {now}");
            }
            // Every rule of the original is still there, at its place among the others.
            Assert.Equal(beforeRules.Count + result.HeaderRules.Count + (after.Routes.Count > c.Config.Routes.Count ? result.SteppedRules.Count : 0), afterRules.Count);

            var resolver = new WorkloadResolver(after);
            var host = c.Rollout.Service;
            foreach (var path in result.SteppedRules)
            {
                var rule = RuleAt(after, path);
                var port = rule.Backends[0].Port;
                var requestPort = resolver.HttpRequestPort(host);
                var stable = resolver.Resolve(host, c.Rollout.Stable, port, requestPort);
                var canary = resolver.Resolve(host, c.Rollout.Canary, port, requestPort);
                var canaryWeight = c.Step is WeightStep w ? w.CanaryWeight : 0;
                var expected = new Dictionary<(Workload, TargetPort?), long>();
                if (100 - canaryWeight > 0) expected[stable] = 100 - canaryWeight;
                if (canaryWeight > 0) expected[canary] = expected.GetValueOrDefault(canary) + canaryWeight;
                var behaviour = afterRules[path];
                Assert.Equal(RuleOutcome.Forward, behaviour.Outcome);
                Assert.Equal(MeshBehaviour.Sorted(expected.Select(e => new WorkloadShare(e.Key.Item1, e.Key.Item2, new Share(e.Value, 100)))), behaviour.Destinations);
                if (c.Step is MirrorStep { Percentage: > 0 } m)
                {
                    Assert.Equal([new WorkloadShare(canary.Workload, canary.Port, Share.FromPercentage(m.Percentage))], behaviour.Mirrors);
                }
                else if (rule.Mirror is { } kept)
                {
                    Assert.False(kept.Service == host && kept.Subset == c.Rollout.Canary, $"{path} still mirrors to the canary");
                }
            }
            foreach (var path in result.HeaderRules)
            {
                var behaviour = afterRules[path];
                var (canary, port) = resolver.Resolve(host, c.Rollout.Canary, RuleAt(after, path).Backends[0].Port, resolver.HttpRequestPort(host));
                Assert.Equal([new WorkloadShare(canary, port, Share.All)], behaviour.Destinations);
                Assert.Contains("header x-canary exact ", behaviour.MatchText, StringComparison.Ordinal);
            }
        }, iter: Iterations);

    [Fact]
    public void TakingAStepAgain_ChangesNothing() =>
        Cases.Sample(c =>
        {
            var once = c.Rollout.Apply(c.Config, c.Step);
            if (once.HasErrors) return;
            var twice = c.Rollout.Apply(once.Config!, c.Step);
            Assert.False(twice.HasErrors, string.Join("\n", twice.Diagnostics));
            Assert.Equal(once.Config, twice.Config);
            Assert.Equal(once.SteppedRules, twice.SteppedRules);
            Assert.Equal(once.HeaderRules, twice.HeaderRules);
        }, iter: Iterations);

    [Fact]
    public void AWeightOrMirrorStep_OnTheModelOfAnEarlierOne_IsThatStepOnTheBaseline() =>
        Gen.Select(Cases.Where(c => c.Step is not HeaderStep), Gen.Int[0, 100], Gen.Bool).Sample(t =>
        {
            var (c, value, mirror) = t;
            var earlier = c.Rollout.Apply(c.Config, c.Step);
            if (earlier.HasErrors) return;
            RolloutStep next = mirror ? RolloutStep.Mirror(value) : RolloutStep.Weight(value);
            var direct = c.Rollout.Apply(c.Config, next);
            var chained = c.Rollout.Apply(earlier.Config!, next);
            Assert.Equal(direct.HasErrors, chained.HasErrors);
            Assert.Equal(direct.Config, chained.Config);
        }, iter: Iterations);

    [Fact]
    public void TheGeneratedCases_CoverEveryStepKind_ACreatedRoute_AndHeaderRules()
    {
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        Cases.Sample(c =>
        {
            var result = c.Rollout.Apply(c.Config, c.Step);
            lock (kinds)
            {
                kinds.Add(c.Step.GetType().Name + (result.HasErrors ? " error" : ""));
                if (result.Diagnostics.Any(d => d.Code == DiagnosticCodes.RolloutRouteCreated)) kinds.Add("created");
                if (result.SteppedRules.Count > 1) kinds.Add("several");
            }
        }, iter: Iterations);
        Assert.Superset(new HashSet<string>(["WeightStep", "HeaderStep", "MirrorStep", "created", "several"], StringComparer.Ordinal), kinds);
    }

    private static HttpRouteRule RuleAt(MeshConfig config, string path)
    {
        var parts = path.Split('[', ']');
        return config.Routes[int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)].Rules[int.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture)];
    }
}
