using Envoy.Config.Cluster.V3;
using Envoy.Config.Core.V3;
using Envoy.Config.Listener.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Envoy.Extensions.TransportSockets.Tls.V3;
using Mesh.Collections;
using Mesh.Model;
using static Mesh.Xds.Tests.Samples;
using RbacConfig = Envoy.Config.Rbac.V3;
using RbacFilter = Envoy.Extensions.Filters.Http.Rbac.V3;

namespace Mesh.Xds.Tests.Encoding;

public sealed class InboundTests
{
    private static readonly XdsProxy ReviewsV1 = XdsProxy.Sidecar("reviews-v1", "bookinfo", Reviews, new EquatableMap<string>(new Dictionary<string, string> { ["version"] = "v1" }));

    private static MeshConfig WithAccess(params AccessPolicy[] policies) => Bookinfo(strictMtls: true) with { AccessPolicies = policies };

    private static HttpConnectionManager Manager(XdsSnapshot snapshot, out FilterChain chain)
    {
        var listener = Single<Listener>(snapshot, XdsResourceType.Listener, "virtualInbound");
        chain = Assert.Single(listener.FilterChains);
        return chain.Filters[0].TypedConfig.Unpack<HttpConnectionManager>();
    }

    [Fact]
    public void SidecarWithItsService_GetsAVirtualInboundListenerAndALocalCluster()
    {
        var snapshot = Build(Bookinfo(), proxy: ReviewsV1);
        var listener = Single<Listener>(snapshot, XdsResourceType.Listener, "virtualInbound");
        Assert.Equal(15006u, listener.Address.SocketAddress.PortValue);
        Assert.Equal(TrafficDirection.Inbound, listener.TrafficDirection);
        var chain = Assert.Single(listener.FilterChains);
        Assert.Equal(9080u, chain.FilterChainMatch.DestinationPort);
        Assert.Equal("inbound|9080||", chain.Name);
        Assert.Null(chain.TransportSocket);
        var hcm = chain.Filters[0].TypedConfig.Unpack<HttpConnectionManager>();
        Assert.Equal("inbound|9080||", Assert.Single(Assert.Single(hcm.RouteConfig.VirtualHosts).Routes).Route_.Cluster);
        Assert.Equal(["*"], hcm.RouteConfig.VirtualHosts[0].Domains);
        Assert.Equal(["envoy.filters.http.router"], hcm.HttpFilters.Select(f => f.Name));
        var cluster = Single<Cluster>(snapshot, XdsResourceType.Cluster, "inbound|9080||");
        Assert.Equal(Cluster.Types.DiscoveryType.Static, cluster.Type);
        Assert.Equal("127.0.0.1", cluster.LoadAssignment.Endpoints[0].LbEndpoints[0].Endpoint.Address.SocketAddress.Address);
        Assert.Equal(9080u, cluster.LoadAssignment.Endpoints[0].LbEndpoints[0].Endpoint.Address.SocketAddress.PortValue);
        Assert.False(snapshot.LoadAssignments.TryGet("inbound|9080||", out _));
        // The local cluster sorts before every outbound one (only the outbound scope's capitalised cluster comes first).
        Assert.Equal(["PassthroughCluster", "inbound|9080||"], snapshot.Clusters.Take(2).Select(c => c.Name));
    }

    [Fact]
    public void StrictMtls_TerminatesTlsRequiringAClientCertificate()
    {
        Manager(Build(Bookinfo(strictMtls: true), proxy: ReviewsV1), out var chain);
        Assert.Equal("type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext", chain.TransportSocket.TypedConfig.TypeUrl);
        var tls = chain.TransportSocket.TypedConfig.Unpack<DownstreamTlsContext>();
        Assert.True(tls.RequireClientCertificate);
        Assert.Equal("default", tls.CommonTlsContext.TlsCertificateSdsSecretConfigs[0].Name);
        Assert.Equal("ROOTCA", tls.CommonTlsContext.CombinedValidationContext.ValidationContextSdsSecretConfig.Name);
    }

    [Fact]
    public void PortScopedMtls_OverridesTheMeshModeForThatWorkloadPort()
    {
        var config = Bookinfo(strictMtls: true) with
        {
            Mtls =
            [
                new MtlsPolicy { Scope = MtlsScope.Mesh, Mode = MtlsMode.Strict },
                new MtlsPolicy { Scope = new MtlsScope { Namespace = "bookinfo", Workload = new EquatableMap<string>(new Dictionary<string, string> { ["version"] = "v1" }), Port = 9080 }, Mode = MtlsMode.Disabled },
            ],
        };
        Manager(Build(config, proxy: ReviewsV1), out var chain);
        Assert.Null(chain.TransportSocket);
    }

    [Fact]
    public void AccessPolicies_BecomeDenyThenAllowRbacFilters_BeforeTheRouter()
    {
        var config = WithAccess(
            new AccessPolicy
            {
                Name = "allow-reads", Namespace = "bookinfo", Action = AccessAction.Allow, Target = new PolicyTarget { Service = Reviews },
                Rules =
                [
                    new AccessRule
                    {
                        From = new AccessSource { ServiceAccounts = [new ServiceAccountRef("bookinfo", "productpage")], Namespaces = ["ops"], IpBlocks = ["10.0.0.0/8", "192.168.1.7"], Unauthenticated = true },
                        To = new AccessOperation { Ports = [9080], Methods = ["GET", "HEAD"], Paths = ["/reviews/*", "*.json", "/health"] },
                    },
                    new AccessRule(),
                ],
            },
            new AccessPolicy { Name = "deny-admin", Namespace = "bookinfo", Action = AccessAction.Deny, Rules = [new AccessRule { To = new AccessOperation { Paths = ["/admin/*"] } }] },
            new AccessPolicy { Name = "other", Namespace = "bookinfo", Action = AccessAction.Deny, Target = new PolicyTarget { Service = Ratings }, Rules = [new AccessRule()] });
        var hcm = Manager(Build(config, proxy: ReviewsV1), out _);
        Assert.Equal(["envoy.filters.http.rbac", "envoy.filters.http.rbac", "envoy.filters.http.router"], hcm.HttpFilters.Select(f => f.Name));
        Assert.All(hcm.HttpFilters.Take(2), f => Assert.Equal("type.googleapis.com/envoy.extensions.filters.http.rbac.v3.RBAC", f.TypedConfig.TypeUrl));

        var deny = hcm.HttpFilters[0].TypedConfig.Unpack<RbacFilter.RBAC>().Rules;
        Assert.Equal(RbacConfig.RBAC.Types.Action.Deny, deny.Action);
        var denyPolicy = Assert.Single(deny.Policies);
        Assert.Equal("bookinfo/deny-admin/0", denyPolicy.Key);
        Assert.True(denyPolicy.Value.Principals[0].Any);
        Assert.Equal("/admin/", denyPolicy.Value.Permissions[0].AndRules.Rules[0].OrRules.Rules[0].UrlPath.Path.Prefix);

        var allow = hcm.HttpFilters[1].TypedConfig.Unpack<RbacFilter.RBAC>().Rules;
        Assert.Equal(RbacConfig.RBAC.Types.Action.Allow, allow.Action);
        Assert.Equal(["bookinfo/allow-reads/0", "bookinfo/allow-reads/1"], allow.Policies.Keys.Order(StringComparer.Ordinal));
        var rule = allow.Policies["bookinfo/allow-reads/0"];
        var and = Assert.Single(rule.Permissions).AndRules.Rules;
        Assert.Equal([9080u], and[0].OrRules.Rules.Select(r => r.DestinationPort));
        Assert.Equal(["GET", "HEAD"], and[1].OrRules.Rules.Select(r => r.Header.StringMatch.Exact));
        Assert.Equal("/reviews/", and[2].OrRules.Rules[0].UrlPath.Path.Prefix);
        Assert.Equal(".json", and[2].OrRules.Rules[1].UrlPath.Path.Suffix);
        Assert.Equal("/health", and[2].OrRules.Rules[2].UrlPath.Path.Exact);
        var ids = Assert.Single(rule.Principals).OrIds.Ids;
        Assert.Equal("spiffe://cluster.local/ns/bookinfo/sa/productpage", ids[0].Authenticated.PrincipalName.Exact);
        Assert.Equal("spiffe://cluster.local/ns/ops/", ids[1].Authenticated.PrincipalName.Prefix);
        Assert.Equal(new CidrRange { AddressPrefix = "10.0.0.0", PrefixLen = 8 }, ids[2].DirectRemoteIp);
        Assert.Equal(new CidrRange { AddressPrefix = "192.168.1.7", PrefixLen = 32 }, ids[3].DirectRemoteIp);
        Assert.NotNull(ids[4].NotId.Authenticated);
        var anything = allow.Policies["bookinfo/allow-reads/1"];
        Assert.True(anything.Permissions[0].Any);
        Assert.True(anything.Principals[0].Any);
    }

    [Fact]
    public void AllowPolicyWithNoRules_IsAnAllowFilterWithNoPolicies_WhichDeniesEverything()
    {
        var hcm = Manager(Build(WithAccess(new AccessPolicy { Name = "allow-nothing", Namespace = "bookinfo", Action = AccessAction.Allow }), proxy: ReviewsV1), out _);
        var allow = hcm.HttpFilters[0].TypedConfig.Unpack<RbacFilter.RBAC>().Rules;
        Assert.Equal(RbacConfig.RBAC.Types.Action.Allow, allow.Action);
        Assert.Empty(allow.Policies);
    }

    [Fact]
    public void SubsetScopedPolicy_AppliesOnlyToWorkloadsWithTheSubsetsLabels()
    {
        var policy = new AccessPolicy { Name = "v2-only", Namespace = "bookinfo", Action = AccessAction.Allow, Target = new PolicyTarget { Service = Reviews, Subset = "v2" } };
        var hcm = Manager(Build(WithAccess(policy), proxy: ReviewsV1), out _);
        Assert.Equal(["envoy.filters.http.router"], hcm.HttpFilters.Select(f => f.Name));
    }

    [Fact]
    public void ExplicitPermissiveInbound_IsReported()
    {
        var config = Bookinfo() with { Mtls = [new MtlsPolicy { Scope = MtlsScope.ForNamespace("bookinfo"), Mode = MtlsMode.Permissive }] };
        var result = new XdsEncoder().Build(config, SampleEndpoints(), ReviewsV1);
        Assert.Contains(result.Diagnostics, d => d.Code == XdsDiagnosticCodes.NotEncoded && d.Path == "$.spec.mtls[0]");
        Assert.DoesNotContain(new XdsEncoder().Build(Bookinfo(), SampleEndpoints(), ReviewsV1).Diagnostics, d => d.Code == XdsDiagnosticCodes.NotEncoded);
    }

    [Fact]
    public void InvalidIpBlock_IsAnError()
    {
        var policy = new AccessPolicy { Name = "p", Namespace = "bookinfo", Action = AccessAction.Allow, Rules = [new AccessRule { From = new AccessSource { IpBlocks = ["10.0.0.0/33", "nope"] } }] };
        var result = new XdsEncoder().Build(WithAccess(policy), SampleEndpoints(), ReviewsV1);
        Assert.Null(result.Snapshot);
        Assert.Equal(["$.spec.accessPolicies[0].rules[0].from.ipBlocks[0]", "$.spec.accessPolicies[0].rules[0].from.ipBlocks[1]"], result.Diagnostics.Where(d => d.IsError).Select(d => d.Path));
    }
}
