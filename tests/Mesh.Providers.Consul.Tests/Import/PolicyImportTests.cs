using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.Consul.Tests.Export;
using Mesh.Translation;
using Mesh.Validation;
using static Mesh.Providers.Consul.Tests.Export.Models;

namespace Mesh.Providers.Consul.Tests.Import;

/// <summary>Intentions → access policies; mTLS modes; resolver load balancers; destinations → external services.</summary>
public sealed class PolicyImportTests
{
    private static ImportResult ReadValid(string yaml)
    {
        var result = new ConsulTranslator().ImportYaml(yaml, "x.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.DoesNotContain(MeshValidator.Validate(result.Config!), d => d.IsError);
        return result;
    }

    private static ImportResult RoundTrip(MeshConfig model) => ReadValid(new Exported(model).Yaml);

    private static AccessSource From(string name) => new() { ServiceAccounts = [new ServiceAccountRef("shop", name)] };

    [Fact]
    public void AllowPolicy_WithL7Rules_RoundTrips_DefaultAllowSkipped()
    {
        var allow = new AccessPolicy
        {
            Name = "api-allow",
            Namespace = "shop",
            Target = new PolicyTarget { Service = Api },
            Action = AccessAction.Allow,
            Rules = [new AccessRule { From = From("web"), To = new AccessOperation { Methods = ["GET"], Paths = ["/items/*", "/health"] } }],
        };
        var result = RoundTrip(Shop() with { AccessPolicies = [allow] });
        var policy = Assert.Single(result.Config!.AccessPolicies);
        Assert.Equal(AccessAction.Allow, policy.Action);
        Assert.Equal(Api, policy.Target!.Service);
        Assert.Equal(["/health", "/items/*"], policy.Rules.SelectMany(r => r.To!.Paths).Order(StringComparer.Ordinal));
        Assert.All(policy.Rules, r => Assert.Equal(new ServiceAccountRef("shop", "web"), Assert.Single(r.From!.ServiceAccounts)));
    }

    [Fact]
    public void DenyOnlyService_DropsTheAllowTheRestArtefacts()
    {
        var deny = new AccessPolicy
        {
            Name = "api-deny",
            Namespace = "shop",
            Target = new PolicyTarget { Service = Api },
            Action = AccessAction.Deny,
            Rules = [new AccessRule { From = From("web"), To = new AccessOperation { Paths = ["/admin"] } }, new AccessRule { From = From("db") }],
        };
        var result = RoundTrip(Shop() with { AccessPolicies = [deny] });
        var policy = Assert.Single(result.Config!.AccessPolicies);
        Assert.Equal(AccessAction.Deny, policy.Action);
        Assert.Equal(2, policy.Rules.Count);
    }

    [Fact]
    public void MtlsLoadBalancerEgress_RoundTrip()
    {
        var model = Shop() with
        {
            Mtls = [new MtlsPolicy { Scope = MtlsScope.Mesh, Mode = MtlsMode.Strict }],
            DestinationPolicies = [new DestinationPolicy { Target = new PolicyTarget { Service = Api }, LoadBalancer = new LoadBalancer(LoadBalancerAlgorithm.ConsistentHash, new ConsistentHash(HashKey.Header, "x-user")) }],
            ExternalServices = [new ExternalService { Name = "payments", Namespace = "shop", Hosts = ["pay.example.com"], Ports = [new ServicePort { Port = 443, Protocol = Protocol.Tcp }] }],
        };
        var config = RoundTrip(model).Config!;
        Assert.Equal(MtlsMode.Strict, Assert.Single(config.Mtls).Mode);
        Assert.Equal(model.DestinationPolicies[0].LoadBalancer, Assert.Single(config.DestinationPolicies).LoadBalancer);
        var external = Assert.Single(config.ExternalServices);
        Assert.Equal(("payments", 443), (external.Name, external.Ports[0].Port));
        Assert.Equal(["pay.example.com"], external.Hosts);
    }

    [Fact]
    public void ServicesSelectingTheSamePods_ShareOneMtlsScope()
    {
        // Both services select { app: api }: the namespace policy writes the mode on both, which read back as one workload scope.
        var twin = Service("api-v2", Http(8080)) with { Selector = new Dictionary<string, string> { ["app"] = "api" } };
        var model = Shop() with
        {
            Services = [.. Shop().Services, twin],
            Mtls = [new MtlsPolicy { Scope = MtlsScope.ForNamespace("shop"), Mode = MtlsMode.Strict }],
        };
        var config = RoundTrip(model).Config!;
        var api = config.Mtls.Where(p => p.Scope.Workload.TryGetValue("app", out var app) && app == "api").ToList();
        Assert.Equal(MtlsMode.Strict, Assert.Single(api).Mode);
    }

    [Fact]
    public void ServicesSelectingTheSamePods_WithConflictingModes_KeepTheFirstAndReport()
    {
        var result = new ConsulTranslator().ImportYaml("""
            apiVersion: v1
            kind: Service
            metadata: { name: a, namespace: shop }
            spec: { selector: { app: x }, ports: [{ port: 80, appProtocol: http }] }
            ---
            apiVersion: v1
            kind: Service
            metadata: { name: b, namespace: shop }
            spec: { selector: { app: x }, ports: [{ port: 80, appProtocol: http }] }
            ---
            apiVersion: consul.hashicorp.com/v1alpha1
            kind: ServiceDefaults
            metadata: { name: a, namespace: shop }
            spec: { protocol: http, mutualTLSMode: strict }
            ---
            apiVersion: consul.hashicorp.com/v1alpha1
            kind: ServiceDefaults
            metadata: { name: b, namespace: shop }
            spec: { protocol: http, mutualTLSMode: permissive }
            """, "x.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Equal(MtlsMode.Strict, Assert.Single(result.Config!.Mtls).Mode);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path.EndsWith("$.spec.mutualTLSMode", StringComparison.Ordinal));
    }

    [Fact]
    public void HandWrittenIntentions_NamespaceWildcardAndHeaders()
    {
        var result = ReadValid("""
            apiVersion: consul.hashicorp.com/v1alpha1
            kind: ServiceDefaults
            metadata: { name: api, namespace: shop }
            spec: { protocol: http, mutualTLSMode: permissive }
            ---
            apiVersion: consul.hashicorp.com/v1alpha1
            kind: ServiceIntentions
            metadata: { name: api, namespace: shop }
            spec:
              destination: { name: api }
              sources:
                - { name: web, action: allow }
                - name: '*'
                  permissions:
                    - { action: deny, http: { pathPrefix: /admin, header: [{ name: x, present: true }] } }
                    - { action: deny, http: { header: [{ name: x-tenant, regex: 'blue|green.*', invert: true }, { name: x-debug, suffix: '-on' }] } }
                    - { action: deny, http: { header: [{ name: x, contains: admin }] } }
                    - { action: deny, http: { header: [{ name: x, regex: 'a+' }] } }
            """);
        var deny = Assert.Single(result.Config!.AccessPolicies, p => p.Action == AccessAction.Deny);
        Assert.Equal(2, deny.Rules.Count);
        Assert.Contains(new AccessRule { To = new AccessOperation { Paths = ["/admin*"] }, When = [new AccessCondition { Key = AccessConditionKey.Header("x"), Values = ["*"] }] }, deny.Rules);
        Assert.Contains(
            new AccessRule
            {
                When =
                [
                    new AccessCondition { Key = AccessConditionKey.Header("x-debug"), Values = ["*-on"] },
                    new AccessCondition { Key = AccessConditionKey.Header("x-tenant"), NotValues = ["blue", "green*"] },
                ],
            },
            deny.Rules);
        Assert.Single(result.Config.AccessPolicies, p => p.Action == AccessAction.Allow);
        // 'contains' and a regex that is no alternation of patterns have no model form: each permission is reported, not imported.
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path.EndsWith("$.spec.sources[1].permissions[2].http.header[0]", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported && d.Path.EndsWith("$.spec.sources[1].permissions[3].http.header[0]", StringComparison.Ordinal));
        var mtls = Assert.Single(result.Config.Mtls);
        Assert.Equal((MtlsMode.Permissive, "api"), (mtls.Mode, mtls.Scope.Workload["app"]));
    }

    [Fact]
    public void CallerSideOverrides_AgreeingCallers_FoldIntoOneDestinationPolicy()
    {
        var policy = new DestinationPolicy
        {
            Target = new PolicyTarget { Service = Api },
            ConnectionPool = new ConnectionPool { MaxConnections = 10, ConnectTimeout = TimeSpan.FromMilliseconds(250) },
            OutlierDetection = new OutlierDetection { Consecutive5xx = 3, Interval = TimeSpan.FromSeconds(10) },
        };
        var config = RoundTrip(Shop() with { DestinationPolicies = [policy] }).Config!;
        Assert.Equal(policy, Assert.Single(config.DestinationPolicies));
    }

    [Fact]
    public void CallerSideOverrides_Disagreeing_AreReported()
    {
        var result = new ConsulTranslator().ImportYaml("""
            apiVersion: consul.hashicorp.com/v1alpha1
            kind: ServiceDefaults
            metadata: { name: web, namespace: shop }
            spec: { upstreamConfig: { overrides: [{ name: api, limits: { maxConnections: 5 } }] } }
            ---
            apiVersion: consul.hashicorp.com/v1alpha1
            kind: ServiceDefaults
            metadata: { name: db, namespace: shop }
            spec: { upstreamConfig: { overrides: [{ name: api, limits: { maxConnections: 9 } }] } }
            """, "x.yaml");
        Assert.Empty(result.Config!.DestinationPolicies);
        Assert.Equal(2, result.Diagnostics.Count(d => d.Code == DiagnosticCodes.FieldNotImported && d.Path.EndsWith("$.spec.upstreamConfig.overrides[0]", StringComparison.Ordinal)));
    }

    [Fact]
    public void StaticExternalService_KeepsItsHostsAndAddresses()
    {
        var external = new ExternalService
        {
            Name = "payments",
            Namespace = "shop",
            Hosts = ["api.pay.example"],
            Resolution = Resolution.Static,
            Addresses = ["192.0.2.10", "2001:db8::1"],
            Ports = [new ServicePort { Port = 443, Protocol = Protocol.Tls }],
        };
        var back = Assert.Single(RoundTrip(Shop() with { ExternalServices = [external] }).Config!.ExternalServices);
        Assert.Equal(["api.pay.example"], back.Hosts);
        Assert.Equal(["192.0.2.10", "2001:db8::1"], back.Addresses);
        Assert.Equal(Resolution.Static, back.Resolution);
    }

    [Fact]
    public void IpOnlyDestination_IsReportedAndLeftOut_TheRestImports()
    {
        var result = ReadValid("""
            apiVersion: consul.hashicorp.com/v1alpha1
            kind: ServiceDefaults
            metadata: { name: legacy-db, namespace: shop }
            spec:
              protocol: tcp
              destination: { addresses: [10.0.0.5, 10.0.0.6], port: 5432 }
            ---
            apiVersion: consul.hashicorp.com/v1alpha1
            kind: ServiceDefaults
            metadata: { name: payments, namespace: shop }
            spec:
              protocol: tcp
              destination: { addresses: [api.pay.example], port: 443 }
            """);
        Assert.Equal("payments", Assert.Single(result.Config!.ExternalServices).Name);
        var reported = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.FieldNotImported);
        Assert.EndsWith("$.spec.destination.addresses", reported.Path, StringComparison.Ordinal);
        Assert.Contains("legacy-db", reported.Message, StringComparison.Ordinal);
    }
}
