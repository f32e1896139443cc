using System.Text.Json;
using System.Text.RegularExpressions;
using Mesh.Compliance.Cel;
using Mesh.Testing;

namespace Mesh.Compliance.Tests;

/// <summary>
/// Whether the <c>Cel</c> package evaluates what rules use the way CEL defines it: every construct the documentation and the
/// sample rules use, on JSON-shaped values, with the result CEL (and so Kubernetes) gives; and every expression of
/// <c>docs/compliance.md</c> and <c>samples/rules.yaml</c> compiles.
/// </summary>
public sealed partial class CelConformanceTests
{
    public static TheoryData<string, string, bool> Cases => new()
    {
        // has(): presence, also of empty values (Kubernetes' meaning).
        { "has(object.a)", """{"a":1}""", true },
        { "has(object.a)", """{}""", false },
        { "has(object.a)", """{"a":""}""", true },
        { "has(object.a)", """{"a":[]}""", true },
        { "has(object.a.b)", """{"a":{"b":1}}""", true },
        { "has(object.a.b)", """{"a":{}}""", false },
        { "!has(object.a) || object.a == 'x'", """{}""", true },
        { "!has(object.a) || object.a == 'x'", """{"a":"y"}""", false },
        // Macros over lists and maps.
        { "object.xs.all(x, x > 1)", """{"xs":[2,3]}""", true },
        { "object.xs.all(x, x > 1)", """{"xs":[1,2]}""", false },
        { "object.xs.exists(x, x == 'a')", """{"xs":["b","a"]}""", true },
        { "object.xs.exists_one(x, x == 'a')", """{"xs":["a","a"]}""", false },
        { "size(object.xs.filter(x, x > 1)) == 1", """{"xs":[1,2]}""", true },
        { "object.xs.map(x, x * 2)[1] == 4", """{"xs":[1,2]}""", true },
        { "object.m.all(k, k.startsWith('a'))", """{"m":{"ab":"1","ac":"2"}}""", true },
        { "object.m.all(k, k.startsWith('a'))", """{"m":{"ab":"1","b":"2"}}""", false },
        { "object.rules.all(r, has(r.timeout))", """{"rules":[{"timeout":"1s"},{}]}""", false },
        // Membership, size, indexing.
        { "'team' in object.m", """{"m":{"team":"x"}}""", true },
        { "'team' in object.m", """{"m":{"app":"x"}}""", false },
        { "'a' in object.xs", """{"xs":["a"]}""", true },
        { "size(object.xs) == 2", """{"xs":[1,2]}""", true },
        { "size(object.s) == 3", """{"s":"abc"}""", true },
        { "object.m['app'] == 'web'", """{"m":{"app":"web"}}""", true },
        // Strings.
        { "object.s.startsWith('ab') && object.s.endsWith('yz') && object.s.contains('mm')", """{"s":"abmmyz"}""", true },
        { "object.s.matches('^[a-z]+\\\\.example\\\\.com$')", """{"s":"api.example.com"}""", true },
        { "object.s.matches('^[a-z]+\\\\.example\\\\.com$')", """{"s":"*.example.com"}""", false },
        { "object.a + '/' + object.b == 'x/y'", """{"a":"x","b":"y"}""", true },
        // Durations as the model writes them.
        { "duration(object.t) <= duration('30s')", """{"t":"5s"}""", true },
        { "duration(object.t) <= duration('30s')", """{"t":"1m"}""", false },
        { "duration(object.t) < duration('1s')", """{"t":"500ms"}""", true },
        { "duration(object.t) > duration('59m')", """{"t":"1h"}""", true },
        // Numbers.
        { "object.n * 2 <= 10", """{"n":5}""", true },
        { "object.n * 2 <= 10", """{"n":6}""", false },
        { "object.p < 50.5", """{"p":10.5}""", true },
        { "double(object.n) < 2.5", """{"n":2}""", true },
        { "object.p <= 50", """{"p":12.5}""", true },
        { "object.p <= 50", """{"p":100}""", true == false },
        { "int(object.s) == 42", """{"s":"42"}""", true },
        // Conditionals and logic.
        { "object.n > 1 ? object.s == 'big' : object.s == 'small'", """{"n":0,"s":"small"}""", true },
        { "!(object.b) && true", """{"b":false}""", true },
        // The other variables.
        { "namespace == 'shop'", """{}""", true },
        { "params.max == '3'", """{}""", true },
        { "config.spec.services.exists(s, s.namespace == namespace)", """{}""", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluates_AsCelDefinesIt(string expression, string json, bool expected)
    {
        var engine = new CelEngine();
        var (program, error) = engine.Compile(expression);
        Assert.True(program is not null, $"{expression}: {error}");
        using var document = JsonDocument.Parse(json);
        using var config = JsonDocument.Parse("""{"kind":"Mesh","spec":{"services":[{"name":"web","namespace":"shop"}]}}""");
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["object"] = CelValues.From(document.RootElement),
            ["config"] = CelValues.From(config.RootElement),
            ["namespace"] = "shop",
            ["params"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["max"] = "3" },
        };
        var (result, failure) = CelEngine.Evaluate(program!, variables);
        Assert.True(result is not null, $"{expression} on {json}: {failure}");
        Assert.Equal(expected, result);
    }

    [Theory]
    [InlineData("object.a +", 11)]
    [InlineData("object.a == 'x' &&& true", 19)]
    [InlineData("object.a == 'x' # comment", 19)]
    [InlineData("nope(object.a)", 1)]
    [InlineData("object.a.exists(x, frobnicate(x))", 20)]
    public void Refuses_WhatCelDoesNotCompile_WithTheColumn(string expression, int column)
    {
        var (program, error) = new CelEngine().Compile(expression);
        Assert.Null(program);
        Assert.StartsWith($"column {column}:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_StringLiteralsWithSpacesAndOperators()
    {
        var (program, error) = new CelEngine().Compile("object.s == 'a && b # c' && object.t != \"x  y\"");
        Assert.True(program is not null, error);
    }

    [Theory]
    [InlineData("object.missing.deeper == 1")]
    [InlineData("object.n + 'a' == 'x'")]
    [InlineData("object.n")]
    public void Reports_EvaluationErrorsAndNonBooleans(string expression)
    {
        var (program, _) = new CelEngine().Compile(expression);
        Assert.NotNull(program);
        var (result, error) = CelEngine.Evaluate(program!, new Dictionary<string, object?>(StringComparer.Ordinal) { ["object"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["n"] = 1L } });
        Assert.Null(result);
        Assert.False(string.IsNullOrEmpty(error));
    }

    public static TheoryData<string> DocumentedExpressions()
    {
        var data = new TheoryData<string>();
        foreach (var file in new[] { "docs/compliance.md", "samples/rules.yaml" })
        {
            var text = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, file));
            foreach (Match m in ExpressionLine().Matches(text)) data.Add(m.Groups[1].Value.Replace("\\\"", "\"", StringComparison.Ordinal));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(DocumentedExpressions))]
    public void EveryDocumentedExpression_Compiles_AndRunsOnTheSampleModel(string expression)
    {
        var (program, error) = new CelEngine().Compile(expression);
        Assert.True(program is not null, $"{expression}: {error}");
        var sample = Mesh.Serialization.MeshYaml.Read(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "samples", "bookinfo.mesh.yaml"))).Config!;
        var rules = new MeshRules
        {
            Name = "doc",
            IncludeBuiltIn = false,
            Rules = [.. Enum.GetValues<RuleSubject>().Select(on => new ComplianceRule { Id = $"doc-{on}", On = on, Expression = expression, Parameters = new([new("maxPerTry", "5s"), new("max", "3")]) })],
        };
        // On some subject the expression must run without error (each documented expression is written for one of them).
        var result = ComplianceChecker.Check(sample, rules);
        var failedSubjects = result.Diagnostics.Select(d => d.Path).Distinct().Count();
        Assert.True(failedSubjects < rules.Rules.Count, string.Join("\n", result.Diagnostics.Take(3)));
    }

    [GeneratedRegex("expression: \"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex ExpressionLine();
}
