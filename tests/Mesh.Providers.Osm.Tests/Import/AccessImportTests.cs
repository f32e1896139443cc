using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Validation;
using static Mesh.Providers.Osm.Tests.Import.ImportYaml;

namespace Mesh.Providers.Osm.Tests.Import;

/// <summary>TrafficTarget + HTTPRouteGroup / TCPRoute → allow policies by service account; overlapping TrafficTargets.</summary>
public sealed class AccessImportTests
{
    private static readonly ServiceRef BookstoreRef = new("bookstore", "bookstore");

    private static string Target(string name, string rules, string annotations = "", string sources = "[{ kind: ServiceAccount, name: bookbuyer, namespace: bookbuyer }]") => $$"""
        kind: TrafficTarget
        apiVersion: access.smi-spec.io/v1alpha3
        metadata: { name: {{name}}, namespace: bookstore{{annotations}} }
        spec:
          destination: { kind: ServiceAccount, name: bookstore, namespace: bookstore }
          rules: {{rules}}
          sources: {{sources}}
        ---

        """;

    private const string Routes = """
        apiVersion: specs.smi-spec.io/v1alpha4
        kind: HTTPRouteGroup
        metadata: { name: bookstore-service-routes, namespace: bookstore }
        spec:
          matches:
          - { name: books-bought, pathRegex: /books-bought, methods: [GET] }
          - { name: buy-a-book, pathRegex: "/buy-a-book/.*", methods: [GET] }
          - { name: restock, pathRegex: "/restock", methods: [POST], headers: [{ client-app: bookbuyer }] }
          - { name: odd, pathRegex: "/(a|b)", methods: [GET] }
        ---

        """;

    [Fact]
    public void TrafficTarget_IsAnAllowPolicy_OnTheAccountsService_RulesByMethodSet()
    {
        var result = ReadValid(Bookstore + Routes + Target("bookstore", "[{ kind: HTTPRouteGroup, name: bookstore-service-routes, matches: [books-bought, buy-a-book, restock] }]"));
        var policy = Assert.Single(result.Config!.AccessPolicies);
        Assert.Equal(("bookstore", "bookstore", AccessAction.Allow), (policy.Name, policy.Namespace, policy.Action));
        Assert.Equal(BookstoreRef, policy.Target!.Service);
        Assert.Equal(2, policy.Rules.Count);
        Assert.Equal([new ServiceAccountRef("bookbuyer", "bookbuyer")], policy.Rules[0].From!.ServiceAccounts);
        Assert.Equal(["GET"], policy.Rules[0].To!.Methods);
        Assert.Equal(["/books-bought", "/buy-a-book/*"], policy.Rules[0].To!.Paths);
        Assert.Equal(["POST"], policy.Rules[1].To!.Methods);
        Assert.Equal(["/restock"], policy.Rules[1].To!.Paths);
        Assert.Equal(DiagnosticSeverity.Warning, At(result, "#4 $.spec.matches[2].headers").Severity);
        Assert.DoesNotContain(MeshValidator.Validate(result.Config), d => d.IsError);
    }

    [Fact]
    public void PathRegexOfAnotherForm_IsReported_AndAllowsNothing()
    {
        var result = ReadValid(Bookstore + Routes + Target("bookstore", "[{ kind: HTTPRouteGroup, name: bookstore-service-routes, matches: [odd] }]"));
        Assert.Empty(result.Config!.AccessPolicies);
        Assert.Equal(DiagnosticSeverity.Warning, At(result, "#4 $.spec.matches[3].pathRegex").Severity);
    }

    [Fact]
    public void TcpRoute_AllowsTheServicePortsItTargets()
    {
        var result = ReadValid(Service("bookstore", "bookstore", "app: bookstore", 3306, "tcp") + Service("bookstore-http", "bookstore", "app: bookstore, x: y", 8080) + """
            apiVersion: specs.smi-spec.io/v1alpha4
            kind: TCPRoute
            metadata: { name: tcp, namespace: bookstore }
            spec: { matches: { ports: [3306] } }
            ---

            """ + Target("bookstore", "[{ kind: TCPRoute, name: tcp }]"));
        var rule = Assert.Single(Assert.Single(result.Config!.AccessPolicies).Rules);
        Assert.Null(rule.To);
    }

    [Fact]
    public void MissingRouteGroup_IsReported()
    {
        var result = ReadValid(Bookstore + Target("bookstore", "[{ kind: HTTPRouteGroup, name: nowhere }]"));
        Assert.Empty(result.Config!.AccessPolicies);
        Assert.Equal(DiagnosticSeverity.Warning, At(result, "#4 $.spec.rules[0]").Severity);
    }

    [Fact]
    public void UnusedRouteGroup_IsReported()
    {
        var result = ReadValid(Routes);
        Assert.Equal(DiagnosticSeverity.Warning, At(result, "#0 $.spec").Severity);
    }

    [Fact]
    public void OverlappingTrafficTargets_OfOneRule_TheFirstIsKept_TheOtherReportedNamingIt()
    {
        const string Annotated = ", annotations: { mesh-sdk.io/access-policy: bookstore/allow-buyer, mesh-sdk.io/access-rule: \"0\" }";
        var result = ReadValid(Bookstore + Routes
            + Target("b-target", "[{ kind: HTTPRouteGroup, name: bookstore-service-routes, matches: [restock] }]", Annotated)
            + Target("a-target", "[{ kind: HTTPRouteGroup, name: bookstore-service-routes, matches: [books-bought] }]", Annotated));
        var policy = Assert.Single(result.Config!.AccessPolicies);
        Assert.Equal("allow-buyer", policy.Name);
        Assert.Equal(["/books-bought"], Assert.Single(policy.Rules).To!.Paths);
        var reported = At(result, "#5 $.spec");
        Assert.Equal(DiagnosticSeverity.Warning, reported.Severity);
        Assert.Contains("bookstore/a-target", reported.Message, StringComparison.Ordinal);
        Assert.Contains("undefined", reported.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TrafficTargetsOfOneDestination_AreEachAPolicy_TheUnionNoted()
    {
        var result = ReadValid(Bookstore + Routes
            + Target("a-target", "[{ kind: HTTPRouteGroup, name: bookstore-service-routes, matches: [books-bought] }]")
            + Target("b-target", "[{ kind: HTTPRouteGroup, name: bookstore-service-routes, matches: [restock] }]"));
        Assert.Equal(["a-target", "b-target"], result.Config!.AccessPolicies.Select(p => p.Name));
        var note = At(result, "#6 $.spec.destination");
        Assert.Equal(DiagnosticCodes.TranslationNote, note.Code);
        Assert.Contains("bookstore/a-target", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NonAccountSources_AreReported()
    {
        var result = ReadValid(Bookstore + Routes + Target("bookstore", "[{ kind: HTTPRouteGroup, name: bookstore-service-routes }]", sources: "[{ kind: Group, name: admins }]"));
        Assert.Empty(result.Config!.AccessPolicies);
        Assert.Equal(DiagnosticSeverity.Warning, At(result, "#5 $.spec.sources[0]").Severity);
    }

    [Fact]
    public void Export_ThenImport_GivesBackThePolicy()
    {
        var model = new MeshConfig
        {
            Name = "imported",
            Services = [Export.Models.BookstoreService(), Export.Models.Service("bookbuyer", "bookbuyer", Export.Models.Http(14001))],
            AccessPolicies =
            [
                new AccessPolicy
                {
                    Name = "allow-buyer",
                    Namespace = "bookstore",
                    Target = new PolicyTarget { Service = BookstoreRef },
                    Action = AccessAction.Allow,
                    Rules =
                    [
                        new AccessRule { From = new AccessSource { ServiceAccounts = [new ServiceAccountRef("bookbuyer", "bookbuyer")] }, To = new AccessOperation { Methods = ["GET"], Paths = ["/books-bought", "/buy/*"] } },
                        new AccessRule { From = new AccessSource { ServiceAccounts = [new ServiceAccountRef("bookbuyer", "bookbuyer")] } },
                    ],
                },
            ],
        };
        var translator = new OsmTranslator(new OsmOptions { ServiceOutput = Mesh.Translation.ServiceOutput.All });
        var back = translator.ImportYaml(translator.WriteYaml(translator.Translate(model).Resources), "back.yaml");
        Assert.False(back.HasErrors, string.Join("\n", back.Diagnostics));
        Assert.DoesNotContain(back.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Equal(model.Normalize(), back.Config);
    }
}
