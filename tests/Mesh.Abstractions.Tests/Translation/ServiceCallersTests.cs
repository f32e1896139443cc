using Mesh.Builders;
using Mesh.Model;
using Mesh.Serialization;
using Mesh.Translation;

namespace Mesh.Abstractions.Tests.Translation;

/// <summary>Callers named as services: the fold into service accounts, the cut of a provider that cannot name them, YAML and the builder.</summary>
public sealed class ServiceCallersTests
{
    private static readonly ServiceRef Web = new("web", "shop");
    private static readonly ServiceRef Batch = new("batch", "shop");

    [Fact]
    public void AsServiceAccounts_FoldsCallersAndExclusions_KeepingAccountsOnce()
    {
        var rule = new AccessRule
        {
            From = new AccessSource
            {
                ServiceAccounts = [new ServiceAccountRef("shop", "web"), new ServiceAccountRef("ops", "probe")],
                Services = [Web],
                Not = new AccessSource { Services = [Batch] },
            },
        };

        var folded = ServiceCallers.AsServiceAccounts(rule);

        Assert.Equal([new ServiceAccountRef("shop", "web"), new ServiceAccountRef("ops", "probe")], folded.From!.ServiceAccounts);
        Assert.True(folded.From.Services.IsEmpty);
        Assert.Equal([new ServiceAccountRef("shop", "batch")], folded.From.Not!.ServiceAccounts);
        Assert.True(folded.From.Not.Services.IsEmpty);
        Assert.Equal(["from.services[0]", "from.not.services[0]"], ServiceCallers.Paths(rule));
    }

    [Fact]
    public void AsServiceAccounts_LeavesARuleWithoutServicesAsItIs()
    {
        var rule = new AccessRule { From = new AccessSource { Namespaces = ["shop"] } };
        Assert.Same(rule, ServiceCallers.AsServiceAccounts(rule));
        Assert.Empty(ServiceCallers.Paths(rule));
    }

    [Fact]
    public void Fit_WithoutServices_DropsThem_AndAnAllowRuleLeftWithNoCallerIsNotWritten()
    {
        var onlyServices = new AccessRule { From = new AccessSource { Services = [Web] } };
        var fit = AccessRuleFit.Of(onlyServices, AccessAction.Allow, f => f != MeshFeature.AccessFromServices);
        Assert.Null(fit.Rule);
        Assert.Equal([(MeshFeature.AccessFromServices, "from.services")], fit.Dropped);

        var withNamespace = new AccessRule { From = new AccessSource { Services = [Web], Namespaces = ["ops"] } };
        Assert.Equal(["ops"], AccessRuleFit.Of(withNamespace, AccessAction.Allow, f => f != MeshFeature.AccessFromServices).Rule!.From!.Namespaces);
    }

    [Fact]
    public void Fit_WithoutServices_LosesAnExclusionNamingThem_SoAnAllowRuleIsNotWritten()
    {
        var rule = new AccessRule { From = new AccessSource { Namespaces = ["shop"], Not = new AccessSource { Services = [Batch] } } };
        var allow = AccessRuleFit.Of(rule, AccessAction.Allow, f => f != MeshFeature.AccessFromServices);
        Assert.Null(allow.Rule);
        var deny = AccessRuleFit.Of(rule, AccessAction.Deny, f => f != MeshFeature.AccessFromServices);
        Assert.Null(deny.Rule!.From!.Not);
    }

    [Fact]
    public void Yaml_ReadsAndWritesServices_AsNameDotNamespace()
    {
        const string yaml = """
            kind: Mesh
            metadata: { name: m }
            spec:
              services:
                - { name: web, namespace: shop }
                - { name: cart, namespace: shop }
              accessPolicies:
                - name: cart
                  namespace: shop
                  target: { service: cart.shop }
                  action: allow
                  rules: [{ from: { services: [web.shop] } }]
            """;
        var read = MeshYaml.Read(yaml);
        Assert.False(read.HasErrors, string.Join("\n", read.Diagnostics));
        Assert.Equal([Web], read.Config!.AccessPolicies[0].Rules[0].From!.Services);
        var again = MeshYaml.Read(MeshYaml.Write(read.Config));
        Assert.Equal(read.Config, again.Config);
        Assert.Contains("services:", MeshYaml.Write(read.Config), StringComparison.Ordinal);
    }

    [Fact]
    public void Builder_AddsCallerServices()
    {
        var config = MeshBuilder.Create("m")
            .AccessPolicy("cart", "cart.shop", AccessAction.Allow, a => a.Rule(r => r.From(f => f.Services("web.shop").Except(x => x.Services("batch.shop")))))
            .Build();
        var from = config.AccessPolicies[0].Rules[0].From!;
        Assert.Equal([Web], from.Services);
        Assert.Equal([Batch], from.Not!.Services);
    }
}
