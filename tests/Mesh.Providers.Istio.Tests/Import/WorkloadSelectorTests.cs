using Mesh.Translation;
using Mesh.Diagnostics;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Istio.Resources;
using Mesh.Validation;
using Model = Mesh.Model;

namespace Mesh.Providers.Istio.Tests.Import;

/// <summary>An access policy's target ↔ the workload selector of its AuthorizationPolicy, through the services' selectors.</summary>
public sealed class WorkloadSelectorTests
{
    private static readonly IstioTranslator Translator = new();

    private const string Web = """
        apiVersion: v1
        kind: Service
        metadata: { name: web, namespace: shop }
        spec:
          selector: { tier: web }
          ports: [{ name: http, port: 80 }]
        ---
        apiVersion: v1
        kind: Service
        metadata: { name: web-canary, namespace: shop }
        spec:
          selector: { tier: web, track: canary }
          ports: [{ name: http, port: 8080 }]
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: { name: web, namespace: shop }
        spec:
          host: web
          subsets: [{ name: blue, labels: { color: blue } }]
        """;

    private static AccessPolicy ImportPolicy(string labels)
    {
        var result = Translator.ImportYaml(Web + $"\n---\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {{ name: p, namespace: shop }}\nspec:\n  selector: {{ matchLabels: {labels} }}\n  action: DENY\n", "shop.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.DoesNotContain(MeshValidator.Validate(result.Config!), d => d.IsError);
        return Assert.Single(result.Config!.AccessPolicies);
    }

    [Fact]
    public void Import_ASelectorThatIsAServicesSelector_TargetsTheService()
    {
        Assert.Equal(new PolicyTarget { Service = new("web", "shop") }, ImportPolicy("{ tier: web }").Target);
    }

    [Fact]
    public void Import_AServicesSelectorAndASubsetsLabels_TargetTheSubset()
    {
        Assert.Equal(new PolicyTarget { Service = new("web", "shop"), Subset = "blue" }, ImportPolicy("{ tier: web, color: blue }").Target);
    }

    [Fact]
    public void Import_TheMostSpecificServiceSelector_Wins()
    {
        Assert.Equal(new PolicyTarget { Service = new("web-canary", "shop") }, ImportPolicy("{ tier: web, track: canary }").Target);
    }

    [Fact]
    public void Import_LabelsNoSubsetHas_BecomeANewSubsetOfTheMostSpecificService()
    {
        var result = Translator.ImportYaml(Web + "\n---\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: { name: p, namespace: shop }\nspec:\n  selector: { matchLabels: { tier: web, track: canary, version: v3 } }\n", "shop.yaml");

        var policy = Assert.Single(result.Config!.AccessPolicies);
        Assert.Equal(new PolicyTarget { Service = new("web-canary", "shop"), Subset = "v3" }, policy.Target);
        var canary = result.Config.FindService(new("web-canary", "shop"))!;
        Assert.Equal(new Dictionary<string, string> { ["version"] = "v3" }, canary.FindSubset("v3")!.Labels);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.ServiceInferred && d.Path == "shop.yaml#3 $.spec.selector");
    }

    [Fact]
    public void Import_AnAppLabelNamingADeclaredServiceWithAnotherSelector_IsNotGuessed()
    {
        var result = Translator.ImportYaml("apiVersion: v1\nkind: Service\nmetadata: { name: reviews, namespace: bookinfo }\nspec:\n  selector: { app.kubernetes.io/name: reviews }\n  ports: [{ port: 9080 }]\n---\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: { name: p, namespace: bookinfo }\nspec:\n  selector: { matchLabels: { app: reviews } }\n", "ap.yaml");

        Assert.Empty(result.Config!.AccessPolicies);
        var d = Assert.Single(result.Diagnostics, d => d.Path == "ap.yaml#1 $.spec");
        Assert.Equal(DiagnosticCodes.FieldNotImported, d.Code);
        Assert.Contains("{app.kubernetes.io/name: reviews}", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_ASelectorLabelThatIsNoKubernetesLabel_SkipsThePolicy_NotTheImport()
    {
        var result = Translator.ImportYaml("apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: { name: p, namespace: shop }\nspec:\n  selector: { matchLabels: { app: \"not a label!\" } }\n", "ap.yaml");

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Config!.AccessPolicies);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "ap.yaml#0 $.spec");
    }

    [Fact]
    public void Translate_AnAccessPolicy_SelectsTheServicesSelectorAndTheSubsetsLabels()
    {
        var config = new MeshConfig
        {
            Name = "t",
            Services = [new MeshService { Name = "api", Namespace = "shop", Selector = new Dictionary<string, string> { ["app.kubernetes.io/name"] = "api" }, Ports = [new Model.ServicePort { Port = 8080, Protocol = Protocol.Http }], Subsets = [new Model.Subset { Name = "v2", Labels = new Dictionary<string, string> { ["version"] = "v2" } }] }],
            AccessPolicies =
            [
                new AccessPolicy { Name = "all", Namespace = "shop", Target = new PolicyTarget { Service = new("api", "shop") }, Action = AccessAction.Deny },
                new AccessPolicy { Name = "v2", Namespace = "shop", Target = new PolicyTarget { Service = new("api", "shop"), Subset = "v2" }, Action = AccessAction.Deny },
            ],
        };

        var result = Translator.Translate(config);

        var policies = result.Resources.OfType<AuthorizationPolicy>().ToDictionary(p => p.Metadata.Name);
        Assert.Equal(new Dictionary<string, string> { ["app.kubernetes.io/name"] = "api" }, policies["all"].Spec.Selector!.MatchLabels);
        Assert.Equal(new Dictionary<string, string> { ["app.kubernetes.io/name"] = "api", ["version"] = "v2" }, policies["v2"].Spec.Selector!.MatchLabels);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var withServices = new IstioTranslator(new IstioOptions { ServiceOutput = ServiceOutput.All });
        Assert.Equal(config.Normalize() with { Name = "imported" }, withServices.ImportYaml(withServices.WriteYaml(withServices.Translate(config).Resources), "back.yaml").Config);
    }

    [Fact]
    public void Translate_ASubsetThatOverridesASelectorLabel_IsWrittenExactly_AndReadBackByItsLabels()
    {
        var config = new MeshConfig
        {
            Name = "imported",
            Services = [new MeshService { Name = "reviews", Namespace = "bookinfo", Subsets = [new Model.Subset { Name = "legacy", Labels = new Dictionary<string, string> { ["app"] = "reviews-legacy" } }] }],
            AccessPolicies = [new AccessPolicy { Name = "p", Namespace = "bookinfo", Target = new PolicyTarget { Service = new("reviews", "bookinfo"), Subset = "legacy" }, Action = AccessAction.Allow }],
        };

        var result = Translator.Translate(config);

        var policy = Assert.Single(result.Resources.OfType<AuthorizationPolicy>());
        Assert.Equal(new Dictionary<string, string> { ["app"] = "reviews-legacy" }, policy.Spec.Selector!.MatchLabels);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Equal(config.Normalize(), Translator.Import(result.Resources).Config);
    }

    [Fact]
    public void Translate_ASubsetWithoutLabelsOfItsOwn_ReadsBackAsTheWholeService_AndSaysSo()
    {
        var result = Translator.Translate(new MeshConfig
        {
            Name = "t",
            Services = [new MeshService { Name = "reviews", Namespace = "bookinfo", Subsets = [new Model.Subset { Name = "all" }] }],
            AccessPolicies = [new AccessPolicy { Name = "p", Namespace = "bookinfo", Target = new PolicyTarget { Service = new("reviews", "bookinfo"), Subset = "all" }, Action = AccessAction.Allow }],
        });

        var d = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.Approximated);
        Assert.Equal("$.spec.accessPolicies[0].target", d.Path);
        Assert.Contains("the whole service 'reviews.bookinfo'", d.Message, StringComparison.Ordinal);
    }
}
