using Mesh.Builders;
using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.Istio.Resources;
using Mesh.Translation;

namespace Mesh.Providers.Istio.Tests.Export;

/// <summary>Complete authorization written as AuthorizationPolicy: alternatives, exclusions, hosts, conditions, audit.</summary>
public sealed class AuthorizationExportTests
{
    private static readonly IstioTranslator Translator = new();

    private static MeshConfig Model(AccessAction action, Action<AccessPolicyBuilder> rules) => MeshBuilder.Create("t")
        .Service("reviews.bookinfo", s => s.Port(9080, Protocol.Http))
        .AccessPolicy("p", "reviews.bookinfo", action, rules)
        .Build();

    [Fact]
    public void EachAlternative_IsASourceOfItsOwn_CarryingTheExclusions()
    {
        var config = Model(AccessAction.Allow, p => p.Rule(r => r
            .From(f => f.ServiceAccounts("shop/web").Authenticated().Identities("spiffe://partner.example/ns/pay/sa/api", "*/ns/audit/sa/reader")
                .Namespaces("ops").RemoteIpBlocks("203.0.113.0/24").RequestPrincipals("https://issuer.example/*")
                .Except(n => n.ServiceAccounts("shop/batch").Namespaces("dev").IpBlocks("10.1.0.0/16")))
            .To(t => t.Methods("GET").Hosts("reviews.example.com").Except(n => n.Paths("/admin/*").Methods("DELETE")))
            .When("request.headers[x-tenant]", "blue")
            .WhenNot("request.auth.claims[groups]", "banned")));
        var result = Translator.Translate(config);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var rule = Assert.Single(Assert.Single(result.Resources.OfType<AuthorizationPolicy>()).Spec.Rules!);
        var sources = rule.From!.Select(f => f.Source!).ToList();
        Assert.Equal(4, sources.Count);
        Assert.Equal(["cluster.local/ns/shop/sa/web", "partner.example/ns/pay/sa/api", "*/ns/audit/sa/reader", "*"], sources[0].Principals);
        Assert.Equal(["ops"], sources[1].Namespaces);
        Assert.Equal(["203.0.113.0/24"], sources[2].RemoteIpBlocks);
        Assert.Equal(["https://issuer.example/*"], sources[3].RequestPrincipals);
        Assert.All(sources, s =>
        {
            Assert.Equal(["cluster.local/ns/shop/sa/batch"], s.NotPrincipals);
            Assert.Equal(["dev"], s.NotNamespaces);
            Assert.Equal(["10.1.0.0/16"], s.NotIpBlocks);
        });
        var operation = Assert.Single(rule.To!).Operation!;
        Assert.Equal(["reviews.example.com"], operation.Hosts);
        Assert.Equal(["/admin/*"], operation.NotPaths);
        Assert.Equal(["DELETE"], operation.NotMethods);
        Assert.Collection(rule.When!,
            c => Assert.Equal(("request.headers[x-tenant]", "blue"), (c.Key, Assert.Single(c.Values!))),
            c => Assert.Equal(("request.auth.claims[groups]", "banned"), (c.Key, Assert.Single(c.NotValues!))));

        // And back: the same model.
        var back = Translator.ImportYaml(Translator.WriteYaml(result.Resources), "ap.yaml");
        Assert.Equal(config.Normalize().AccessPolicies, back.Config!.AccessPolicies);
    }

    [Fact]
    public void CallerServices_AreThePrincipalsOfTheAccountsNamedLikeThem_ReportedAsApproximated_AndReadBackAsThoseAccounts()
    {
        var config = MeshBuilder.Create("t")
            .Service("reviews.bookinfo", s => s.Port(9080, Protocol.Http))
            .Service("productpage.bookinfo", s => s.Port(9080, Protocol.Http))
            .Service("batch.bookinfo", s => s.Port(9080, Protocol.Http))
            .AccessPolicy("p", "reviews.bookinfo", AccessAction.Allow, p => p.Rule(r => r
                .From(f => f.Services("productpage.bookinfo").Namespaces("ops").Except(n => n.Services("batch.bookinfo")))))
            .Build();
        var result = Translator.Translate(config);

        var sources = Assert.Single(Assert.Single(result.Resources.OfType<AuthorizationPolicy>()).Spec.Rules!).From!.Select(f => f.Source!).ToList();
        Assert.Equal(["cluster.local/ns/bookinfo/sa/productpage"], sources[0].Principals);
        Assert.All(sources, s => Assert.Equal(["cluster.local/ns/bookinfo/sa/batch"], s.NotPrincipals));
        Assert.Equal(
            ["$.spec.accessPolicies[0].rules[0].from.services[0]", "$.spec.accessPolicies[0].rules[0].from.not.services[0]"],
            result.Diagnostics.Where(d => d.Code == DiagnosticCodes.Approximated).Select(d => d.Path));

        var back = Translator.ImportYaml(Translator.WriteYaml(result.Resources), "ap.yaml");
        var from = Assert.Single(Assert.Single(back.Config!.AccessPolicies).Rules).From!;
        Assert.Equal([new ServiceAccountRef("bookinfo", "productpage")], from.ServiceAccounts);
        Assert.Equal([new ServiceAccountRef("bookinfo", "batch")], from.Not!.ServiceAccounts);
    }

    [Fact]
    public void Unauthenticated_IsNotPrincipalsStar_AndAudit_IsTheAuditAction()
    {
        var config = Model(AccessAction.Audit, p => p.Rule(r => r.From(f => f.Unauthenticated().Except(n => n.IpBlocks("10.0.0.1")))));
        var policy = Assert.Single(Translator.Translate(config).Resources.OfType<AuthorizationPolicy>());
        Assert.Equal("AUDIT", policy.Spec.Action);
        var source = Assert.Single(Assert.Single(policy.Spec.Rules!).From!).Source!;
        Assert.Equal(["*"], source.NotPrincipals);
        Assert.Equal(["10.0.0.1"], source.NotIpBlocks);
    }
}
