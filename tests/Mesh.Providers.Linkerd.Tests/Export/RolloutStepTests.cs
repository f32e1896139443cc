using CsCheck;
using Mesh.Model;
using Mesh.Providers.Conformance.Schema;
using Mesh.Providers.Conformance.Support;
using Mesh.Rollouts;
using Mesh.Testing;
using Mesh.Translation;

namespace Mesh.Providers.Linkerd.Tests.Export;

/// <summary>
/// Rollout steps (<see cref="Rollout.Apply"/>) written for Linkerd: every object validates strictly against the CRDs Linkerd
/// installs (and the core Service schema), and the stable and canary are the leaf Services the route splits between.
/// </summary>
public sealed class RolloutStepTests
{
    private static readonly string[] CrdFiles = ["crds/linkerd/install_crds_with_gateway_api.golden.yaml"];

    /// <summary>What <c>LinkerdSchema</c> allows for generated models too (see its reason there).</summary>
    private static readonly string[] Tolerated = ["Must have port for Service reference"];

    private static readonly RolloutStep[] FiveSteps =
        [RolloutStep.Header("x-canary", "always"), RolloutStep.Weight(5), RolloutStep.Weight(25), RolloutStep.Weight(50), RolloutStep.Weight(100), RolloutStep.Mirror(10)];

    private static CrdSchemaSet Schemas() => new([.. CrdFiles.Select(ConformancePaths.Require)]);

    private static MeshConfig CanarySample() => RepositorySamples.MeshYaml().Single(m => m.Name == "reviews-canary");

    [Fact]
    public void TheCanarySample_EveryStep_IsSchemaValid_AndSplitsBetweenLeafServices()
    {
        var schemas = Schemas();
        var rollout = new Rollout { Service = new ServiceRef("reviews", "bookinfo"), Stable = "stable", Canary = "canary" };
        foreach (var translator in new[] { new LinkerdTranslator(), new LinkerdTranslator(new LinkerdOptions { RouteApi = LinkerdRouteApi.GatewayApi }) })
        {
            foreach (var step in FiveSteps)
            {
                var problems = RolloutOutput.Problems(translator, schemas, CanarySample(), rollout, step, []);
                Assert.True(problems.Count == 0, string.Join("\n", problems));
            }
        }
    }

    [Fact]
    public void GeneratedSteps_AreSchemaValid_AndSplitBetweenLeafServices()
    {
        var schemas = Schemas();
        var translator = new LinkerdTranslator();
        RolloutCases.Of(MeshGenerators.Config).Sample(c =>
        {
            var problems = RolloutOutput.Problems(translator, schemas, c.Config, c.Rollout, c.Step, Tolerated);
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }, iter: Soak.Scale(100));
    }

    /// <summary>The controller loop of <c>docs/rollout.md</c>, as written there: five steps applied, or a roll-back when the canary is unhealthy.</summary>
    [Fact]
    public async Task TheControllerLoopOfTheGuide_AppliesFiveSteps_OrRollsBack()
    {
        // From docs/rollout.md ("From a controller").
        static async Task RollOutAsync(MeshConfig baseline, ITranslator translator, Func<string, CancellationToken, Task> apply,
            Func<CancellationToken, Task<bool>> canaryIsHealthy, CancellationToken cancellationToken)
        {
            var rollout = new Rollout { Service = ServiceRef.Parse("reviews.bookinfo"), Stable = "stable", Canary = "canary" };
            RolloutStep[] steps = [RolloutStep.Header("x-canary", "always"), RolloutStep.Weight(5), RolloutStep.Weight(25), RolloutStep.Weight(50), RolloutStep.Weight(100)];
            foreach (var step in steps)
            {
                var stepped = rollout.Apply(baseline, step);
                if (stepped.HasErrors) throw new InvalidOperationException(string.Join("\n", stepped.Diagnostics));
                var translated = translator.Translate(stepped.Config!, new TranslationOptions { Strict = true });
                if (translated.HasErrors) throw new InvalidOperationException(string.Join("\n", translated.Diagnostics));
                await apply(translator.WriteYaml(translated.Resources), cancellationToken);   // e.g. server-side apply
                if (!await canaryIsHealthy(cancellationToken))
                {
                    // Roll back: everything to the stable.
                    var back = translator.Translate(rollout.Apply(baseline, RolloutStep.Weight(0)).Config!);
                    await apply(translator.WriteYaml(back.Resources), cancellationToken);
                    return;
                }
            }
        }

        var applied = new List<string>();
        Task Apply(string yaml, CancellationToken _)
        {
            applied.Add(yaml);
            return Task.CompletedTask;
        }
        var ct = TestContext.Current.CancellationToken;
        await RollOutAsync(CanarySample(), new LinkerdTranslator(), Apply, _ => Task.FromResult(true), ct);
        Assert.Equal(5, applied.Count);
        Assert.Contains("value: always", applied[0], StringComparison.Ordinal);
        Assert.Contains("weight: 100", applied[4], StringComparison.Ordinal);

        applied.Clear();
        var checks = 0;
        await RollOutAsync(CanarySample(), new LinkerdTranslator(), Apply, _ => Task.FromResult(++checks < 3), ct);
        Assert.Equal(4, applied.Count);
        Assert.Contains("weight: 75", applied[2], StringComparison.Ordinal);
        Assert.DoesNotContain("x-canary", applied[3], StringComparison.Ordinal);
    }
}
