using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.Linkerd.Resources;

namespace Mesh.Providers.Linkerd.Tests.Import;

/// <summary>The legacy ServiceProfile: read into the model with notes on what it became, and written back as an HTTPRoute.</summary>
public sealed class ServiceProfileTests
{
    private const string Profile = """
        apiVersion: linkerd.io/v1alpha2
        kind: ServiceProfile
        metadata:
          name: webapp.booksapp.svc.cluster.local
          namespace: booksapp
        spec:
          routes:
          - name: GET /books/{id}
            condition:
              method: GET
              pathRegex: /books/[^/]*
            timeout: 300ms
            isRetryable: true
          - name: POST /books
            condition:
              method: POST
              pathRegex: /books
          retryBudget:
            retryRatio: 0.2
            minRetriesPerSecond: 10
            ttl: 10s
          dstOverrides:
          - authority: webapp.booksapp.svc.cluster.local:7000
            weight: 900m
          - authority: webapp-v2.booksapp.svc.cluster.local:7000
            weight: 100m
        """;

    private static readonly LinkerdTranslator Translator = new();

    [Fact]
    public void Routes_BecomeRules_WithTimeoutsRetriesAndTheSplit()
    {
        var result = Translator.ImportYaml(Profile, "sp.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var route = Assert.Single(result.Config!.Routes);
        Assert.Equal(new ServiceRef("webapp", "booksapp"), route.Host);
        Assert.Equal(3, route.Rules.Count);
        var get = route.Rules.Single(r => r.Matches.Any(m => m.Method == "GET"));
        Assert.Equal(PathMatch.Regex("/books/[^/]*"), get.Matches[0].Path);
        Assert.Equal(TimeSpan.FromMilliseconds(300), get.Timeout);
        Assert.Equal(1, get.Retry!.Attempts);
        Assert.Equal([RetryCondition.ServerError], get.Retry.On);
        Assert.Contains(get.Backends, b => b.Service == new ServiceRef("webapp-v2", "booksapp") && b.Port == 7000 && b.Weight == 10);
        Assert.Contains(get.Backends, b => b.Service == new ServiceRef("webapp", "booksapp") && b.Weight == 90);
        Assert.Contains(route.Rules, r => r.Matches.IsEmpty);
    }

    [Fact]
    public void Legacy_IsNoted_AndWhatIsNotCarriedIsReported()
    {
        var result = Translator.ImportYaml(Profile, "sp.yaml");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.LegacyForm && d.Path == "sp.yaml#0 $.kind");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.LegacyForm && d.Path == "sp.yaml#0 $.spec.routes[0].isRetryable");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "sp.yaml#0 $.spec.retryBudget");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "sp.yaml#0 $.spec.routes[1].name");
    }

    [Fact]
    public void Reexport_IsAnHttpRoute_AndAPerRouteRetryThatLinkerdCannotSplitIsReported()
    {
        var first = Translator.ImportYaml(Profile, "sp.yaml").Config!;
        var translated = Translator.Translate(first);
        Assert.IsType<PolicyHttpRoute>(Assert.Single(translated.Resources));
        // Only the GET route was retryable; Linkerd's retry annotations apply to a whole HTTPRoute.
        Assert.Contains(translated.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.routes[0].rules[0].retry");
        var again = Translator.ImportYaml(Translator.WriteYaml(translated.Resources), "again.yaml").Config!;
        var withoutRetries = first with { Routes = [.. first.Routes.Select(r => r with { Rules = [.. r.Rules.Select(rule => rule with { Retry = null })] })] };
        Assert.Equal(withoutRetries, again);
    }

    [Fact]
    public void Reexport_OfAProfileWhoseRoutesAllRetry_ReadsBackToTheSameModel()
    {
        var profile = """
            apiVersion: linkerd.io/v1alpha2
            kind: ServiceProfile
            metadata: { name: books.booksapp.svc.cluster.local, namespace: booksapp }
            spec:
              routes:
              - condition: { method: GET, pathRegex: /books }
                isRetryable: true
                timeout: 2s
              - condition: { method: HEAD, pathRegex: /books }
                isRetryable: true
                timeout: 2s
            """;
        var first = Translator.ImportYaml(profile, "sp.yaml").Config!;
        Assert.All(first.Routes[0].Rules.Take(2), r => Assert.NotNull(r.Retry));
        // The catch-all rule has no retry, so the route's rules differ: Linkerd's annotations cannot carry the retries.
        var translated = Translator.Translate(first);
        Assert.Contains(translated.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path.EndsWith(".retry", StringComparison.Ordinal));
        var allRetry = first with { Routes = [first.Routes[0] with { Rules = [.. first.Routes[0].Rules.Select(r => r with { Retry = first.Routes[0].Rules[0].Retry })] }] };
        var clean = Translator.Translate(allRetry);
        Assert.DoesNotContain(clean.Diagnostics, d => d.Path.EndsWith(".retry", StringComparison.Ordinal));
        // The profile names no port for its service: its rules route to the service itself, written without backendRefs (GEP-1426).
        Assert.All(clean.Resources.OfType<Resources.PolicyHttpRoute>().Single().Spec.Rules!, r => Assert.Null(r.BackendRefs));
        Assert.Equal(allRetry, Translator.ImportYaml(Translator.WriteYaml(clean.Resources), "again.yaml").Config);
    }

    [Theory]
    [InlineData("webapp", "$.metadata.name")]
    [InlineData("webapp.booksapp.svc.cluster.local\n  namespace: booksapp\nspec:\n  routes:\n  - condition: { pathRegex: /x }\n    timeout: soon\n#", "$.spec.routes[0].timeout")]
    public void BadProfiles_AreReportedWithPaths(string name, string path)
    {
        var result = Translator.ImportYaml($"apiVersion: linkerd.io/v1alpha2\nkind: ServiceProfile\nmetadata:\n  name: {name}\n", "bad.yaml");
        Assert.Contains(result.Diagnostics, d => d.Path == "bad.yaml#0 " + path);
    }
}
