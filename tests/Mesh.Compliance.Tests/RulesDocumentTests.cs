using Mesh.Diagnostics;

namespace Mesh.Compliance.Tests;

/// <summary>Reading <c>kind: MeshRules</c> documents, and the problems of rules, each a diagnostic with a path into the document.</summary>
public sealed class RulesDocumentTests
{
    private const string Header = "kind: MeshRules\nmetadata: { name: t }\nspec:\n";

    private static Diagnostic SingleProblem(string yaml, DiagnosticCode code, string path)
    {
        var read = MeshRulesYaml.Read(yaml, "rules.yaml");
        Assert.Null(read.Rules);
        var d = Assert.Single(read.Diagnostics);
        Assert.Equal(code, d.Code);
        Assert.Equal(path, d.Path);
        Assert.NotNull(d.Location);
        Assert.Equal("rules.yaml", d.Location!.File);
        return d;
    }

    private static Diagnostic SingleCheckProblem(string yaml, DiagnosticCode code, string path)
    {
        var read = MeshRulesYaml.Read(yaml, "rules.yaml");
        Assert.False(read.HasErrors, string.Join("\n", read.Diagnostics));
        var result = ComplianceChecker.Check(Models.Compliant, read.Rules);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(code, d.Code);
        Assert.Equal(path, d.Path);
        Assert.True(result.HasErrors);
        Assert.NotNull(read.Locate(d).Location);
        return d;
    }

    [Fact]
    public void Reads_TheSample()
    {
        var read = MeshRulesYaml.Read(File.ReadAllText(Path.Combine(Mesh.Testing.TestPaths.RepoRoot, "samples", "rules.yaml")), "rules.yaml");
        Assert.False(read.HasErrors, string.Join("\n", read.Diagnostics));
        var rules = read.Rules!;
        Assert.Equal("platform", rules.Name);
        Assert.True(rules.IncludeBuiltIn);
        var team = Assert.Single(rules.Rules, r => r.Id == "team-label");
        Assert.Equal(RuleSubject.Services, team.On);
        Assert.Equal(DiagnosticSeverity.Warning, team.Severity);
        var payments = Assert.Single(rules.Rules, r => r.Id == "payments-timeout");
        Assert.Equal("route-timeout", payments.Check);
        Assert.Equal("3s", payments.Parameters["max"]);
        Assert.Equal(["payments"], payments.Target!.Namespaces);
        Assert.Empty(ComplianceChecker.Check(Models.Compliant, rules).Diagnostics);
    }

    [Fact]
    public void Defaults_ArePinned()
    {
        var rule = new ComplianceRule { Id = "x" };
        Assert.True(rule.Enabled);
        Assert.Equal(RuleSubject.Config, rule.On);
        Assert.Null(rule.Severity);
        Assert.True(MeshRules.Default.IncludeBuiltIn);
        Assert.Equal("30s", BuiltInRules.Parameters(BuiltInRules.RouteTimeout)["max"]);
        Assert.Equal("3", BuiltInRules.Parameters(BuiltInRules.RetryBounded)["maxAttempts"]);
        Assert.All(BuiltInRules.All, r => Assert.Equal(DiagnosticSeverity.Error, r.Severity));
    }

    [Fact]
    public void Malformed_IsMESH1001() => Assert.Equal(DiagnosticCodes.Syntax, Assert.Single(MeshRulesYaml.Read("kind: [MeshRules").Diagnostics).Code);

    [Fact]
    public void AnotherKind_IsMESH1009() => SingleProblem("kind: Mesh\nmetadata: { name: t }\nspec: {}\n", DiagnosticCodes.UnknownKind, "$.kind");

    [Fact]
    public void UnknownKey_IsMESH1003_WithItsPath() => SingleProblem(Header + "  rules: [{ id: a, expresion: 'true' }]\n", DiagnosticCodes.UnknownKey, "$.spec.rules[0].expresion");

    [Fact]
    public void UnknownSeverity_IsMESH1004() => SingleProblem(Header + "  rules: [{ id: a, expression: 'true', severity: fatal }]\n", DiagnosticCodes.UnknownEnumValue, "$.spec.rules[0].severity");

    [Fact]
    public void UnknownSubject_IsMESH1004() => SingleProblem(Header + "  rules: [{ id: a, expression: 'true', on: pods }]\n", DiagnosticCodes.UnknownEnumValue, "$.spec.rules[0].on");

    [Fact]
    public void WrongTypes_AreMESH1002()
    {
        SingleProblem(Header + "  rules: { id: a }\n", DiagnosticCodes.WrongType, "$.spec.rules");
        SingleProblem(Header + "  builtIn: yes-please\n", DiagnosticCodes.WrongType, "$.spec.builtIn");
        SingleProblem(Header + "  rules: [{ id: a, expression: 'true', parameters: { max: [1, 2] } }]\n", DiagnosticCodes.WrongType, "$.spec.rules[0].parameters.max");
        SingleProblem(Header + "  rules: [{ id: a, expression: 'true', target: { labels: { version: 2 } } }]\n", DiagnosticCodes.WrongType, "$.spec.rules[0].target.labels.version");
    }

    [Fact]
    public void MissingId_IsMESH1005() => SingleProblem(Header + "  rules: [{ expression: 'true' }]\n", DiagnosticCodes.MissingRequired, "$.spec.rules[0]");

    [Fact]
    public void DuplicateId_IsMESH5003() => SingleProblem(Header + "  rules: [{ id: a, expression: 'true' }, { id: a, expression: 'false' }]\n", ComplianceDiagnosticCodes.DuplicateRule, "$.spec.rules[1].id");

    [Fact]
    public void CheckAndExpression_IsMESH5004() => SingleProblem(Header + "  rules: [{ id: a, check: route-timeout, expression: 'true' }]\n", ComplianceDiagnosticCodes.InvalidRule, "$.spec.rules[0].expression");

    [Fact]
    public void OnWithoutExpression_IsMESH5004() => SingleProblem(Header + "  rules: [{ id: a, check: route-timeout, on: services }]\n", ComplianceDiagnosticCodes.InvalidRule, "$.spec.rules[0].on");

    [Fact]
    public void EmptyExemption_IsMESH5004() => SingleProblem(Header + "  rules: [{ id: mtls-strict, exemptions: [{ reason: everything }] }]\n", ComplianceDiagnosticCodes.InvalidRule, "$.spec.rules[0].exemptions[0]");

    [Fact]
    public void UnknownCheck_IsMESH5001() => SingleCheckProblem(Header + "  rules: [{ id: a, check: no-such-check }]\n", ComplianceDiagnosticCodes.UnknownCheck, "$.spec.rules[0].check");

    [Fact]
    public void NeitherCheckNorExpression_IsMESH5004() => SingleCheckProblem(Header + "  rules: [{ id: a }]\n", ComplianceDiagnosticCodes.InvalidRule, "$.spec.rules[0]");

    [Fact]
    public void ExpressionWithABuiltInId_IsMESH5004() => SingleCheckProblem(Header + "  rules: [{ id: route-timeout, expression: 'true' }]\n", ComplianceDiagnosticCodes.InvalidRule, "$.spec.rules[0].id");

    [Theory]
    [InlineData("{ id: route-timeout, parameters: { max: soon } }", "$.spec.rules[0].parameters.max")]
    [InlineData("{ id: route-timeout, parameters: { max: 0s } }", "$.spec.rules[0].parameters.max")]
    [InlineData("{ id: retry-bounded, parameters: { maxAttempts: -1 } }", "$.spec.rules[0].parameters.maxAttempts")]
    [InlineData("{ id: retry-bounded, parameters: { maxAttempts: 2.5 } }", "$.spec.rules[0].parameters.maxAttempts")]
    [InlineData("{ id: mtls-strict, parameters: { mode: strict } }", "$.spec.rules[0].parameters.mode")]
    [InlineData("{ id: stricter, check: route-timeout, parameters: { maximum: 1s } }", "$.spec.rules[0].parameters.maximum")]
    public void BadParameters_AreMESH5002(string rule, string path) => SingleCheckProblem(Header + $"  rules: [{rule}]\n", ComplianceDiagnosticCodes.InvalidParameter, path);

    [Fact]
    public void AnExpressionThatDoesNotCompile_IsMESH5005_WithTheColumn()
    {
        var d = SingleCheckProblem(Header + "  rules: [{ id: a, on: services, expression: \"object.name ==\" }]\n", ComplianceDiagnosticCodes.ExpressionInvalid, "$.spec.rules[0].expression");
        Assert.Contains("rule 'a'", d.Message, StringComparison.Ordinal);
        Assert.Contains("column ", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnExpressionThatFailsOnAnObject_IsMESH5006_NamingTheObject_NotAViolation()
    {
        var read = MeshRulesYaml.Read(Header + "  rules: [{ id: a, on: services, expression: \"object.ports[0].nothing == 1\" }]\n", "rules.yaml");
        var result = ComplianceChecker.Check(Models.Compliant, read.Rules);
        Assert.Equal(2, result.Diagnostics.Count);
        Assert.All(result.Diagnostics, d => Assert.Equal(ComplianceDiagnosticCodes.ExpressionFailed, d.Code));
        Assert.Contains("$.spec.services[1]", result.Diagnostics[1].Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Violations, v => v.RuleId == "a");
        Assert.True(result.HasErrors);
    }

    [Fact]
    public void ANonBooleanExpression_IsMESH5006() =>
        Assert.Contains("not a boolean", SingleCheckProblem(Header + "  rules: [{ id: a, expression: \"object.metadata.name\" }]\n", ComplianceDiagnosticCodes.ExpressionFailed, "$.spec.rules[0].expression").Message, StringComparison.Ordinal);

    [Fact]
    public void HostileYaml_IsADiagnostic_NeverAnException()
    {
        foreach (var (name, yaml) in Mesh.Testing.HostileYaml.All("kind: MeshRules\n"))
        {
            var read = MeshRulesYaml.Read(yaml());
            Assert.True(read.HasErrors, name);
        }
    }
}
