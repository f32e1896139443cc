using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.Istio.Resources;
using Mesh.Providers.Istio.Tests.Generators;
using Mesh.Translation;
using Model = Mesh.Model;

namespace Mesh.Providers.Istio.Tests.Export;

public sealed class TranslateTests
{
    private static readonly IstioTranslator Translator = new();
    private static readonly ServiceRef Reviews = new("reviews", "bookinfo");

    /// <summary>The reviews service with subsets v1, v2 and v3 (labelled by version), which the rules route to.</summary>
    private static readonly MeshService ReviewsService = new()
    {
        Name = "reviews",
        Namespace = "bookinfo",
        Subsets = [.. new[] { "v1", "v2", "v3" }.Select(v => new Model.Subset { Name = v, Labels = new Dictionary<string, string> { ["version"] = v } })],
    };

    private static MeshConfig WithRule(HttpRouteRule rule) => new()
    {
        Name = "t",
        Services = [ReviewsService],
        Routes = [new Model.HttpRoute { Name = "reviews", Namespace = "bookinfo", Host = Reviews, Rules = [rule] }],
    };

    private static Resources.HttpRoute Http(TranslationResult result) => result.Resources.OfType<VirtualService>().Single().Spec.Http!.Single();

    [Fact]
    public void Translate_Route_WritesFqdnHostsAndRegexPath()
    {
        var result = Translator.Translate(WithRule(new HttpRouteRule
        {
            Matches = [new HttpMatch { Path = PathMatch.Regex("^/r/[0-9]+$"), Headers = [ValueMatch.Present("X-Debug"), ValueMatch.Absent("x-internal")], Method = "GET" }],
            Backends = [new WeightedBackend { Service = Reviews, Subset = "v1" }],
        }));
        var vs = result.Resources.OfType<VirtualService>().Single();
        Assert.Equal(["reviews.bookinfo.svc.cluster.local"], vs.Spec.Hosts!);
        var match = vs.Spec.Http![0].Match![0];
        Assert.Equal("^/r/[0-9]+$", match.Uri!.Regex);
        Assert.Equal("GET", match.Method!.Exact);
        Assert.True(match.Headers!.ContainsKey("x-debug"));
        Assert.Null(match.Headers["x-debug"].Exact);
        Assert.True(match.WithoutHeaders!.ContainsKey("x-internal"));
        Assert.Null(vs.Spec.Http[0].Route![0].Weight);
    }

    [Fact]
    public void Translate_ALowerCaseMethod_IsRejectedBeforeTranslation()
    {
        var result = Translator.Translate(WithRule(new HttpRouteRule { Matches = [new HttpMatch { Method = "get" }], Backends = [new WeightedBackend { Service = Reviews }] }));
        Assert.Contains(result.Diagnostics, d => d.IsError && d.Code == DiagnosticCodes.InvalidHttpMethod && d.Path == "$.spec.routes[0].rules[0].matches[0].method");
        Assert.Empty(result.Resources);
    }

    [Fact]
    public void Translate_WeightsThatDoNotDivide100_AreRoundedByLargestRemainderWithADiagnostic()
    {
        var result = Translator.Translate(WithRule(new HttpRouteRule
        {
            Backends = [new WeightedBackend { Service = Reviews, Subset = "v1", Weight = 1 }, new WeightedBackend { Service = Reviews, Subset = "v2", Weight = 1 }, new WeightedBackend { Service = Reviews, Subset = "v3", Weight = 1 }],
        }));
        Assert.Equal([34, 33, 33], Http(result).Route!.Select(r => r.Weight!.Value));
        var d = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.WeightsRounded);
        Assert.Equal("$.spec.routes[0].rules[0].backends", d.Path);
    }

    [Fact]
    public void Translate_WeightsWhoseRatioSurvives_AreScaledWithoutADiagnostic()
    {
        var result = Translator.Translate(WithRule(new HttpRouteRule
        {
            Backends = [new WeightedBackend { Service = Reviews, Subset = "v1", Weight = 3 }, new WeightedBackend { Service = Reviews, Subset = "v2", Weight = 1 }],
        }));
        Assert.Equal([75, 25], Http(result).Route!.Select(r => r.Weight!.Value));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.WeightsRounded);
    }

    [Fact]
    public void Translate_MirrorAndFaultTogether_AreBothWritten()
    {
        var http = Http(Translator.Translate(WithRule(new HttpRouteRule
        {
            Backends = [new WeightedBackend { Service = Reviews }],
            Fault = new FaultInjection { Delay = new FaultDelay { Duration = TimeSpan.FromMilliseconds(1500), Percentage = 10 }, Abort = new FaultAbort { HttpStatus = 503, Percentage = 5 } },
            Mirror = new Mirror { Service = Reviews, Subset = "v2", Percentage = 25 },
        })));
        Assert.Equal("1500ms", http.Fault!.Delay!.FixedDelay);
        Assert.Equal(10d, http.Fault.Delay.Percentage!.Value);
        Assert.Equal(503, http.Fault.Abort!.HttpStatus);
        Assert.Equal("v2", http.Mirror!.Subset);
        Assert.Equal(25d, http.MirrorPercentage!.Value);
    }

    [Fact]
    public void Translate_Retry_JoinsConditionsAndStatusCodes_AndReportsBackoffMaximum()
    {
        var result = Translator.Translate(WithRule(new HttpRouteRule
        {
            Backends = [new WeightedBackend { Service = Reviews }],
            Retry = new RetryPolicy { Attempts = 3, PerTryTimeout = TimeSpan.FromSeconds(2), On = [RetryCondition.ServerError, RetryCondition.RetriableStatusCodes], StatusCodes = [503], Backoff = new RetryBackoff { BaseInterval = TimeSpan.FromMilliseconds(25), MaxInterval = TimeSpan.FromSeconds(1) } },
        }));
        var retries = Http(result).Retries!;
        Assert.Equal("5xx,retriable-status-codes,503", retries.RetryOn);
        Assert.Equal("2s", retries.PerTryTimeout);
        Assert.Equal("25ms", retries.Backoff);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Approximated && d.Path == "$.spec.routes[0].rules[0].retry.backoff.maxInterval");
    }

    [Fact]
    public void Translate_RetryStatusCodesWithoutTheirCondition_AreWrittenWithRetriableStatusCodes_AndSaySo()
    {
        var result = Translator.Translate(WithRule(new HttpRouteRule
        {
            Backends = [new WeightedBackend { Service = Reviews }],
            Retry = new RetryPolicy { Attempts = 2, On = [RetryCondition.ServerError], StatusCodes = [503, 429] },
        }));
        Assert.Equal("5xx,retriable-status-codes,503,429", Http(result).Retries!.RetryOn);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Approximated && d.Path == "$.spec.routes[0].rules[0].retry.statusCodes");
    }

    [Fact]
    public void Translate_QueryAbsenceAndPrefixRedirect_AreReportedUnsupported_AndStrictFails()
    {
        var model = WithRule(new HttpRouteRule
        {
            Matches = [new HttpMatch { QueryParams = [ValueMatch.Absent("debug")] }],
            Redirect = new Redirect { PathPrefix = "/v2" },
        });
        var result = Translator.Translate(model);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.routes[0].rules[0].matches[0].queryParams[0]");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported && d.Path == "$.spec.routes[0].rules[0].redirect.pathPrefix");
        var strict = Translator.Translate(model, new TranslationOptions { Strict = true });
        Assert.True(strict.HasErrors);
        Assert.Empty(strict.Resources);
    }

    [Fact]
    public void Translate_FullPathRewrite_IsAWholePathRegexRewrite()
    {
        var http = Http(Translator.Translate(WithRule(new HttpRouteRule { Backends = [new WeightedBackend { Service = Reviews }], Rewrite = new Rewrite { FullPath = "/status", Authority = "internal" } })));
        Assert.Equal("^.*$", http.Rewrite!.UriRegexRewrite!.Match);
        Assert.Equal("/status", http.Rewrite.UriRegexRewrite.Rewrite);
        Assert.Equal("internal", http.Rewrite.Authority);
    }

    [Fact]
    public void Translate_AccessPolicyWithNoRules_IsAnAllowNothingPolicy()
    {
        var result = Translator.Translate(new MeshConfig
        {
            Name = "t",
            Services = [ReviewsService],
            AccessPolicies = [new AccessPolicy { Name = "deny-all", Namespace = "bookinfo", Target = new PolicyTarget { Service = Reviews }, Action = AccessAction.Allow }],
        });
        var ap = result.Resources.OfType<AuthorizationPolicy>().Single();
        Assert.Null(ap.Spec.Action); // ALLOW, Istio's default: the spec is Istio's allow-nothing form, a selector only
        Assert.Null(ap.Spec.Rules);
        Assert.Equal("reviews", ap.Spec.Selector!.MatchLabels!["app"]);
        var yaml = Translator.WriteYaml(result.Resources);
        Assert.DoesNotContain("rules", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("action", yaml, StringComparison.Ordinal);
        var back = Assert.Single(Translator.ImportYaml(yaml, "ap.yaml").Config!.AccessPolicies);
        Assert.Equal((AccessAction.Allow, 0), (back.Action, back.Rules.Count));
    }

    [Fact]
    public void Translate_AccessRule_SplitsSourcesAndWritesPrincipals()
    {
        var ap = Translator.Translate(new MeshConfig
        {
            Name = "t",
            AccessPolicies = [new AccessPolicy
            {
                Name = "p", Namespace = "bookinfo", Action = AccessAction.Deny,
                Rules = [new AccessRule { From = new AccessSource { ServiceAccounts = [new ServiceAccountRef("shop", "web")], Namespaces = ["test"], Unauthenticated = true }, To = new AccessOperation { Ports = [8080], Methods = ["POST"] } }],
            }],
        }).Resources.OfType<AuthorizationPolicy>().Single();
        var rule = ap.Spec.Rules!.Single();
        Assert.Equal("DENY", ap.Spec.Action);
        Assert.Equal(["cluster.local/ns/shop/sa/web"], rule.From![0].Source!.Principals!);
        Assert.Equal(["test"], rule.From[1].Source!.Namespaces!);
        Assert.Equal(["*"], rule.From[2].Source!.NotPrincipals!);
        Assert.Equal(["8080"], rule.To![0].Operation!.Ports!);
    }

    [Fact]
    public void Translate_PortLevelMtls_MergesIntoTheWorkloadsPeerAuthentication()
    {
        var workload = new Dictionary<string, string> { ["app"] = "reviews" };
        var pas = Translator.Translate(new MeshConfig
        {
            Name = "t",
            Mtls =
            [
                new MtlsPolicy { Scope = MtlsScope.Mesh, Mode = MtlsMode.Strict },
                new MtlsPolicy { Scope = new MtlsScope { Namespace = "bookinfo", Workload = workload }, Mode = MtlsMode.Strict },
                new MtlsPolicy { Scope = new MtlsScope { Namespace = "bookinfo", Workload = workload, Port = 8080 }, Mode = MtlsMode.Disabled },
            ],
        }).Resources.OfType<PeerAuthentication>().ToList();
        Assert.Equal(2, pas.Count);
        var mesh = pas.Single(p => p.Metadata.NamespaceProperty == "istio-system");
        Assert.Equal("default", mesh.Metadata.Name);
        Assert.Null(mesh.Spec.Selector);
        var pa = pas.Single(p => p.Metadata.NamespaceProperty == "bookinfo");
        Assert.Equal("mtls-reviews", pa.Metadata.Name);
        Assert.Equal("STRICT", pa.Spec.Mtls!.Mode);
        Assert.Equal("DISABLE", pa.Spec.PortLevelMtls!["8080"].Mode);
    }

    [Fact]
    public void Translate_NamespacePortMtls_IsRejectedBeforeTranslation()
    {
        // Istio sets port-level mTLS only for workloads chosen by a selector; the model's validation already rejects a
        // namespace-wide port scope (MESH2024), and an invalid model is not translated.
        var result = Translator.Translate(new MeshConfig { Name = "t", Mtls = [new MtlsPolicy { Scope = new MtlsScope { Namespace = "bookinfo", Port = 8080 }, Mode = MtlsMode.Strict }] });
        Assert.Contains(result.Diagnostics, d => d.IsError && d.Code == DiagnosticCodes.MissingWorkloadSelector && d.Path == "$.spec.mtls[0].scope.port" && d.Provider == ProviderName.Istio);
        Assert.Empty(result.Resources);
    }

    [Fact]
    public void Translate_SubsetsAndPolicies_GoIntoOneDestinationRulePerService()
    {
        var dr = Translator.Translate(Samples.Bookinfo).Resources.OfType<DestinationRule>().Single(d => d.Metadata.Name == "reviews");
        Assert.Equal("reviews.bookinfo.svc.cluster.local", dr.Spec.Host);
        Assert.Equal(["v1", "v2", "v3"], dr.Spec.Subsets!.Select(s => s.Name!));
        var v2 = dr.Spec.Subsets!.Single(s => s.Name == "v2").TrafficPolicy!;
        Assert.Equal("x-user", v2.LoadBalancer!.ConsistentHash!.HttpHeaderName);
        Assert.Equal(100, v2.ConnectionPool!.Tcp!.MaxConnections);
        Assert.Equal("250ms", v2.ConnectionPool.Tcp.ConnectTimeout);
        Assert.Equal(10, v2.ConnectionPool.Http!.Http1MaxPendingRequests);
        Assert.Equal(5, v2.OutlierDetection!.Consecutive5xxErrors);
    }

    [Fact]
    public void Translate_StaticExternalService_WritesEndpoints()
    {
        var se = Translator.Translate(new MeshConfig
        {
            Name = "t",
            ExternalServices = [new ExternalService { Name = "db", Namespace = "shop", Hosts = ["db.example.com"], Ports = [new Model.ServicePort { Port = 5432, Protocol = Protocol.Tcp }], Resolution = Resolution.Static, Addresses = ["10.0.0.1"] }],
        }).Resources.OfType<ServiceEntry>().Single();
        Assert.Equal("STATIC", se.Spec.Resolution);
        Assert.Equal("10.0.0.1", se.Spec.Endpoints!.Single().Address);
        Assert.Equal("tcp-5432", se.Spec.Ports!.Single().Name);
        Assert.Null(se.Spec.Location);
    }

    [Fact]
    public void WriteYaml_UsesIstioWireNames()
    {
        var yaml = Translator.WriteYaml(Translator.Translate(Samples.Bookinfo).Resources);
        Assert.Contains("apiVersion: networking.istio.io/v1", yaml, StringComparison.Ordinal);
        Assert.Contains("http1MaxPendingRequests: 10", yaml, StringComparison.Ordinal);
        Assert.Contains("consecutive5xxErrors: 5", yaml, StringComparison.Ordinal);
        Assert.Contains("mirrorPercentage:", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("null", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Capabilities_DeclareEveryFeature_WithReasonsWhenNotNative()
    {
        var capabilities = Translator.Capabilities;
        Assert.Equal(ProviderName.Istio, capabilities.Provider);
        foreach (var feature in MeshFeature.All)
        {
            var capability = capabilities[feature];
            Assert.NotEqual("Not declared by the provider.", capability.Reason);
            Assert.Equal(capability.Support == CapabilitySupport.Native, capability.Reason is null);
        }
    }

    [Fact]
    public void AddIstio_RegistersTheTranslator_Once()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        Mesh.DependencyInjection.MeshServiceCollectionExtensions.AddMeshSdk(services).AddIstio(new IstioOptions { ClusterDomain = "corp.local" }).AddIstio();
        using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
        var registry = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ITranslatorRegistry>(provider);
        var istio = registry.Get(ProviderName.Istio);
        var vs = istio.Translate(WithRule(new HttpRouteRule { Backends = [new WeightedBackend { Service = Reviews }] })).Resources.OfType<VirtualService>().Single();
        Assert.Equal("reviews.bookinfo.svc.corp.local", vs.Spec.Hosts![0]);
    }
}
