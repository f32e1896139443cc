using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.Consul.Resources;
using static Mesh.Providers.Consul.Tests.Export.Models;

namespace Mesh.Providers.Consul.Tests.Export;

/// <summary>Access policies as ServiceIntentions: identities are Consul service names; deny before allow; Consul's default deny.</summary>
public sealed class IntentionExportTests
{
    private static MeshConfig With(params AccessPolicy[] policies) => Shop() with { AccessPolicies = [.. policies] };

    private static AccessPolicy Policy(string name, AccessAction action, params AccessRule[] rules) =>
        new() { Name = name, Namespace = "shop", Target = new PolicyTarget { Service = Api }, Action = action, Rules = [.. rules] };

    private static AccessRule From(string account, AccessOperation? to = null) =>
        new() { From = new AccessSource { ServiceAccounts = [new ServiceAccountRef("shop", account)] }, To = to };

    [Fact]
    public void L4Allow_NamesTheCallingService()
    {
        var export = new Exported(With(Policy("allow-web", AccessAction.Allow, From("web"))));
        var intentions = export.Get<ServiceIntentions>("api");
        Assert.Equal("api", intentions.Spec.Destination!.Name);
        var source = Assert.Single(intentions.Spec.Sources!);
        Assert.Equal(("web", "allow"), (source.Name, source.Action));
        Assert.Null(source.Namespace);
        Assert.False(export.Has(DiagnosticCodes.Approximated, "$.spec.accessPolicies[0].rules[0].from"));
    }

    [Fact]
    public void L7Permissions_ByPathAndMethod_DenyBeforeAllow()
    {
        var allow = Policy("allow", AccessAction.Allow, From("web", new AccessOperation { Methods = ["GET"], Paths = ["/items/*", "/health", "*.js"] }));
        var deny = Policy("deny", AccessAction.Deny, From("web", new AccessOperation { Paths = ["/items/secret"] }));
        var source = Assert.Single(new Exported(With(allow, deny)).Get<ServiceIntentions>("api").Spec.Sources!);
        Assert.Null(source.Action);
        var permissions = source.Permissions!;
        Assert.Equal(["deny", "allow", "allow", "allow"], permissions.Select(p => p.Action));
        Assert.Equal("/items/secret", permissions[0].Http!.PathExact);
        Assert.Equal("/items/", permissions[1].Http!.PathPrefix);
        Assert.Equal(["GET"], permissions[1].Http!.Methods!);
        Assert.Equal("/health", permissions[2].Http!.PathExact);
        Assert.Equal(@".*\.js", permissions[3].Http!.PathRegex);
    }

    [Fact]
    public void HeaderConditions_AreHeaderCriteriaOfEveryPermission_ExcludedValuesInverted()
    {
        var rule = From("web", new AccessOperation { Methods = ["GET"], Paths = ["/items/*", "/health"] }) with
        {
            When =
            [
                new AccessCondition { Key = AccessConditionKey.Header("x-tenant"), Values = ["blue", "green*"], NotValues = ["*-test"] },
                new AccessCondition { Key = AccessConditionKey.Header("x-debug"), NotValues = ["*"] },
                new AccessCondition { Key = AccessConditionKey.Header("x-region"), Values = ["eu-*"] },
            ],
        };
        var headerOnly = From("batch") with { When = [new AccessCondition { Key = AccessConditionKey.Header("x-job"), Values = ["nightly"] }] };
        var export = new Exported(With(Policy("allow", AccessAction.Allow, rule, headerOnly)));
        var sources = export.Get<ServiceIntentions>("api").Spec.Sources!;
        var web = Assert.Single(sources, s => s.Name == "web").Permissions!;
        Assert.Equal([("/items/", null), (null, "/health")], web.Select(p => (p.Http!.PathPrefix, p.Http.PathExact)));
        foreach (var permission in web)
        {
            var headers = permission.Http!.Header!;
            Assert.Equal(
                [("x-tenant", null, null, null, "blue|green.*", null), ("x-tenant", null, null, "-test", null, true), ("x-debug", true, null, null, null, true), ("x-region", null, "eu-", null, null, null)],
                headers.Select(h => (h.Name, h.Present, h.Prefix, h.Suffix, h.Regex, h.Invert)));
        }
        // A rule of conditions only is still an L7 permission: the header criteria alone.
        var batch = Assert.Single(sources, s => s.Name == "batch").Permissions!;
        Assert.Equal(("nightly", null), (batch[0].Http!.Header!.Single().Exact, batch[0].Http!.PathPrefix));
        Assert.DoesNotContain(export.Diagnostics, d => d.Path.Contains(".when", StringComparison.Ordinal));
    }

    [Fact]
    public void AuthenticatedCallers_AreTheWildcardSource_Approximated()
    {
        var rule = new AccessRule { From = new AccessSource { Authenticated = true, ServiceAccounts = [new ServiceAccountRef("shop", "web")] }, To = new AccessOperation { Paths = ["/items/*"] } };
        var export = new Exported(With(Policy("authenticated", AccessAction.Allow, rule)));
        var sources = export.Get<ServiceIntentions>("api").Spec.Sources!;
        Assert.Equal(["*", "web"], sources.Select(s => s.Name!).Order(StringComparer.Ordinal));
        Assert.All(sources, s => Assert.Equal("/items/", s.Permissions![0].Http!.PathPrefix));
        Assert.True(export.Has(DiagnosticCodes.Approximated, "$.spec.accessPolicies[0].rules[0].from.authenticated"));
        Assert.False(export.Has(DiagnosticCodes.Unsupported, "$.spec.accessPolicies[0].rules[0].from.authenticated"));
    }

    [Fact]
    public void DenyOnly_AllowsTheRestExplicitly_BecauseConsulDeniesByDefault()
    {
        var sources = new Exported(With(Policy("deny-web", AccessAction.Deny, From("web")))).Get<ServiceIntentions>("api").Spec.Sources!;
        Assert.Equal([("web", "deny"), ("*", "allow")], sources.Select(s => (s.Name!, s.Action!)));
    }

    [Fact]
    public void WildcardDenies_AreCopiedIntoMoreSpecificSources()
    {
        var denyAdmin = Policy("deny-admin", AccessAction.Deny, new AccessRule { To = new AccessOperation { Paths = ["/admin/*"] } });
        var allowWeb = Policy("allow-web", AccessAction.Allow, From("web"));
        var sources = new Exported(With(denyAdmin, allowWeb)).Get<ServiceIntentions>("api").Spec.Sources!;
        var web = Assert.Single(sources, s => s.Name == "web");
        Assert.Equal([("deny", "/admin/"), ("allow", "/")], web.Permissions!.Select(p => (p.Action!, p.Http!.PathPrefix!)));
        var star = Assert.Single(sources, s => s.Name == "*");
        Assert.Equal(["deny"], star.Permissions!.Select(p => p.Action));
    }

    [Fact]
    public void AllowWithoutRules_DeniesEveryone()
    {
        var source = Assert.Single(new Exported(With(Policy("none", AccessAction.Allow))).Get<ServiceIntentions>("api").Spec.Sources!);
        Assert.Equal(("*", "deny"), (source.Name, source.Action));
    }

    [Fact]
    public void DefaultAllow_KeepsUnprotectedServicesOpen_UnlessDisabled()
    {
        var open = new Exported(Shop()).Get<ServiceIntentions>("mesh-sdk-default-allow");
        Assert.Equal(("*", "*", "allow"), (open.Spec.Destination!.Name, open.Spec.Sources![0].Name, open.Spec.Sources[0].Action));
        Assert.Empty(new Exported(Shop(), new ConsulOptions { AllowByDefault = false }).All<ServiceIntentions>());
    }

    [Fact]
    public void UnknownIdentity_IpBlocksAndPorts_AreReported()
    {
        var rule = new AccessRule
        {
            From = new AccessSource { ServiceAccounts = [new ServiceAccountRef("shop", "batch-runner")], IpBlocks = ["10.0.0.0/8"] },
            To = new AccessOperation { Ports = [8080] },
        };
        var export = new Exported(With(Policy("p", AccessAction.Allow, rule)));
        Assert.True(export.Has(DiagnosticCodes.Approximated, "$.spec.accessPolicies[0].rules[0].from.serviceAccounts[0]"));
        Assert.True(export.Has(DiagnosticCodes.Unsupported, "$.spec.accessPolicies[0].rules[0].from.ipBlocks"));
        Assert.True(export.Has(DiagnosticCodes.Approximated, "$.spec.accessPolicies[0].rules[0].to.ports"));
        Assert.Equal("batch-runner", Assert.Single(export.Get<ServiceIntentions>("api").Spec.Sources!).Name);
    }

    [Fact]
    public void Namespaces_AreWildcardsOnEnterprise_AndServiceListsOnCommunity()
    {
        var rule = new AccessRule { From = new AccessSource { Namespaces = ["shop"] } };
        var enterprise = new Exported(With(Policy("ns", AccessAction.Allow, rule)), new ConsulOptions { Edition = ConsulEdition.Enterprise });
        var source = Assert.Single(enterprise.Get<ServiceIntentions>("api").Spec.Sources!);
        Assert.Equal(("*", "shop"), (source.Name, source.Namespace));
        var community = new Exported(With(Policy("ns", AccessAction.Allow, rule)));
        Assert.Equal(["api", "db", "web"], community.Get<ServiceIntentions>("api").Spec.Sources!.Select(s => s.Name));
        Assert.True(community.Has(DiagnosticCodes.Approximated, "$.spec.accessPolicies[0].rules[0].from.namespaces[0]"));
    }
}
