using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Translation;
using Mesh.Providers.Conformance.Support;

namespace Mesh.Providers.Istio.Tests.Conformance;

/// <summary>
/// The Istio security files of the upstream corpus, one by one: what is carried into the model, and each loss named at its
/// path. Skipped with a message when the corpus is absent.
/// </summary>
public sealed class SecurityCorpusTests
{
    private static readonly IstioTranslator Translator = new();

    private static ImportResult Import(string file)
    {
        var path = Path.Combine(ConformancePaths.Require(Path.Combine("examples", "istio")), file);
        if (!File.Exists(path)) Assert.Skip($"{file} is not in the corpus.");
        var result = Translator.ImportYaml(File.ReadAllText(path), file);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return result;
    }

    [Fact]
    public void AuthorizationPolicy_WithSourcesOperationsAndAClaimCondition_IsCarriedWhole()
    {
        var result = Import("istio__security-v1-AuthorizationPolicy.yaml");
        var policy = Assert.Single(result.Config!.AccessPolicies);
        Assert.Equal((AccessAction.Allow, "v1"), (policy.Action, policy.Target!.Subset));
        // Two operations: two rules, each with both sources (Istio ORs them) and the claim condition.
        Assert.Equal(2, policy.Rules.Count);
        Assert.All(policy.Rules, r =>
        {
            Assert.Equal([new ServiceAccountRef("default", "sleep")], r.From!.ServiceAccounts);
            Assert.Equal(["test"], r.From.Namespaces);
            Assert.Equal([new AccessCondition { Key = AccessConditionKey.Claim("iss"), Values = ["https://accounts.google.com"] }], r.When);
        });
        Assert.Contains(policy.Rules, r => r.To is { Methods: ["GET"], Paths: ["/info*"] });
        Assert.Contains(policy.Rules, r => r.To is { Methods: ["POST"], Paths: ["/data"] });
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported);

        // Written back, the same policy.
        var back = Translator.ImportYaml(Translator.WriteYaml(Translator.Translate(result.Config).Resources), "back.yaml");
        Assert.Equal(result.Config.Normalize().AccessPolicies, back.Config!.AccessPolicies);
    }

    [Fact]
    public void CustomPolicies_OfAnExternalAuthorizer_AreReported_NotImported()
    {
        var result = Import("istio__custom-simple-http-in.yaml");
        Assert.Empty(result.Config!.AccessPolicies);
        foreach (var document in new[] { 0, 1 })
        {
            Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == $"istio__custom-simple-http-in.yaml#{document} $.spec" && d.Message.Contains("external authorizer", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("istio__peer-authn-strict.yaml")]
    [InlineData("istio__security-v1-PeerAuthentication.yaml")]
    public void PeerAuthentication_IsCarried_WithNothingReported(string file)
    {
        var result = Import(file);
        Assert.NotEmpty(result.Config!.Mtls);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported);
    }
}
