using CsCheck;
using Mesh.Model;
using Mesh.Providers.Conformance.Schema;
using Mesh.Providers.Conformance.Support;
using Mesh.Rollouts;
using Mesh.Testing;

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
}
