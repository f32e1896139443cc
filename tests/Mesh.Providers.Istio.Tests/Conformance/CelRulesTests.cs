using System.Text.Json.Nodes;
using Mesh.Providers.Conformance.Schema;

namespace Mesh.Providers.Istio.Tests.Conformance;

/// <summary>The CEL evaluator of the schema suites on small schemas: Kubernetes' binding and semantics, and nothing passed that was not evaluated.</summary>
public sealed class CelRulesTests
{
    private static JsonObject Schema(string rule, string? messageExpression = null, JsonObject? properties = null)
    {
        var validation = new JsonObject { ["rule"] = rule, ["message"] = "the rule failed" };
        if (messageExpression is not null) validation["messageExpression"] = messageExpression;
        return new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties?.DeepClone() ?? new JsonObject { ["value"] = new JsonObject { ["type"] = "string" } },
            ["x-kubernetes-validations"] = new JsonArray(validation),
        };
    }

    private static (List<string> Problems, CelReport Report) Run(JsonObject schema, string json)
    {
        var rules = new CelRules();
        rules.Declare("test/v1/Kind", schema);
        var value = JsonNode.Parse(json)!;
        StructuralDefaulting.Apply(schema, value);
        var problems = new List<string>();
        rules.Evaluate(schema, value, problems);
        return (problems, rules.Report());
    }

    [Fact]
    public void Has_IsKeyPresence_EvenOfAnEmptyString()
    {
        var (problems, report) = Run(Schema("!has(self.value)"), """{ "value": "" }""");
        Assert.Equal("$: the rule failed (CEL rule: !has(self.value))", Assert.Single(problems));
        Assert.Equal((1, 1, 0), (report.Checked, report.Violated, report.Unevaluated));
        Assert.Empty(Run(Schema("!has(self.value)"), "{}").Problems);
    }

    [Fact]
    public void ARuleRunsOncePerListItem_WithSelfTheItem_AndOnlyWhereAValueIsPresent()
    {
        var schema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["ports"] = new JsonObject
                {
                    ["type"] = "array",
                    ["items"] = new JsonObject { ["type"] = "integer", ["x-kubernetes-validations"] = new JsonArray(new JsonObject { ["rule"] = "0 < self && self <= 65535", ["message"] = "a port" }) },
                },
                ["other"] = new JsonObject { ["type"] = "string", ["x-kubernetes-validations"] = new JsonArray(new JsonObject { ["rule"] = "self == 'never'" }) },
            },
        };
        var (problems, report) = Run(schema, """{ "ports": [80, 70000, 0] }""");
        Assert.Equal(["$.ports[1]: a port (CEL rule: 0 < self && self <= 65535)", "$.ports[2]: a port (CEL rule: 0 < self && self <= 65535)"], problems);
        Assert.Equal((2, 1, 3L), (report.Declared, report.Reached, report.Evaluations));
    }

    [Fact]
    public void DefaultsAreApplied_BeforeTheRulesRun()
    {
        var properties = new JsonObject { ["type"] = new JsonObject { ["type"] = "string", ["default"] = "PathPrefix" }, ["value"] = new JsonObject { ["type"] = "string" } };
        Assert.Empty(Run(Schema("self.type == 'PathPrefix'", properties: properties), """{ "value": "/" }""").Problems);
        Assert.Single(Run(Schema("self.type == 'PathPrefix'", properties: properties), """{ "type": "Exact", "value": "/" }""").Problems);
    }

    [Fact]
    public void ReservedPropertyNames_AreEscaped_AsKubernetesDoes()
    {
        var properties = new JsonObject { ["namespace"] = new JsonObject { ["type"] = "string" }, ["x-name"] = new JsonObject { ["type"] = "string" } };
        Assert.Empty(Run(Schema("self.__namespace__ == 'a' && self.x__dash__name == 'b'", properties: properties), """{ "namespace": "a", "x-name": "b" }""").Problems);
    }

    [Fact]
    public void AMissingKey_IsAnEvaluationError_AndFailsTheObject()
    {
        var (problems, report) = Run(Schema("self.value == 'a'"), "{}");
        Assert.Contains("evaluation error", Assert.Single(problems), StringComparison.Ordinal);
        Assert.Equal(1, report.Violated);
    }

    [Fact]
    public void MessageExpression_GivesTheFailureText()
    {
        var (problems, _) = Run(Schema("size(self.value) < 3", "'too long: ' + self.value"), """{ "value": "abcd" }""");
        Assert.StartsWith("$: too long: abcd (CEL rule: ", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void TransitionRules_AreSkipped_AndCounted()
    {
        var (problems, report) = Run(Schema("self.value == oldSelf.value"), """{ "value": "a" }""");
        Assert.Empty(problems);
        Assert.Equal((0, 1), (report.Checked, report.Unevaluated));
        Assert.Equal(1, report.UnevaluableByReason["transition rule (oldSelf): not run on create"]);
    }

    [Fact]
    public void ARuleCallingAFunctionNotAvailable_IsCountedUnevaluated_NeverPassed()
    {
        var (problems, report) = Run(Schema("isIP(self.value) && self.value.lowerAscii() == self.value"), """{ "value": "a" }""");
        Assert.Empty(problems);
        Assert.Equal((0, 0, 1, 1L), (report.Checked, report.Violated, report.Unevaluated, report.UnevaluatedEvaluations));
        Assert.Equal("calls isIP, lowerAscii, not available", Assert.Single(report.UnevaluatedByReason).Key);
    }

    [Fact]
    public void KubernetesUrlAndStringFunctions_AreEvaluated()
    {
        var rule = "isURL(self.value) && url(self.value).getScheme() == 'https' && self.value.substring(0, 5) == 'https'";
        Assert.Empty(Run(Schema(rule), """{ "value": "https://example.com/a" }""").Problems);
        Assert.Single(Run(Schema(rule), """{ "value": "example.com/a" }""").Problems);
        Assert.Single(Run(Schema("url(self.value).getHost() != ''"), """{ "value": "not a url" }""").Problems);
    }
}
