using CsCheck;
using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.Linkerd.Resources;

namespace Mesh.Providers.Linkerd.Tests.RateLimits;

/// <summary>Rate limits as HTTPLocalRateLimitPolicies on Servers: examples of both directions and a round-trip property (300 cases).</summary>
public sealed class RateLimitTests
{
    private static readonly LinkerdTranslator Translator = new();
    private static readonly ServiceRef Web = new("web", "shop");

    private static MeshConfig Model(LocalRateLimit limit, params AccessPolicy[] access) => new()
    {
        Name = "imported",
        Services = [new MeshService { Name = "web", Namespace = "shop", Ports = [new ServicePort { Port = 8080, Protocol = Protocol.Http }] }],
        DestinationPolicies = [new DestinationPolicy { Target = new PolicyTarget { Service = Web }, RateLimit = limit }],
        AccessPolicies = [.. access],
    };

    [Fact]
    public void RateLimit_IsAnHttpLocalRateLimitPolicyOnTheServiceServer_WhichAdmitsEveryClient()
    {
        var translated = Translator.Translate(Model(new LocalRateLimit { Requests = 100 }));

        var server = Assert.Single(translated.Resources.OfType<Server>());
        Assert.Equal("web-8080", server.Metadata.Name);
        Assert.Equal("all-unauthenticated", server.Spec.AccessPolicy);
        var policy = Assert.Single(translated.Resources.OfType<HttpLocalRateLimitPolicy>());
        Assert.Equal(("shop", "web-8080"), (policy.Metadata.NamespaceProperty, policy.Metadata.Name));
        Assert.Equal(("policy.linkerd.io", "Server", "web-8080"), (policy.Spec.TargetRef!.Group, policy.Spec.TargetRef.Kind, policy.Spec.TargetRef.Name));
        Assert.Equal(100, policy.Spec.Total!.RequestsPerSecond);
        Assert.Contains(translated.Diagnostics, d => d.Severity == DiagnosticSeverity.Info && d.Path == "$.spec.destinationPolicies[0].rateLimit");
        Assert.DoesNotContain(translated.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
    }

    [Fact]
    public void ServerOfAnAccessPolicy_IsShared_AndKeepsItsDenyDefault()
    {
        var allow = new AccessPolicy { Name = "callers", Namespace = "shop", Target = new PolicyTarget { Service = Web }, Action = AccessAction.Allow, Rules = [new AccessRule { From = new AccessSource { Namespaces = ["shop"] } }] };
        var translated = Translator.Translate(Model(new LocalRateLimit { Requests = 5 }, allow));

        var server = Assert.Single(translated.Resources.OfType<Server>());
        Assert.Null(server.Spec.AccessPolicy);
        Assert.Equal(server.Metadata.Name, Assert.Single(translated.Resources.OfType<HttpLocalRateLimitPolicy>()).Spec.TargetRef!.Name);
        var back = Translator.ImportYaml(Translator.WriteYaml(translated.Resources), "back.yaml");
        Assert.Equal(new LocalRateLimit { Requests = 5 }, Assert.Single(back.Config!.DestinationPolicies).RateLimit);
    }

    [Fact]
    public void WhatLinkerdLacks_IsReportedAtItsPath()
    {
        var limit = new LocalRateLimit
        {
            Requests = 600,
            Interval = TimeSpan.FromMinutes(1),
            Burst = 900,
            Status = 503,
            Routes = [new RouteRateLimit { Path = PathMatch.Prefix("/api"), Requests = 1 }],
        };
        var translated = Translator.Translate(Model(limit));

        Assert.Equal(10, Assert.Single(translated.Resources.OfType<HttpLocalRateLimitPolicy>()).Spec.Total!.RequestsPerSecond);
        var warnings = translated.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).Select(d => (d.Code, d.Path)).ToHashSet();
        Assert.Contains((DiagnosticCodes.Approximated, "$.spec.destinationPolicies[0].rateLimit.interval"), warnings);
        Assert.Contains((DiagnosticCodes.Approximated, "$.spec.destinationPolicies[0].rateLimit.burst"), warnings);
        Assert.Contains((DiagnosticCodes.Unsupported, "$.spec.destinationPolicies[0].rateLimit.status"), warnings);
        Assert.Contains((DiagnosticCodes.Unsupported, "$.spec.destinationPolicies[0].rateLimit.routes"), warnings);
    }

    [Fact]
    public void Import_ReportsPerIdentityLimitsAndOverrides_AndReadsTheTotal()
    {
        var result = Translator.ImportYaml("""
            apiVersion: policy.linkerd.io/v1beta3
            kind: Server
            metadata: { name: web-http, namespace: emojivoto }
            spec: { podSelector: { matchLabels: { app: web } }, port: 8080, proxyProtocol: HTTP/1, accessPolicy: all-unauthenticated }
            ---
            apiVersion: policy.linkerd.io/v1alpha1
            kind: HTTPLocalRateLimitPolicy
            metadata: { name: web-rl, namespace: emojivoto }
            spec:
              targetRef: { group: policy.linkerd.io, kind: Server, name: web-http }
              total: { requestsPerSecond: 100 }
              identity: { requestsPerSecond: 20 }
              overrides: [{ requestsPerSecond: 25, clientRefs: [{ kind: ServiceAccount, namespace: emojivoto, name: special-client }] }]
            """, "rl.yaml");

        var policy = Assert.Single(result.Config!.DestinationPolicies);
        Assert.Equal(new PolicyTarget { Service = new ServiceRef("web", "emojivoto") }, policy.Target);
        Assert.Equal(new LocalRateLimit { Requests = 100 }, policy.RateLimit);
        var reported = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).Select(d => d.Path).ToHashSet();
        Assert.Contains("rl.yaml#1 $.spec.identity", reported);
        Assert.Contains("rl.yaml#1 $.spec.overrides", reported);
        // The open Server exists for the rate limit: an information, not a loss.
        Assert.DoesNotContain("rl.yaml#0 $.spec.accessPolicy", reported);
    }

    [Fact]
    public void Import_OfAPolicyWithoutItsServer_IsReported()
    {
        var result = Translator.ImportYaml("""
            apiVersion: policy.linkerd.io/v1alpha1
            kind: HTTPLocalRateLimitPolicy
            metadata: { name: web-rl, namespace: emojivoto }
            spec: { targetRef: { group: policy.linkerd.io, kind: Server, name: web-http }, total: { requestsPerSecond: 100 } }
            """, "rl.yaml");

        Assert.Empty(result.Config!.DestinationPolicies);
        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning && d.Path == "rl.yaml#0 $.spec");
    }

    private static readonly Gen<MeshConfig> Models =
        Gen.Select(Gen.OneOf("web", "api", "cart"), Gen.OneOf("shop", "ops"), Gen.Int[1, 65535], Gen.OneOf(Protocol.Http, Protocol.Http2, Protocol.Grpc), Gen.Int[1, 100_000], Gen.Bool,
            (name, ns, port, protocol, requests, allow) => (Service: new MeshService { Name = name, Namespace = ns, Ports = [new ServicePort { Port = port, Protocol = protocol }] }, Requests: requests, Allow: allow))
        .Array[1, 3]
        .Select(items =>
        {
            var distinct = items.DistinctBy(x => x.Service.Reference).ToArray();
            return new MeshConfig
            {
                Name = "imported",
                Services = [.. distinct.Select(x => x.Service)],
                DestinationPolicies = [.. distinct.Select(x => new DestinationPolicy { Target = new PolicyTarget { Service = x.Service.Reference }, RateLimit = new LocalRateLimit { Requests = x.Requests } })],
                AccessPolicies = [.. distinct.Where(x => x.Allow).Select(x => new AccessPolicy
                {
                    Name = x.Service.Name + "-callers",
                    Namespace = x.Service.Namespace,
                    Target = new PolicyTarget { Service = x.Service.Reference },
                    Action = AccessAction.Allow,
                    Rules = [new AccessRule { From = new AccessSource { Namespaces = [x.Service.Namespace] } }],
                })],
            }.Normalize();
        });

    [Fact]
    public void RateLimits_PerSecond_RoundTripThroughYaml() =>
        Models.Sample(model =>
        {
            var translated = Translator.Translate(model);
            Assert.DoesNotContain(translated.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
            var back = Translator.ImportYaml(Translator.WriteYaml(translated.Resources), "back.yaml");
            Assert.DoesNotContain(back.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
            Assert.Equal(model, back.Config);
        }, iter: 300);
}
