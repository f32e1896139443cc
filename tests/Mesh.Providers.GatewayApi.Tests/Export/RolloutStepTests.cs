using CsCheck;
using Mesh.Model;
using Mesh.Providers.Conformance.Schema;
using Mesh.Providers.Conformance.Support;
using Mesh.Rollouts;
using Mesh.Testing;

namespace Mesh.Providers.GatewayApi.Tests.Export;

/// <summary>
/// Rollout steps (<see cref="Rollout.Apply"/>) written as Gateway API (GAMMA) routes: every object validates strictly against
/// the Gateway API CRDs (and the core Service schema), and the stable and canary are the leaf Services the route splits between.
/// </summary>
public sealed class RolloutStepTests
{
    private static readonly string[] CrdFiles =
        ["crds/gateway-api/gateway.networking.k8s.io_httproutes.yaml", "crds/gateway-api/gateway.networking.k8s.io_grpcroutes.yaml", "crds/gateway-api/gateway.networking.k8s.io_tcproutes.yaml",
         "crds/gateway-api/gateway.networking.k8s.io_tlsroutes.yaml", "crds/gateway-api/gateway.networking.k8s.io_backendtlspolicies.yaml", "crds/gateway-api/gateway.networking.k8s.io_gateways.yaml", "crds/gateway-api/gateway.networking.k8s.io_referencegrants.yaml"];

    private static readonly RolloutStep[] FiveSteps =
        [RolloutStep.Header("x-canary", "always"), RolloutStep.Weight(5), RolloutStep.Weight(25), RolloutStep.Weight(50), RolloutStep.Weight(100), RolloutStep.Mirror(10)];

    private static CrdSchemaSet Schemas() => new([.. CrdFiles.Select(ConformancePaths.Require)]);

    private static MeshConfig CanarySample() => RepositorySamples.MeshYaml().Single(m => m.Name == "reviews-canary");

    [Fact]
    public void TheCanarySample_EveryStep_IsSchemaValid_AndSplitsBetweenLeafServices()
    {
        var schemas = Schemas();
        var rollout = new Rollout { Service = new ServiceRef("reviews", "bookinfo"), Stable = "stable", Canary = "canary" };
        foreach (var step in FiveSteps)
        {
            var problems = RolloutOutput.Problems(new GatewayApiTranslator(), schemas, CanarySample(), rollout, step, []);
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }
    }

    [Fact]
    public void GeneratedSteps_AreSchemaValid_AndSplitBetweenLeafServices()
    {
        var schemas = Schemas();
        var translator = new GatewayApiTranslator(new GatewayApiOptions { GatewayClassName = "example" });
        RolloutCases.Of(MeshGenerators.Config).Sample(c =>
        {
            var problems = RolloutOutput.Problems(translator, schemas, c.Config, c.Rollout, c.Step, []);
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }, iter: Soak.Scale(100));
    }
}
