using Mesh.Translation;
using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.Istio.Resources;
using Mesh.Providers.Istio.Tests.Generators;

namespace Mesh.Providers.Istio.Tests.Import;

public sealed class ImportYamlTests
{
    private static readonly IstioTranslator Translator = new();

    [Fact]
    public void Import_ShortAndFqdnHosts_ResolveToTheSameService()
    {
        var result = Translator.ImportYaml("""
            apiVersion: networking.istio.io/v1beta1
            kind: VirtualService
            metadata: { name: reviews, namespace: bookinfo }
            spec:
              hosts: [reviews]
              http:
              - route:
                - destination: { host: reviews.bookinfo.svc.cluster.local, subset: v1 }
                  weight: 80
                - destination: { host: reviews, subset: v2 }
                  weight: 20
            """, "vs.yaml");
        var route = Assert.Single(result.Config!.Routes);
        Assert.Equal(new ServiceRef("reviews", "bookinfo"), route.Host);
        Assert.Equal([80, 20], route.Rules[0].Backends.Select(b => b.Weight));
        Assert.All(route.Rules[0].Backends, b => Assert.Equal(new ServiceRef("reviews", "bookinfo"), b.Service));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.LegacyForm && d.Path == "vs.yaml#0 $.apiVersion");
    }

    [Fact]
    public void Import_ExportToIsOutOfScope_GatewaysMeshIsTheDefault_AndUnknownFieldsAreReportedWithTheirPaths()
    {
        var result = Translator.ImportYaml("""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: { name: reviews, namespace: bookinfo }
            spec:
              hosts: [reviews, uk.bookinfo.com]
              gateways: [mesh]
              exportTo: ["."]
              http:
              - name: main
                corsPolicy:
                  allowOrigins: [{ exact: "https://a.example" }]
                  unmatchedPreflights: FORWARD
                route: [{ destination: { host: reviews } }]
            """, "vs.yaml");
        Assert.False(result.HasErrors);
        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Info && d.Path == "vs.yaml#0 $.spec.gateways[0]");
        Assert.Empty(result.Config!.GatewayRoutes);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.OutOfScope && d.Path == "vs.yaml#0 $.spec.exportTo");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "vs.yaml#0 $.spec.http[0].name");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "vs.yaml#0 $.spec.http[0].corsPolicy.unmatchedPreflights");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "vs.yaml#0 $.spec.hosts[1]");
        Assert.Equal(["https://a.example"], result.Config!.Routes[0].Rules[0].Cors!.AllowOrigins);
    }

    [Fact]
    public void Import_StrictMode_TurnsUnimportedFieldsIntoErrors()
    {
        var yaml = "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: { name: r }\nspec:\n  hosts: [reviews]\n  exportTo: [\".\"]\n  http:\n  - route: [{ destination: { host: reviews } }]\n";
        var result = Translator.ImportYaml(yaml, "vs.yaml", new Mesh.Translation.ImportOptions { Strict = true });
        Assert.True(result.HasErrors);
        Assert.Null(result.Config);
    }

    [Fact]
    public void Import_AuthorizationPolicyOperations_BecomeOneRuleEach_WithTheirConditions()
    {
        var result = Translator.ImportYaml("""
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: { name: p, namespace: bookinfo }
            spec:
              selector: { matchLabels: { app: ratings } }
              rules:
              - from: [{ source: { principals: ["cluster.local/ns/bookinfo/sa/reviews"] } }, { source: { notPrincipals: ["*"] } }]
                to: [{ operation: { methods: [GET] } }, { operation: { ports: ["9080"] } }]
                when: [{ key: "request.headers[x]", values: [y] }]
            """, "ap.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var policy = Assert.Single(result.Config!.AccessPolicies);
        Assert.Equal(AccessAction.Allow, policy.Action);
        Assert.Equal(new ServiceRef("ratings", "bookinfo"), policy.Target!.Service);
        Assert.Equal(2, policy.Rules.Count);
        Assert.All(policy.Rules, r => Assert.True(r.From!.Unauthenticated && r.From.ServiceAccounts.SequenceEqual([new ServiceAccountRef("bookinfo", "reviews")])));
        Assert.All(policy.Rules, r => Assert.Equal([new AccessCondition { Key = AccessConditionKey.Header("x"), Values = ["y"] }], r.When));
        Assert.DoesNotContain(result.Diagnostics, d => d.Path.Contains("when", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_ASourceThatAndsFields_KeepsOneAsCallers_AndTheOthersAsConditions()
    {
        var result = Translator.ImportYaml("""
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: { name: p, namespace: bookinfo }
            spec:
              selector: { matchLabels: { app: ratings } }
              action: DENY
              rules:
              - from:
                - source: { namespaces: [shop], ipBlocks: ["10.0.0.0/8"], notRequestPrincipals: ["https://issuer.example/admin"] }
                - source: { principals: ["*"] }
            """, "ap.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var rules = Assert.Single(result.Config!.AccessPolicies).Rules;
        Assert.Equal(2, rules.Count);
        var anded = Assert.Single(rules, r => !r.When.IsEmpty);
        Assert.Equal(["shop"], anded.From!.Namespaces);
        Assert.Equal(["https://issuer.example/admin"], anded.From.Not!.RequestPrincipals);
        Assert.Equal([new AccessCondition { Key = AccessConditionKey.Of(AccessAttribute.SourceIp), Values = ["10.0.0.0/8"] }], anded.When);
        Assert.True(Assert.Single(rules, r => r.When.IsEmpty).From!.Authenticated);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
    }

    [Fact]
    public void Import_AuditIsCarried_CustomIsReported_AndAnUnknownConditionKeyLeavesTheRuleOut()
    {
        var result = Translator.ImportYaml("""
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: { name: audit, namespace: bookinfo }
            spec:
              action: AUDIT
              rules: [{ to: [{ operation: { hosts: ["*.example.com"], notPaths: ["/health"] } }] }]
            ---
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: { name: ext, namespace: bookinfo }
            spec:
              action: CUSTOM
              provider: { name: opa }
              rules: [{}]
            ---
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: { name: odd, namespace: bookinfo }
            spec:
              rules:
              - when: [{ key: "experimental.envoy.filters.network.foo", values: [x] }]
              - from: [{ source: { namespaces: [shop] } }]
            """, "ap.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var audit = Assert.Single(result.Config!.AccessPolicies, p => p.Name == "audit");
        Assert.Equal(AccessAction.Audit, audit.Action);
        var to = Assert.Single(audit.Rules).To!;
        Assert.Equal(["*.example.com"], to.Hosts);
        Assert.Equal(["/health"], to.Not!.Paths);
        Assert.DoesNotContain(result.Config.AccessPolicies, p => p.Name == "ext");
        Assert.Contains(result.Diagnostics, d => d.Path == "ap.yaml#1 $.spec" && d.Message.Contains("external authorizer", StringComparison.Ordinal));
        var odd = Assert.Single(result.Config.AccessPolicies, p => p.Name == "odd");
        Assert.Equal(["shop"], Assert.Single(odd.Rules).From!.Namespaces);
        Assert.Contains(result.Diagnostics, d => d.Path == "ap.yaml#2 $.spec.rules[0].when[0].key");
    }

    [Fact]
    public void Import_AuthorizationPolicyOnAnUnknownSubset_DeclaresTheSubsetFromTheSelectorsLabels()
    {
        var result = Translator.ImportYaml("""
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: { name: p, namespace: bookinfo }
            spec:
              selector: { matchLabels: { app: reviews, version: v9 } }
              action: ALLOW
              rules: [{}]
            """, "ap.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var policy = Assert.Single(result.Config!.AccessPolicies);
        Assert.Equal(new PolicyTarget { Service = new ServiceRef("reviews", "bookinfo"), Subset = "v9" }, policy.Target);
        var reviews = Assert.Single(result.Config.Services);
        Assert.Equal(new Dictionary<string, string> { ["app"] = "reviews", ["version"] = "v9" }, reviews.WorkloadLabels("v9")!.Value);
        var d = Assert.Single(result.Diagnostics, d => d.Message.Contains("new subset", StringComparison.Ordinal));
        Assert.Equal("ap.yaml#0 $.spec.selector", d.Path);
        Assert.Equal(DiagnosticCodes.ServiceInferred, d.Code);
        Assert.Contains("(selector {app: reviews, version: v9})", d.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_EmptyAuthorizationPolicy_IsAllowNothing()
    {
        var result = Translator.ImportYaml("apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: { name: deny-all, namespace: shop }\nspec: {}\n", "ap.yaml");
        var policy = Assert.Single(result.Config!.AccessPolicies);
        Assert.Equal(AccessAction.Allow, policy.Action);
        Assert.Empty(policy.Rules);
        Assert.Null(policy.Target);
    }

    [Fact]
    public void Import_PeerAuthentication_ReadsMeshNamespaceWorkloadAndPortScopes()
    {
        var result = Translator.ImportYaml("""
            apiVersion: security.istio.io/v1
            kind: PeerAuthentication
            metadata: { name: default, namespace: istio-system }
            spec: { mtls: { mode: STRICT } }
            ---
            apiVersion: security.istio.io/v1beta1
            kind: PeerAuthentication
            metadata: { name: w, namespace: bookinfo }
            spec:
              selector: { matchLabels: { app: reviews } }
              mtls: { mode: PERMISSIVE }
              portLevelMtls:
                8080: { mode: DISABLE }
            """, "pa.yaml");
        var mtls = result.Config!.Mtls;
        Assert.Contains(mtls, m => m.Scope.Kind == MtlsScopeKind.Mesh && m.Mode == MtlsMode.Strict);
        Assert.Contains(mtls, m => m.Scope.Kind == MtlsScopeKind.Workload && m.Mode == MtlsMode.Permissive);
        Assert.Contains(mtls, m => m.Scope.Kind == MtlsScopeKind.Port && m.Scope.Port == 8080 && m.Mode == MtlsMode.Disabled);
    }

    [Fact]
    public void Import_UnrelatedAndOutOfScopeKinds_AreReportedAndSkipped()
    {
        var result = Translator.ImportYaml("apiVersion: networking.istio.io/v1alpha3\nkind: EnvoyFilter\nmetadata: { name: g }\nspec: {}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: { name: s }\n", "mix.yaml");
        Assert.False(result.HasErrors);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.OutOfScope && d.Path == "mix.yaml#0 $.kind");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.UnknownResourceKind && d.Path == "mix.yaml#1 $.kind");
    }

    [Fact]
    public void Import_TypedResources_MatchesImportOfTheirYaml()
    {
        var resources = Translator.Translate(Samples.Bookinfo).Resources;
        var typed = Translator.Import(resources);
        var text = Translator.ImportYaml(Translator.WriteYaml(resources), "bookinfo.yaml");
        Assert.Equal(text.Config, typed.Config);
        Assert.Contains(typed.Config!.Routes, r => r.Name == "reviews");
    }

    [Fact]
    public void Import_LeastConn_IsReadAsLeastRequestWithALegacyNote()
    {
        var result = Translator.ImportYaml("apiVersion: networking.istio.io/v1alpha3\nkind: DestinationRule\nmetadata: { name: r, namespace: bookinfo }\nspec:\n  host: reviews\n  trafficPolicy: { loadBalancer: { simple: LEAST_CONN } }\n", "dr.yaml");
        Assert.Equal(LoadBalancer.LeastRequest, result.Config!.DestinationPolicies.Single().LoadBalancer);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.LegacyForm && d.Path == "dr.yaml#0 $.spec.trafficPolicy.loadBalancer.simple");
    }

    [Fact]
    public void KubernetesYaml_LoadsOurOutput_WithTheTypeMap()
    {
        var yaml = Translator.WriteYaml(Translator.Translate(Samples.Bookinfo).Resources);
        var objects = k8s.KubernetesYaml.LoadAllFromString(yaml, IstioResourceTypes.CreateTypeMap());
        Assert.Contains(objects, o => o is VirtualService);
        Assert.Equal(Translator.ImportYaml(yaml, "x").Config, Translator.Import(objects).Config);
    }

    [Fact]
    public void Import_Diagnostics_CarryTheLineAndColumnOfTheField()
    {
        var yaml = "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: { name: r, namespace: bookinfo }\nspec:\n  hosts: [reviews]\n  http:\n  - route: [{ destination: { host: reviews } }]\n    timeout: soon\n";
        var result = Translator.ImportYaml(yaml, "vs.yaml");
        var d = Assert.Single(result.Diagnostics, d => d.Path == "vs.yaml#0 $.spec.http[0].timeout");
        Assert.Equal(new SourceLocation("vs.yaml", 8, 5), d.Location);
        Assert.Null(result.Config);
    }

    [Fact]
    public void Import_SeveralFiles_ResolveSubsetsAcrossFiles()
    {
        var rules = new Mesh.Translation.SourceText("dr.yaml", "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: { name: reviews, namespace: bookinfo }\nspec:\n  host: reviews\n  subsets:\n  - { name: v2, labels: { version: v2 } }\n");
        var policy = new Mesh.Translation.SourceText("ap.yaml", "apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: { name: v2-only, namespace: bookinfo }\nspec:\n  selector: { matchLabels: { app: reviews, version: v2 } }\n  action: DENY\n");
        var result = Translator.ImportYaml([policy, rules]);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var access = Assert.Single(result.Config!.AccessPolicies);
        Assert.Equal(new PolicyTarget { Service = new ServiceRef("reviews", "bookinfo"), Subset = "v2" }, access.Target);
    }

    [Fact]
    public void Import_TypedObjectsOfOtherTypes_AreReportedNotThrown()
    {
        var result = Translator.Import([new k8s.Models.V1ConfigMap { Metadata = new() { Name = "c" } }, "not a resource"]);
        Assert.False(result.HasErrors);
        Assert.Equal(2, result.Diagnostics.Count(d => d.Code == DiagnosticCodes.UnknownResourceKind));
    }

    [Fact]
    public void Import_SelectorWithoutAppLabel_SkipsThePolicyAndSaysWhy()
    {
        var result = Translator.ImportYaml("apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: { name: p, namespace: shop }\nspec:\n  selector: { matchLabels: { tier: web } }\n  rules: [{}]\n", "ap.yaml");
        Assert.Empty(result.Config!.AccessPolicies);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path == "ap.yaml#0 $.spec");
    }

    [Fact]
    public void Import_TooDeepADocument_IsALimitDiagnostic()
    {
        var yaml = "apiVersion: networking.istio.io/v1\nkind: VirtualService\nspec: " + new string('[', 200) + new string(']', 200) + "\n";
        var result = Translator.ImportYaml(yaml, "deep.yaml");
        Assert.Null(result.Config);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.LimitExceeded);
    }

    [Fact]
    public void IstioOptions_Defaults_ArePinned()
    {
        var options = new IstioOptions();
        Assert.Equal("cluster.local", options.ClusterDomain);
        Assert.Equal("istio-system", options.RootNamespace);
        Assert.Equal("cluster.local", options.TrustDomain);
        Assert.Equal("default", options.DefaultNamespace);
        Assert.Equal(Mesh.Translation.ServiceOutput.None, options.ServiceOutput);
    }

    [Fact]
    public void Import_ResourceWithoutNamespace_IsReadInTheDefaultNamespace()
    {
        var result = new IstioTranslator(new IstioOptions { DefaultNamespace = "apps" }).ImportYaml("apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: { name: r }\nspec:\n  hosts: [reviews]\n  http: [{ route: [{ destination: { host: reviews } }] }]\n", "vs.yaml");
        Assert.Equal(new ServiceRef("reviews", "apps"), result.Config!.Routes.Single().Host);
    }

    [Fact]
    public void Import_MetadataBeyondNameAndNamespace_IsReportedAsInformation()
    {
        var result = Translator.ImportYaml("apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: r\n  namespace: bookinfo\n  labels: { team: a }\n  annotations: { note: b }\n  resourceVersion: \"42\"\nspec:\n  hosts: [reviews]\n  http: [{ route: [{ destination: { host: reviews } }] }]\n", "vs.yaml");
        var info = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Info && d.Code == DiagnosticCodes.FieldNotImported).Select(d => d.Path).ToList();
        Assert.Equal(["vs.yaml#0 $.metadata.annotations", "vs.yaml#0 $.metadata.labels", "vs.yaml#0 $.metadata.resourceVersion"], info.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Import_DuplicateKey_IsReportedWithItsPathAndLine()
    {
        var result = Translator.ImportYaml("apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: { name: r }\nspec:\n  hosts: [a]\n  hosts: [b]\n", "dup.yaml");
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.DuplicateKey, d.Code);
        Assert.Equal("dup.yaml#0 $.spec.hosts", d.Path);
        Assert.Equal(6, d.Location!.Line);
        Assert.Null(result.Config);
    }
    private static RetryPolicy ImportRetry(string retryOn, out Mesh.Translation.ImportResult result)
    {
        result = Translator.ImportYaml($"apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {{ name: r, namespace: bookinfo }}\nspec:\n  hosts: [reviews]\n  http:\n  - route: [{{ destination: {{ host: reviews }} }}]\n    retries: {{ attempts: 3, retryOn: \"{retryOn}\" }}\n", "vs.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return result.Config!.Routes.Single().Rules.Single().Retry!;
    }

    [Fact]
    public void Import_RetryStatusCodesWithoutTheirCondition_ImplyRetriableStatusCodes_AsInIstio()
    {
        var retry = ImportRetry("5xx,503", out var result);
        Assert.Equal([RetryCondition.ServerError, RetryCondition.RetriableStatusCodes], retry.On.Order());
        Assert.Equal([503], retry.StatusCodes);
        Assert.DoesNotContain(Mesh.Validation.MeshValidator.Validate(result.Config!), d => d.Code == DiagnosticCodes.RetryStatusCodes);
        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Info && d.Path == "vs.yaml#0 $.spec.http[0].retries.retryOn");
        Assert.Equal("5xx,retriable-status-codes,503", Translator.Translate(result.Config!).Resources.OfType<VirtualService>().Single().Spec.Http![0].Retries!.RetryOn);
    }

    [Fact]
    public void Import_RetryStatusCodesWithTheirCondition_AreReadAsTheyAre()
    {
        var retry = ImportRetry("retriable-status-codes,429,503", out var result);
        Assert.Equal([RetryCondition.RetriableStatusCodes], retry.On);
        Assert.Equal([429, 503], retry.StatusCodes.Order());
        Assert.DoesNotContain(result.Diagnostics, d => d.Path.EndsWith("retryOn", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_RetriableStatusCodesWithoutCodes_IsReportedAndNotImported()
    {
        var retry = ImportRetry("connect-failure,retriable-status-codes", out var result);
        Assert.Equal([RetryCondition.ConnectFailure], retry.On);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Severity == DiagnosticSeverity.Warning && d.Path == "vs.yaml#0 $.spec.http[0].retries.retryOn");
        Assert.DoesNotContain(Mesh.Validation.MeshValidator.Validate(result.Config!), d => d.Code == DiagnosticCodes.RetryStatusCodes);
    }
}
