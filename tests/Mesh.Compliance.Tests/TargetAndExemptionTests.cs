using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Compliance.Tests;

/// <summary>Target selection (namespaces, labels), exemptions, overrides and rules of one's own.</summary>
public sealed class TargetAndExemptionTests
{
    /// <summary>The compliant model with a second namespace, 'legacy', that breaks mtls-strict and access-policy-required.</summary>
    private static readonly MeshConfig TwoNamespaces = Models.Compliant with
    {
        Services = [.. Models.Compliant.Services, new MeshService { Name = "batch", Namespace = "legacy", Selector = new([new("app", "batch"), new("tier", "back")]) }],
    };

    private static ComplianceResult Check(string rules) => ComplianceChecker.Check(TwoNamespaces, Models.Rules("kind: MeshRules\nmetadata: { name: t }\nspec:\n" + rules));

    [Fact]
    public void WithoutRules_TheNewNamespaceBreaksTwoRules()
    {
        var result = ComplianceChecker.Check(TwoNamespaces);
        Assert.Equal([BuiltInRules.MtlsStrict, BuiltInRules.AccessPolicyRequired], result.Violations.Select(v => v.RuleId));
        Assert.All(result.Violations, v => Assert.Equal(("legacy", "$.spec.services[2]"), (v.Namespace, v.Path)));
    }

    [Fact]
    public void AnExemptionByNamespace_Exempts()
    {
        var result = Check("  rules: [{ id: mtls-strict, exemptions: [{ namespace: legacy, reason: later }] }]\n");
        Assert.Equal([BuiltInRules.AccessPolicyRequired], result.Violations.Select(v => v.RuleId));
        // The waived violation is kept, with the exemption that waived it, and does not count as an error.
        var exempted = Assert.Single(result.Exempted);
        Assert.Equal((BuiltInRules.MtlsStrict, "legacy", "later"), (exempted.RuleId, exempted.Namespace, exempted.Exemption!.Reason));
        Assert.True(result.HasErrors); // access-policy-required still is one
        var onlyExempted = Check("  rules: [{ id: mtls-strict, exemptions: [{ namespace: legacy }] }, { id: access-policy-required, exemptions: [{ namespace: legacy }] }]\n");
        Assert.Empty(onlyExempted.Violations);
        Assert.Equal(2, onlyExempted.Exempted.Count);
        Assert.False(onlyExempted.HasErrors);
    }

    [Fact]
    public void AnExemptionByPath_ExemptsThePathAndWhatIsUnderIt_Only()
    {
        var config = Models.WithRule(r => r with { Timeout = null, Retry = null });
        var rules = Models.Rules("kind: MeshRules\nmetadata: { name: t }\nspec:\n  rules: [{ id: route-timeout, exemptions: [{ path: \"$.spec.routes[0]\" }] }]\n");
        Assert.Empty(ComplianceChecker.Check(config, rules).Violations);
        var other = Models.Rules("kind: MeshRules\nmetadata: { name: t }\nspec:\n  rules: [{ id: route-timeout, exemptions: [{ path: \"$.spec.routes[0].rules[1]\" }] }]\n");
        Assert.Single(ComplianceChecker.Check(config, other).Violations);
    }

    [Fact]
    public void AnExemptionByName_ExemptsThatObjectOnly()
    {
        var external = Models.Compliant.ExternalServices[0];
        var config = Models.Compliant with { ExternalServices = [external with { Resolution = Resolution.None }, external with { Name = "other", Resolution = Resolution.None }] };
        var rules = Models.Rules("kind: MeshRules\nmetadata: { name: t }\nspec:\n  rules: [{ id: external-no-wildcard, exemptions: [{ namespace: shop, name: payments }] }]\n");
        Assert.Equal("$.spec.externalServices[1].resolution", Assert.Single(ComplianceChecker.Check(config, rules).Violations).Path);
    }

    [Fact]
    public void ATargetByNamespace_Selects()
    {
        var result = Check("  rules: [{ id: access-policy-required, target: { namespaces: [shop] } }]\n");
        Assert.Equal([BuiltInRules.MtlsStrict], result.Violations.Select(v => v.RuleId));
    }

    [Fact]
    public void ATargetByLabels_SelectsObjectsWhoseWorkloadsCarryThem()
    {
        // Expression rule on services: web (tier: front) and batch (tier: back); only tier: back is selected.
        var result = Check("  builtIn: false\n  rules: [{ id: no-batch, on: services, expression: \"false\", target: { labels: { tier: back } } }]\n");
        Assert.Equal("$.spec.services[2]", Assert.Single(result.Violations).Path);
    }

    [Fact]
    public void EnabledFalse_SwitchesABuiltInRuleOff()
    {
        var result = Check("  rules: [{ id: mtls-strict, enabled: false }, { id: access-policy-required, enabled: false }]\n");
        Assert.Empty(result.Violations);
        Assert.DoesNotContain(result.Rules, r => r.Id == BuiltInRules.MtlsStrict);
    }

    [Fact]
    public void BuiltInFalse_ChecksOnlyTheDocumentsRules_AndABuiltInIdTurnsThatRuleOn()
    {
        var result = Check("  builtIn: false\n  rules: [{ id: access-policy-required }]\n");
        Assert.Equal([BuiltInRules.AccessPolicyRequired], result.Rules.Select(r => r.Id));
        Assert.Single(result.Violations);
    }

    [Fact]
    public void SeverityAndMessage_AreReConfigured_AndOnlyErrorsFail()
    {
        var result = Check("  rules:\n    - { id: mtls-strict, severity: warning, message: Plaintext is not allowed. }\n    - { id: access-policy-required, severity: info }\n");
        Assert.All(result.Violations, v => Assert.NotEqual(DiagnosticSeverity.Error, v.Severity));
        Assert.StartsWith("Plaintext is not allowed. (", result.Violations[0].Message, StringComparison.Ordinal);
        Assert.False(result.HasErrors);
    }

    [Fact]
    public void ACheckRunAgain_WithOtherParametersAndATarget_IsARuleOfItsOwn()
    {
        var config = Models.WithRule(r => r with { Timeout = TimeSpan.FromSeconds(5), Retry = null });
        var rules = Models.Rules("kind: MeshRules\nmetadata: { name: t }\nspec:\n  rules: [{ id: shop-timeout, check: route-timeout, parameters: { max: 2s }, target: { namespaces: [shop] } }, { id: other-timeout, check: route-timeout, parameters: { max: 1s }, target: { namespaces: [other] } }]\n");
        var result = ComplianceChecker.Check(config, rules);
        Assert.Equal(["shop-timeout", "shop-timeout"], result.Violations.Select(v => v.RuleId));
        Assert.Equal(["$.spec.routes[0].rules[0].timeout", "$.spec.routes[0].rules[1].timeout"], result.Violations.Select(v => v.Path));
    }

    [Fact]
    public void AnExpressionRule_OnEverySubject_ReportsPathsOfThatSubject()
    {
        foreach (var on in Enum.GetValues<RuleSubject>().Where(s => s != RuleSubject.TcpRoutes))
        {
            var rules = new MeshRules { Name = "t", IncludeBuiltIn = false, Rules = [new ComplianceRule { Id = "never", On = on, Expression = "false" }] };
            var result = ComplianceChecker.Check(Models.Compliant, rules);
            Assert.Empty(result.Diagnostics);
            var prefix = on switch
            {
                RuleSubject.Config => "$",
                RuleSubject.RouteRules => "$.spec.routes[0].rules[",
                _ => $"$.spec.{MeshRulesYaml.SubjectName(on)}[",
            };
            Assert.NotEmpty(result.Violations);
            Assert.All(result.Violations, v => Assert.StartsWith(prefix, v.Path, StringComparison.Ordinal));
            Assert.All(result.Violations, v => Assert.Equal(on, v.Subject));
        }
    }

    [Fact]
    public void ParamsAndNamespace_AreSeenByExpressions()
    {
        var rules = new MeshRules
        {
            Name = "t",
            IncludeBuiltIn = false,
            Rules = [new ComplianceRule { Id = "ns", On = RuleSubject.Services, Expression = "namespace != params.forbidden", Parameters = new([new("forbidden", "shop")]) }],
        };
        Assert.Equal(2, ComplianceChecker.Check(Models.Compliant, rules).Violations.Count);
    }

    [Fact]
    public void ABuiltInIdNamingItsOwnCheck_ReConfiguresIt_RatherThanRunningItTwice()
    {
        var result = Check("  rules: [{ id: mtls-strict, check: mtls-strict, severity: warning }]\n");
        Assert.Single(result.Rules, r => r.Id == BuiltInRules.MtlsStrict);
        Assert.Equal(Mesh.Diagnostics.DiagnosticSeverity.Warning, Assert.Single(result.Violations, v => v.RuleId == BuiltInRules.MtlsStrict).Severity);
    }
}
