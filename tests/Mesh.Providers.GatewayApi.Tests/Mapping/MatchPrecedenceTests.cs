using CsCheck;
using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Mapping;

namespace Mesh.Providers.GatewayApi.Tests.Mapping;

/// <summary>
/// Gateway API applies a route's most specific match (exact path, longest prefix, method, most headers, most query
/// parameters; list order on ties), the model its first. The import orders rules so that first-match picks what Gateway API
/// picks (checked against a reference evaluator of the spec's precedence on generated rules and requests); the export
/// reports model orders Gateway API would not follow.
/// </summary>
public class MatchPrecedenceTests
{
    private static readonly string[] Paths = ["/", "/api", "/api/", "/api/v1", "/api/v1/x", "/apiv2", "/web"];
    private static readonly string[] RequestPaths = [.. Paths, "/web/x", "/other"];

    private static readonly Gen<PathMatch?> Path = Gen.Frequency(
        (1, Gen.Const((PathMatch?)null)),
        (2, Gen.OneOf(Paths).Select(p => (PathMatch?)PathMatch.Exact(p))),
        (3, Gen.OneOf(Paths).Select(p => (PathMatch?)PathMatch.Prefix(p))));

    private static readonly Gen<ValueMatch> Header = Gen.Select(Gen.OneOf("x-a", "x-b"), Gen.Int[0, 3], (name, kind) => kind switch
    {
        0 => ValueMatch.Exact(name, "1"),
        1 => ValueMatch.Exact(name, "2"),
        2 => ValueMatch.Present(name),
        _ => ValueMatch.Absent(name),
    });

    private static readonly Gen<ValueMatch> Query = Gen.OneOf(ValueMatch.Exact("q", "1"), ValueMatch.Exact("q", "2"), ValueMatch.Present("q"));

    private static readonly Gen<HttpMatch> Match = Gen.Select(Path, Header.Array[0, 2], Query.Array[0, 1], Gen.OneOf<string?>(null, null, "GET", "POST"),
        (path, headers, query, method) => new HttpMatch
        {
            Path = path,
            Headers = [.. headers.DistinctBy(h => h.Name)],
            QueryParams = [.. query],
            Method = method,
        });

    /// <summary>Rules tagged by their timeout (rule k: k+1 seconds), so that a rule split by the ordering is still known.</summary>
    private static readonly Gen<List<HttpRouteRule>> Rules = Match.Array[0, 3].Array[1, 5].Select(rules =>
        rules.Select((matches, k) => new HttpRouteRule { Matches = [.. matches], Timeout = TimeSpan.FromSeconds(k + 1) }).ToList());

    private sealed record Request(string Path, Dictionary<string, string> Headers, Dictionary<string, string> Query, string Method);

    private static readonly Gen<Request> Requests = Gen.Select(
        Gen.OneOf(RequestPaths), Gen.OneOf("", "1", "2"), Gen.OneOf("", "1", "2"), Gen.OneOf("", "1", "2"), Gen.OneOf("GET", "POST"),
        (path, a, b, q, method) => new Request(
            path,
            new Dictionary<string, string>(new[] { ("x-a", a), ("x-b", b) }.Where(h => h.Item2 != "").Select(h => KeyValuePair.Create(h.Item1, h.Item2))),
            q == "" ? [] : new Dictionary<string, string> { ["q"] = q },
            method));

    // The spec's matching, written here apart from the provider's code.
    private static bool PrefixMatches(string prefix, string path)
    {
        var p = prefix.Length > 1 ? prefix.TrimEnd('/') : prefix;
        if (p == "/") return true;
        return path.StartsWith(p, StringComparison.Ordinal) && (path.Length == p.Length || path[p.Length] == '/');
    }

    private static bool Holds(ValueMatch m, Dictionary<string, string> values) => m.Kind switch
    {
        ValueMatchKind.Exact => values.TryGetValue(m.Name, out var v) && v == m.Value,
        ValueMatchKind.Present => values.ContainsKey(m.Name),
        ValueMatchKind.Absent => !values.ContainsKey(m.Name),
        _ => throw new InvalidOperationException("not generated"),
    };

    private static bool Matches(HttpMatch m, Request r) =>
        (m.Path is null || (m.Path.Kind == PathMatchKind.Exact ? m.Path.Value == r.Path : PrefixMatches(m.Path.Value, r.Path)))
        && (m.Method is null || m.Method == r.Method)
        && m.Headers.All(h => Holds(h, r.Headers))
        && m.QueryParams.All(q => Holds(q, r.Query));

    /// <summary>The spec's precedence: exact path, then prefix characters, method, headers, query; then list order.</summary>
    private static (int, int, int, int, int) Rank(HttpMatch? m)
    {
        var path = m?.Path;
        var kind = path?.Kind == PathMatchKind.Exact ? 2 : 1;
        var length = path is { Kind: PathMatchKind.Prefix } p ? (p.Value.Length > 1 ? p.Value.TrimEnd('/') : p.Value) is { Length: > 0 } t ? t.Length : 1 : path is null ? 1 : 0;
        return (kind, length, m?.Method is null ? 0 : 1, m?.Headers.Count ?? 0, m?.QueryParams.Count ?? 0);
    }

    private static TimeSpan? GatewayApiPick(List<HttpRouteRule> rules, Request r)
    {
        var candidates = rules.SelectMany((rule, k) => (rule.Matches.IsEmpty ? [null] : rule.Matches.Select(m => (HttpMatch?)m)).Select((m, i) => (Rule: rule, K: k, I: i, M: m)))
            .Where(c => c.M is null || Matches(c.M, r))
            .ToList();
        if (candidates.Count == 0) return null;
        return candidates.OrderByDescending(c => Rank(c.M)).ThenBy(c => c.K).ThenBy(c => c.I).First().Rule.Timeout;
    }

    private static TimeSpan? FirstMatch(IReadOnlyList<HttpRouteRule> rules, Request r) =>
        rules.FirstOrDefault(rule => rule.Matches.IsEmpty || rule.Matches.Any(m => Matches(m, r)))?.Timeout;

    [Fact]
    public void Order_MakesFirstMatch_PickWhatGatewayApiPicks() =>
        Gen.Select(Rules, Requests.Array[20]).Sample((rules, requests) =>
        {
            var ordered = MatchPrecedence.Order(rules);
            foreach (var r in requests)
            {
                Assert.True(GatewayApiPick(rules, r) == FirstMatch(ordered, r), $"{r.Path} {string.Join(",", r.Headers)} {string.Join(",", r.Query)} {r.Method}");
            }
            // Nothing lost or invented: the same matches, each rule's matches in its own order.
            Assert.Equal(rules.Sum(x => Math.Max(1, x.Matches.Count)), ordered.Sum(x => Math.Max(1, x.Matches.Count)));
        }, iter: 2000);

    [Fact]
    public void Order_WithoutConflicts_KeepsTheRulesAsTheyAre() =>
        Rules.Where(rules => !MatchPrecedence.Conflicts(rules).Any()).Sample(rules => Assert.Same(rules, MatchPrecedence.Order(rules)), iter: 500);

    [Fact]
    public void Conflicts_AreExactlyTheOrdersFirstMatchWouldGetWrong() =>
        Gen.Select(Rules, Requests.Array[20]).Sample((rules, requests) =>
        {
            // Where no conflict is found, the model's own order already picks what Gateway API picks.
            if (MatchPrecedence.Conflicts(rules).Any()) return;
            foreach (var r in requests) Assert.Equal(GatewayApiPick(rules, r), FirstMatch(rules, r));
        }, iter: 2000);

    private const string MatchingRoute = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: { name: matching, namespace: shop }
        spec:
          parentRefs: [{ group: "", kind: Service, name: echo, port: 80 }]
          rules:
          - matches: [{ path: { type: PathPrefix, value: / } }, { headers: [{ name: version, value: one }] }]
            backendRefs: [{ name: echo-v1, port: 8080 }]
          - matches: [{ path: { type: PathPrefix, value: /v2 } }, { headers: [{ name: version, value: two }] }]
            backendRefs: [{ name: echo-v2, port: 8080 }]
        """;

    [Fact]
    public void Import_PutsTheMoreSpecificMatchesFirst_AndSaysSo()
    {
        var result = new GatewayApiTranslator().ImportYaml(MatchingRoute, "matching.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var rules = Assert.Single(result.Config!.Routes).Rules;
        // /v2 (3 characters) and the version header (a header match) outrank the bare "/" and reach echo-v2 first.
        Assert.Equal("echo-v2", rules[0].Backends[0].Service.Name);
        Assert.Equal("echo-v1", rules[^1].Backends[0].Service.Name);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.TranslationNote && d.Message.Contains("most specific", StringComparison.Ordinal));
        Assert.DoesNotContain(Mesh.Analysis.MeshAnalyzer.Analyze(result.Config), d => d.Code == DiagnosticCodes.ShadowedRule);
    }

    [Fact]
    public void Export_ReportsBothRules_WhenTheModelOrderIsNotGatewayApis()
    {
        var host = new ServiceRef("web", "shop");
        var model = new MeshConfig
        {
            Name = "shop",
            Services = [new MeshService { Name = "web", Namespace = "shop", Ports = [new ServicePort { Port = 80, Protocol = Protocol.Http }], Subsets = [new Subset { Name = "v1", Labels = [new("version", "v1")] }, new Subset { Name = "v2", Labels = [new("version", "v2")] }] }],
            Routes =
            [
                new HttpRoute
                {
                    Name = "web", Namespace = "shop", Host = host,
                    Rules =
                    [
                        new HttpRouteRule { Matches = [new HttpMatch { Path = PathMatch.Prefix("/api") }], Backends = [new WeightedBackend { Service = host, Subset = "v1" }] },
                        new HttpRouteRule { Matches = [new HttpMatch { Path = PathMatch.Prefix("/api/admin") }], Backends = [new WeightedBackend { Service = host, Subset = "v2" }] },
                        new HttpRouteRule { Matches = [new HttpMatch { Path = PathMatch.Prefix("/web/admin") }], Backends = [new WeightedBackend { Service = host, Subset = "v2" }] },
                    ],
                },
            ],
        };
        var translated = new GatewayApiTranslator().Translate(model);
        var reported = translated.Diagnostics.Where(d => d.Code == DiagnosticCodes.Approximated && d.Message.StartsWith("Gateway API picks", StringComparison.Ordinal)).Select(d => d.Path).ToList();
        Assert.Equal(["$.spec.routes[0].rules[1]", "$.spec.routes[0].rules[0]"], reported);
    }
}
