using Mesh.Diagnostics;
using Mesh.Serialization;

namespace Mesh.Abstractions.Tests.Serialization;

/// <summary>Bad documents give diagnostics with a code, a JSON path and the line and column of the offending node, never an exception.</summary>
public class MalformedInputTests
{
    private const string Head = "kind: Mesh\nmetadata: { name: m }\nspec:\n";

    /// <summary>Reads <paramref name="yaml"/> and asserts exactly one diagnostic, located at the first occurrence of <paramref name="marker"/>.</summary>
    private static Diagnostic AssertSingle(string yaml, DiagnosticCode code, string path, string marker)
    {
        var result = MeshYaml.Read(yaml, "bad.yaml");
        Assert.Null(result.Config);
        Assert.True(result.HasErrors);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(code, diagnostic.Code);
        Assert.Equal(path, diagnostic.Path);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(Position(yaml, marker), diagnostic.Location);
        return diagnostic;
    }

    private static SourceLocation Position(string yaml, string marker)
    {
        var index = yaml.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(index >= 0, $"marker '{marker}' not in the document");
        var line = yaml[..index].Count(c => c == '\n') + 1;
        var column = index - (yaml.LastIndexOf('\n', Math.Max(index - 1, 0)) + 1) + 1;
        if (yaml.LastIndexOf('\n', Math.Max(index - 1, 0)) < 0) column = index + 1;
        return new SourceLocation("bad.yaml", line, column);
    }

    [Fact]
    public void SyntaxError_IsReportedWithItsPosition()
    {
        var yaml = Head + "  services:\n    - name: a\n   namespace: b\n";
        var result = MeshYaml.Read(yaml, "bad.yaml");
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.Syntax, diagnostic.Code);
        Assert.Equal("$", diagnostic.Path);
        Assert.Equal(new SourceLocation("bad.yaml", 6, 4), diagnostic.Location);
        Assert.Null(result.Config);
    }

    [Fact]
    public void UnclosedFlowMapping_IsASyntaxError()
    {
        var result = MeshYaml.Read("kind: Mesh\nmetadata: { name: x\nspec: {}\n");
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.Syntax, "$"), (diagnostic.Code, diagnostic.Path));
        Assert.Equal(new SourceLocation(null, 2, 17), diagnostic.Location);
    }

    [Fact]
    public void UnterminatedQuote_IsASyntaxError()
    {
        var diagnostic = Assert.Single(MeshYaml.Read("kind: Mesh\nmetadata: { name: \"x }\n", "q.yaml").Diagnostics);
        Assert.Equal(DiagnosticCodes.Syntax, diagnostic.Code);
        Assert.Equal(new SourceLocation("q.yaml", 2, 19), diagnostic.Location);
    }

    [Fact]
    public void List_WhereAMappingBelongs_IsWrongType() =>
        AssertSingle("kind: Mesh\nmetadata: [a]\n", DiagnosticCodes.WrongType, "$.metadata", "[a]");

    [Fact]
    public void Mapping_WhereAListBelongs_IsWrongType() =>
        AssertSingle(Head + "  services: { a: 1 }\n", DiagnosticCodes.WrongType, "$.spec.services", "{ a");

    [Fact]
    public void List_WhereARetryMappingBelongs_IsWrongType() =>
        AssertSingle(Head + "  routes:\n    - { name: r, namespace: n, host: r.n, rules: [{ retry: [3] }] }\n", DiagnosticCodes.WrongType, "$.spec.routes[0].rules[0].retry", "[3]");

    [Fact]
    public void String_WhereAnIntBelongs_IsWrongType() =>
        AssertSingle(Head + "  services:\n    - { name: a, namespace: b, ports: [{ port: eighty, protocol: http }] }\n",
            DiagnosticCodes.WrongType, "$.spec.services[0].ports[0].port", "eighty");

    [Fact]
    public void UnquotedNumber_WhereAStringBelongs_IsWrongType_WithAHintToQuote()
    {
        var d = AssertSingle(Head + "  services:\n    - { name: a, namespace: 2024 }\n", DiagnosticCodes.WrongType, "$.spec.services[0].namespace", "2024");
        Assert.Contains("quote", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownKey_IsAnError_NamingTheExpectedKeys()
    {
        var d = AssertSingle(Head + "  services:\n    - { name: a, namespace: b, colour: red }\n", DiagnosticCodes.UnknownKey, "$.spec.services[0].colour", "colour");
        Assert.Contains("subsets", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownTopLevelKey_IsAnError() =>
        AssertSingle("apiVersion: v1\nkind: Mesh\nmetadata: { name: m }\n", DiagnosticCodes.UnknownKey, "$.apiVersion", "apiVersion");

    [Fact]
    public void UnknownProtocol_ListsTheAllowedValues()
    {
        var d = AssertSingle(Head + "  services:\n    - { name: a, namespace: b, ports: [{ port: 80, protocol: htp }] }\n",
            DiagnosticCodes.UnknownEnumValue, "$.spec.services[0].ports[0].protocol", "htp");
        Assert.Contains("http, http2, grpc, tcp, tls", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownMtlsMode_IsUnknownEnumValue() =>
        AssertSingle(Head + "  mtls: [{ scope: { mesh: true }, mode: strictest }]\n", DiagnosticCodes.UnknownEnumValue, "$.spec.mtls[0].mode", "strictest");

    [Fact]
    public void UnknownRetryCondition_IsUnknownEnumValue_AtItsIndex()
    {
        var d = AssertSingle(Head + "  routes:\n    - { name: r, namespace: n, host: r.n, rules: [{ retry: { attempts: 2, on: [5xx, teapot] } }] }\n",
            DiagnosticCodes.UnknownEnumValue, "$.spec.routes[0].rules[0].retry.on[1]", "teapot");
        Assert.Contains("retriable-status-codes", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingName_IsMissingRequired_AtTheMapping() =>
        AssertSingle(Head + "  services:\n    - { namespace: b }\n", DiagnosticCodes.MissingRequired, "$.spec.services[0].name", "{ namespace");

    [Fact]
    public void MissingHost_IsMissingRequired() =>
        AssertSingle(Head + "  routes:\n    - name: r\n      namespace: n\n", DiagnosticCodes.MissingRequired, "$.spec.routes[0].host", "name: r");

    [Fact]
    public void MissingPort_IsMissingRequired() =>
        AssertSingle(Head + "  services:\n    - { name: a, namespace: b, ports: [{ protocol: http }] }\n", DiagnosticCodes.MissingRequired, "$.spec.services[0].ports[0].port", "{ protocol");

    [Theory]
    [InlineData("5 seconds")]
    [InlineData("-1s")]
    [InlineData("1us")]
    [InlineData("1.5ms")]
    public void BadDuration_IsInvalidFormat(string duration) =>
        AssertSingle(Head + $"  routes:\n    - name: r\n      namespace: n\n      host: r.n\n      rules:\n        - timeout: {duration}\n",
            DiagnosticCodes.InvalidFormat, "$.spec.routes[0].rules[0].timeout", duration);

    [Fact]
    public void ServiceRef_WithoutNamespace_IsInvalidFormat() =>
        AssertSingle(Head + "  routes:\n    - { name: r, namespace: n, host: reviews }\n", DiagnosticCodes.InvalidFormat, "$.spec.routes[0].host", "reviews");

    [Fact]
    public void ServiceAccountRef_WithoutSlash_IsInvalidFormat() =>
        AssertSingle(Head + "  accessPolicies:\n    - { name: p, namespace: n, action: deny, rules: [{ from: { serviceAccounts: [just-a-name] } }] }\n",
            DiagnosticCodes.InvalidFormat, "$.spec.accessPolicies[0].rules[0].from.serviceAccounts[0]", "just-a-name");

    [Fact]
    public void IntOverflow_IsInvalidFormat() =>
        AssertSingle(Head + "  services:\n    - { name: a, namespace: b, ports: [{ port: 99999999999, protocol: http }] }\n",
            DiagnosticCodes.InvalidFormat, "$.spec.services[0].ports[0].port", "99999999999");

    [Fact]
    public void DecimalOverflow_IsInvalidFormat() =>
        AssertSingle(Head + "  routes:\n    - { name: r, namespace: n, host: r.n, rules: [{ fault: { abort: { httpStatus: 503, percentage: 1e300 } } }] }\n",
            DiagnosticCodes.InvalidFormat, "$.spec.routes[0].rules[0].fault.abort.percentage", "1e300");

    [Fact]
    public void DuplicateKey_IsReportedAtTheSecondKey() =>
        AssertSingle(Head + "  services:\n    - name: a\n      namespace: b\n      name: c\n", DiagnosticCodes.DuplicateKey, "$.spec.services[0].name", "name: c");

    [Fact]
    public void DuplicateSubsetName_IsReportedWithADataPath() =>
        AssertSingle(Head + "  services:\n    - name: a\n      namespace: b\n      subsets:\n        v1: {}\n        v1: { x: y }\n",
            DiagnosticCodes.DuplicateKey, "$.spec.services[0].subsets.v1", "v1: { x");

    [Fact]
    public void WrongKind_IsUnknownKind() =>
        AssertSingle("kind: Gateway\nmetadata: { name: m }\n", DiagnosticCodes.UnknownKind, "$.kind", "Gateway");

    [Fact]
    public void TwoPathForms_AreConflictingForms() =>
        AssertSingle(Head + "  routes:\n    - { name: r, namespace: n, host: r.n, rules: [{ matches: [{ path: { exact: /a, prefix: /b } }] }] }\n",
            DiagnosticCodes.ConflictingForms, "$.spec.routes[0].rules[0].matches[0].path.prefix", "prefix");

    [Fact]
    public void TwoLoadBalancers_AreConflictingForms() =>
        AssertSingle(Head + "  destinationPolicies:\n    - { target: { service: a.b }, loadBalancer: { roundRobin: {}, random: {} } }\n",
            DiagnosticCodes.ConflictingForms, "$.spec.destinationPolicies[0].loadBalancer.random", "random");

    [Fact]
    public void MeshScope_WithANamespace_IsConflictingForms() =>
        AssertSingle(Head + "  mtls: [{ scope: { mesh: true, namespace: x }, mode: strict }]\n",
            DiagnosticCodes.ConflictingForms, "$.spec.mtls[0].scope.namespace", "namespace: x");

    [Fact]
    public void HeaderMatch_WithNoForm_IsMissingRequired() =>
        AssertSingle(Head + "  routes:\n    - { name: r, namespace: n, host: r.n, rules: [{ matches: [{ headers: [{ name: h }] }] }] }\n",
            DiagnosticCodes.MissingRequired, "$.spec.routes[0].rules[0].matches[0].headers[0]", "{ name: h");

    [Fact]
    public void PresentFalse_IsInvalidFormat() =>
        AssertSingle(Head + "  routes:\n    - { name: r, namespace: n, host: r.n, rules: [{ matches: [{ headers: [{ name: h, present: false }] }] }] }\n",
            DiagnosticCodes.InvalidFormat, "$.spec.routes[0].rules[0].matches[0].headers[0].present", "false");

    [Fact]
    public void EveryProblem_IsReported_NotJustTheFirst()
    {
        var yaml = Head +
            "  services:\n" +
            "    - { name: a, namespace: b, ports: [{ port: x, protocol: htp }], colour: red }\n" +
            "  routes:\n" +
            "    - { name: r, namespace: n, host: reviews, rules: [{ timeout: 5 seconds }] }\n";
        var result = MeshYaml.Read(yaml);
        Assert.Equal(
            [DiagnosticCodes.WrongType, DiagnosticCodes.UnknownEnumValue, DiagnosticCodes.UnknownKey, DiagnosticCodes.InvalidFormat, DiagnosticCodes.InvalidFormat],
            result.Diagnostics.Select(d => d.Code));
        Assert.All(result.Diagnostics, d => Assert.NotNull(d.Location));
        Assert.Null(result.Config);
    }

    [Fact]
    public void Json_Errors_CarryPathsAndPositions()
    {
        var json = "{\n  \"kind\": \"Mesh\",\n  \"metadata\": { \"name\": \"m\" },\n  \"spec\": { \"services\": [ { \"name\": \"a\", \"namespace\": \"b\", \"ports\": [ { \"port\": \"80\", \"protocol\": \"http\" } ] } ] }\n}\n";
        var result = MeshJson.Read(json, "bad.json");
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.WrongType, d.Code);
        Assert.Equal("$.spec.services[0].ports[0].port", d.Path);
        Assert.Equal(new SourceLocation("bad.json", 4, json.Split('\n')[3].IndexOf("\"80\"", StringComparison.Ordinal) + 1), d.Location);
    }

    [Theory]
    [InlineData("")]
    [InlineData("just a string")]
    [InlineData("[1, 2]")]
    [InlineData("kind: Mesh\n")]
    [InlineData("---\nkind: Mesh\nmetadata: { name: a }\n---\nkind: Mesh\nmetadata: { name: b }\n")]
    [InlineData("\t- tab\n")]
    [InlineData("kind: Mesh\nmetadata: { name: m }\nspec:\n  services:\n    - ? [complex, key]\n      : value\n")]
    public void OddDocuments_GiveErrors_NotExceptions(string yaml)
    {
        var result = MeshYaml.Read(yaml);
        Assert.True(result.HasErrors);
        Assert.Null(result.Config);
        Assert.All(result.Diagnostics, d => Assert.NotNull(d.Location));
    }
}
