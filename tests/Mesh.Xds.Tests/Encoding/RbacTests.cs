using Envoy.Config.Core.V3;
using Envoy.Config.Listener.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Mesh.Collections;
using Mesh.Model;
using static Mesh.Xds.Tests.Samples;
using RbacConfig = Envoy.Config.Rbac.V3;
using RbacFilter = Envoy.Extensions.Filters.Http.Rbac.V3;

namespace Mesh.Xds.Tests.Encoding;

/// <summary>Complete authorization as RBAC: exclusions, identities, client addresses, hosts, conditions and the audit (LOG) filter.</summary>
public sealed class RbacTests
{
    private static readonly XdsProxy ReviewsV1 = XdsProxy.Sidecar("reviews-v1", "bookinfo", Reviews, new EquatableMap<string>(new Dictionary<string, string> { ["version"] = "v1" }));

    private static (List<RbacConfig.RBAC> Filters, XdsBuildResult Result) Rbac(params AccessPolicy[] policies)
    {
        var result = new XdsEncoder().Build(Bookinfo(strictMtls: true) with { AccessPolicies = policies }, SampleEndpoints(), ReviewsV1);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var listener = Single<Listener>(result.Snapshot!, XdsResourceType.Listener, "virtualInbound");
        var hcm = Assert.Single(listener.FilterChains).Filters[0].TypedConfig.Unpack<HttpConnectionManager>();
        return ([.. hcm.HttpFilters.Where(f => f.Name == "envoy.filters.http.rbac").Select(f => f.TypedConfig.Unpack<RbacFilter.RBAC>().Rules)], result);
    }

    private static AccessPolicy Policy(string name, AccessAction action, params AccessRule[] rules) =>
        new() { Name = name, Namespace = "bookinfo", Target = new PolicyTarget { Service = Reviews }, Action = action, Rules = [.. rules] };

    [Fact]
    public void SourceAlternativesAndExclusions_AreAnOrAndANotId()
    {
        var (filters, _) = Rbac(Policy("p", AccessAction.Allow, new AccessRule
        {
            From = new AccessSource
            {
                Authenticated = true,
                Identities = ["spiffe://partner.example/ns/pay/sa/api", "*/ns/audit/sa/reader"],
                RemoteIpBlocks = ["203.0.113.0/24"],
                Not = new AccessSource { Namespaces = ["dev"], IpBlocks = ["10.1.0.0/16"] },
            },
        }));
        var principal = Assert.Single(Assert.Single(filters).Policies["bookinfo/p/0"].Principals);
        var and = principal.AndIds.Ids;
        var alternatives = and[0].OrIds.Ids;
        Assert.Equal("spiffe://partner.example/ns/pay/sa/api", alternatives[0].Authenticated.PrincipalName.Exact);
        Assert.Equal("/ns/audit/sa/reader", alternatives[1].Authenticated.PrincipalName.Suffix);
        Assert.Equal(new CidrRange { AddressPrefix = "203.0.113.0", PrefixLen = 24 }, alternatives[2].RemoteIp);
        Assert.NotNull(alternatives[3].Authenticated);
        Assert.Null(alternatives[3].Authenticated.PrincipalName);
        var excluded = and[1].NotId.OrIds.Ids;
        Assert.Equal("spiffe://cluster.local/ns/dev/", excluded[0].Authenticated.PrincipalName.Prefix);
        Assert.Equal(new CidrRange { AddressPrefix = "10.1.0.0", PrefixLen = 16 }, excluded[1].DirectRemoteIp);
    }

    [Fact]
    public void CallerServices_AreTheServiceAccountsNamedLikeThem_AndReportedAsApproximated()
    {
        var (filters, result) = Rbac(Policy("p", AccessAction.Allow, new AccessRule
        {
            From = new AccessSource { Services = [Ratings], Not = new AccessSource { Services = [Greeter] } },
        }));
        var principal = Assert.Single(Assert.Single(filters).Policies["bookinfo/p/0"].Principals);
        var and = principal.AndIds.Ids;
        Assert.Equal("spiffe://cluster.local/ns/bookinfo/sa/ratings", Assert.Single(and[0].OrIds.Ids).Authenticated.PrincipalName.Exact);
        Assert.Equal("spiffe://cluster.local/ns/grpc/sa/greeter", Assert.Single(and[1].NotId.OrIds.Ids).Authenticated.PrincipalName.Exact);
        Assert.Equal(
            ["$.spec.accessPolicies[0].rules[0].from.services[0]", "$.spec.accessPolicies[0].rules[0].from.not.services[0]"],
            result.Diagnostics.Where(d => d.Code == Mesh.Diagnostics.DiagnosticCodes.Approximated).Select(d => d.Path));
    }

    [Fact]
    public void HostsExclusionsAndConditions_AreOnThePermissionOrThePrincipal_WhereEnvoySeesThem()
    {
        var (filters, _) = Rbac(Policy("p", AccessAction.Deny, new AccessRule
        {
            To = new AccessOperation { Hosts = ["reviews.example.com", "*.internal"], Not = new AccessOperation { Paths = ["/health"] } },
            When =
            [
                new AccessCondition { Key = AccessConditionKey.Header("X-Debug"), Values = ["*"] },
                new AccessCondition { Key = AccessConditionKey.Of(AccessAttribute.DestinationPort), NotValues = ["15020"] },
                new AccessCondition { Key = AccessConditionKey.Of(AccessAttribute.ConnectionSni), Values = ["*.example.com"] },
                new AccessCondition { Key = AccessConditionKey.Of(AccessAttribute.SourceNamespace), Values = ["team-*"] },
                new AccessCondition { Key = AccessConditionKey.Of(AccessAttribute.RemoteIp), NotValues = ["192.0.2.1"] },
            ],
        }));
        var deny = Assert.Single(filters);
        Assert.Equal(RbacConfig.RBAC.Types.Action.Deny, deny.Action);
        var policy = deny.Policies["bookinfo/p/0"];
        var rules = Assert.Single(policy.Permissions).AndRules.Rules;
        var hosts = rules[0].OrRules.Rules;
        Assert.Equal(("reviews.example.com", "reviews.example.com:", ".internal"), (hosts[0].Header.StringMatch.Exact, hosts[1].Header.StringMatch.Prefix, hosts[2].Header.StringMatch.Suffix));
        Assert.All(hosts, h => Assert.Equal(":authority", h.Header.Name));
        Assert.Equal("/health", rules[1].NotRule.OrRules.Rules[0].OrRules.Rules[0].UrlPath.Path.Exact);
        Assert.Equal(("x-debug", true), (rules[2].OrRules.Rules[0].Header.Name, rules[2].OrRules.Rules[0].Header.PresentMatch));
        Assert.Equal(15020u, rules[3].NotRule.OrRules.Rules[0].DestinationPort);
        Assert.Equal(".example.com", rules[4].OrRules.Rules[0].RequestedServerName.Suffix);
        var principals = Assert.Single(policy.Principals).AndIds.Ids;
        Assert.Equal("spiffe://cluster.local/ns/team-", principals[0].OrIds.Ids[0].Authenticated.PrincipalName.Prefix);
        Assert.Equal("192.0.2.1", principals[1].NotId.OrIds.Ids[0].RemoteIp.AddressPrefix);
    }

    [Fact]
    public void Audit_IsALogFilterBeforeDenyAndAllow()
    {
        var (filters, _) = Rbac(
            Policy("watch", AccessAction.Audit, new AccessRule { To = new AccessOperation { Methods = ["DELETE"] } }),
            Policy("no-admin", AccessAction.Deny, new AccessRule { To = new AccessOperation { Paths = ["/admin/*"] } }),
            Policy("shop", AccessAction.Allow, new AccessRule { From = new AccessSource { Namespaces = ["shop"] } }));
        Assert.Equal([RbacConfig.RBAC.Types.Action.Log, RbacConfig.RBAC.Types.Action.Deny, RbacConfig.RBAC.Types.Action.Allow], filters.Select(f => f.Action));
        Assert.Equal(["bookinfo/watch/0"], filters[0].Policies.Keys);
    }
}
