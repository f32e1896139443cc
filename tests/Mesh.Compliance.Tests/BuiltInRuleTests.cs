using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Compliance.Tests;

/// <summary>Each built-in rule: the compliant model passes it, a variant that breaks it is reported with the rule id and path.</summary>
public sealed class BuiltInRuleTests
{
    private static IReadOnlyList<ComplianceViolation> Violations(MeshConfig config, string rule) =>
        [.. ComplianceChecker.Check(config).Violations.Where(v => v.RuleId == rule)];

    private static ComplianceViolation Single(MeshConfig config, string rule, string path)
    {
        var result = ComplianceChecker.Check(config);
        Assert.Empty(result.Diagnostics);
        var violation = Assert.Single(result.Violations);
        Assert.Equal(rule, violation.RuleId);
        Assert.Equal(path, violation.Path);
        Assert.Equal(DiagnosticSeverity.Error, violation.Severity);
        return violation;
    }

    [Fact]
    public void CompliantModel_PassesEveryBuiltInRule()
    {
        var result = ComplianceChecker.Check(Models.Compliant);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.Violations);
        Assert.False(result.HasErrors);
        Assert.Equal(BuiltInRules.All.Select(r => r.Id), result.Rules.Select(r => r.Id));
    }

    [Fact]
    public void MtlsStrict_ReportsPermissiveNamespace()
    {
        var config = Models.Compliant with { Mtls = [new MtlsPolicy { Scope = new MtlsScope { Namespace = "shop" }, Mode = MtlsMode.Permissive }] };
        var violations = ComplianceChecker.Check(config).Violations;
        Assert.Contains(violations, v => v is { RuleId: BuiltInRules.MtlsStrict, Path: "$.spec.mtls[0].mode", Namespace: "shop" });
    }

    [Fact]
    public void MtlsStrict_ReportsNamespaceWithoutPolicy_AtItsFirstService()
    {
        var v = Single(Models.Compliant with { Mtls = [] }, BuiltInRules.MtlsStrict, "$.spec.services[0]");
        Assert.Contains("no mTLS policy", v.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MtlsStrict_AcceptsStrictMeshWidePolicy()
    {
        var config = Models.Compliant with { Mtls = [new MtlsPolicy { Scope = MtlsScope.Mesh, Mode = MtlsMode.Strict }] };
        Assert.Empty(Violations(config, BuiltInRules.MtlsStrict));
    }

    [Fact]
    public void MtlsNoWidePermissive_ReportsMeshWidePermissive_AcceptsWorkloadScope()
    {
        var wide = Models.Compliant with { Mtls = [.. Models.Compliant.Mtls, new MtlsPolicy { Scope = MtlsScope.Mesh, Mode = MtlsMode.Permissive }] };
        Assert.Equal("$.spec.mtls[1]", Assert.Single(Violations(wide, BuiltInRules.MtlsNoWidePermissive)).Path);
        var narrow = Models.Compliant with
        {
            Mtls = [.. Models.Compliant.Mtls, new MtlsPolicy { Scope = new MtlsScope { Namespace = "shop", Workload = new([new("app", "legacy")]) }, Mode = MtlsMode.Disabled }],
        };
        Assert.Empty(ComplianceChecker.Check(narrow).Violations);
    }

    [Fact]
    public void RouteTimeout_ReportsMissingTimeout()
    {
        var v = Single(Models.WithRule(r => r with { Timeout = null, Retry = null }), BuiltInRules.RouteTimeout, "$.spec.routes[0].rules[0]");
        Assert.Equal(RuleSubject.RouteRules, v.Subject);
        Assert.Equal("api", v.Name);
    }

    [Fact]
    public void RouteTimeout_ReportsTimeoutAboveMax_AndTakesTheParameter()
    {
        var config = Models.WithRule(r => r with { Timeout = TimeSpan.FromMinutes(2), Retry = null });
        Single(config, BuiltInRules.RouteTimeout, "$.spec.routes[0].rules[0].timeout");
        var rules = Models.Rules("""
            kind: MeshRules
            metadata: { name: t }
            spec:
              rules: [{ id: route-timeout, parameters: { max: 5m } }]
            """);
        Assert.Empty(ComplianceChecker.Check(config, rules).Violations);
    }

    [Fact]
    public void RetryBounded_ReportsTooManyAttempts()
    {
        var config = Models.WithRule(r => r with { Retry = r.Retry! with { Attempts = 5, PerTryTimeout = TimeSpan.FromSeconds(1) } });
        Single(config, BuiltInRules.RetryBounded, "$.spec.routes[0].rules[0].retry.attempts");
    }

    [Fact]
    public void RetryBounded_ReportsAttemptsTimesPerTryOverTheTimeout()
    {
        var config = Models.WithRule(r => r with { Retry = r.Retry! with { Attempts = 3, PerTryTimeout = TimeSpan.FromSeconds(2) } });
        var v = Single(config, BuiltInRules.RetryBounded, "$.spec.routes[0].rules[0].retry.perTryTimeout");
        Assert.Contains("6s", v.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RetryBounded_AcceptsAttemptsTimesPerTryEqualToTheTimeout()
    {
        var config = Models.WithRule(r => r with { Timeout = TimeSpan.FromSeconds(6), Retry = r.Retry! with { Attempts = 3, PerTryTimeout = TimeSpan.FromSeconds(2) } });
        Assert.Empty(ComplianceChecker.Check(config).Violations);
    }

    [Fact]
    public void OutlierDetection_ReportsRetriedDestinationWithout()
    {
        var v = Single(Models.Compliant with { DestinationPolicies = [] }, BuiltInRules.OutlierDetection, "$.spec.routes[0].rules[0].backends[0]");
        Assert.Equal(("shop", "api"), (v.Namespace, v.Name));
    }

    [Fact]
    public void OutlierDetection_AcceptsPolicyOfTheSubset()
    {
        var config = Models.Compliant with
        {
            DestinationPolicies = [Models.Compliant.DestinationPolicies[0] with { Target = new PolicyTarget { Service = new ServiceRef("api", "shop"), Subset = "v2" } }],
        };
        Assert.Empty(ComplianceChecker.Check(config).Violations);
    }

    [Fact]
    public void ExternalNoWildcard_ReportsWildcardHostAndResolutionNone()
    {
        var external = Models.Compliant.ExternalServices[0] with { Hosts = ["*.example.com"], Resolution = Resolution.None };
        var violations = Violations(Models.Compliant with { ExternalServices = [external] }, BuiltInRules.ExternalNoWildcard);
        Assert.Equal(["$.spec.externalServices[0].hosts[0]", "$.spec.externalServices[0].resolution"], violations.Select(v => v.Path));
    }

    [Fact]
    public void AccessPolicyRequired_ReportsNamespaceWithoutPolicy()
    {
        var v = Single(Models.Compliant with { AccessPolicies = [] }, BuiltInRules.AccessPolicyRequired, "$.spec.services[0]");
        Assert.Equal("shop", v.Namespace);
    }

    [Theory]
    [InlineData("{ to: { methods: [GET] } }", "has no 'from'")]
    [InlineData("{ from: { unauthenticated: true } }", "unauthenticated")]
    [InlineData("{ from: { ipBlocks: [0.0.0.0/0] } }", "every address")]
    public void AccessNoAllowAll_ReportsRulesThatAdmitEveryone(string rule, string why)
    {
        var yaml = Models.CompliantYaml.Replace("rules: [{ from: { serviceAccounts: [shop/web] }, to: { methods: [GET] } }]", $"rules: [{rule}]", StringComparison.Ordinal);
        var v = Single(Models.Read(yaml), BuiltInRules.AccessNoAllowAll, "$.spec.accessPolicies[0].rules[0]");
        Assert.Contains(why, v.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AccessNoAllowAll_AcceptsDenyWithoutFrom()
    {
        var deny = Models.Compliant.AccessPolicies[0] with { Name = "deny-delete", Action = AccessAction.Deny, Rules = [new AccessRule { To = new AccessOperation { Methods = ["DELETE"] } }] };
        Assert.Empty(ComplianceChecker.Check(Models.Compliant with { AccessPolicies = [.. Models.Compliant.AccessPolicies, deny] }).Violations);
    }

    [Fact]
    public void MirrorNotExternal_ReportsMirrorToExternalService_AcceptsMirrorInMesh()
    {
        var external = Models.WithRule(r => r with { Mirror = new Mirror { Service = new ServiceRef("payments", "shop"), Percentage = 10 } });
        Single(external, BuiltInRules.MirrorNotExternal, "$.spec.routes[0].rules[0].mirror");
        var inMesh = Models.WithRule(r => r with { Mirror = new Mirror { Service = new ServiceRef("web", "shop"), Percentage = 10 } });
        Assert.Empty(ComplianceChecker.Check(inMesh).Violations);
    }
}
