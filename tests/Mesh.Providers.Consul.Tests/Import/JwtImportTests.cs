using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.Consul.Tests.Export;
using Mesh.Translation;
using Mesh.Validation;
using static Mesh.Providers.Consul.Tests.Export.Models;

namespace Mesh.Providers.Consul.Tests.Import;

/// <summary>JWTProviders → request authentications; intention jwt requirements → request principals and token conditions.</summary>
public sealed class JwtImportTests
{
    private const string Issuer = "https://issuer.example";

    private static ImportResult Read(string yaml)
    {
        var result = new ConsulTranslator().ImportYaml(yaml, "x.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.DoesNotContain(MeshValidator.Validate(result.Config!), d => d.IsError);
        return result;
    }

    private static bool At(Diagnostic d, string path) => d.Path == path || d.Path.EndsWith(" " + path, StringComparison.Ordinal);

    private static bool Has(ImportResult result, DiagnosticCode code, string path) => result.Diagnostics.Any(d => d.Code == code && At(d, path));

    [Fact]
    public void WrittenPolicyAndRules_RoundTrip()
    {
        var jwt = new Model.RequestAuthentication
        {
            Name = "jwt",
            Namespace = "shop",
            Target = new PolicyTarget { Service = Api },
            JwtRules = [new JwtRule { Issuer = Issuer, JwksUri = Issuer + "/keys", JwksTimeout = TimeSpan.FromSeconds(2), Audiences = ["shop"], FromHeaders = [new JwtHeader("x-jwt", "Token ")], ForwardOriginalToken = true, OutputPayloadToHeader = "x-payload" }],
        };
        var allow = new AccessPolicy
        {
            Name = "api-allow",
            Namespace = "shop",
            Target = new PolicyTarget { Service = Api },
            Action = AccessAction.Allow,
            Rules =
            [
                new AccessRule { From = new AccessSource { RequestPrincipals = [Issuer + "/alice"] }, To = new AccessOperation { Paths = ["/orders/*"] } },
                new AccessRule
                {
                    From = new AccessSource { ServiceAccounts = [new ServiceAccountRef("shop", "web")] },
                    To = new AccessOperation { Paths = ["/admin"] },
                    When = [new AccessCondition { Key = AccessConditionKey.Claim("role"), Values = ["admin"] }],
                },
            ],
        };
        var model = Shop() with { RequestAuthentications = [jwt], AccessPolicies = [allow] };
        var result = Read(new Exported(model, new ConsulOptions { ServiceOutput = ServiceOutput.All }).Yaml);
        Assert.Equal(Assert.Single((Shop() with { RequestAuthentications = [jwt] }).Normalize().RequestAuthentications), Assert.Single(result.Config!.RequestAuthentications));
        var policy = Assert.Single(result.Config.AccessPolicies);
        var expected = Assert.Single((Shop() with { AccessPolicies = [allow] }).Normalize().AccessPolicies);
        // Consul applies only the most specific source: web's permissions include the '*' source's, read back as web's rule
        // needing alice's token (a principal condition).
        var copied = expected.Rules[0] with
        {
            From = new AccessSource { ServiceAccounts = [new ServiceAccountRef("shop", "web")] },
            When = [new AccessCondition { Key = AccessConditionKey.Of(AccessAttribute.RequestPrincipal), Values = [Issuer + "/alice"] }],
        };
        Assert.Equal([.. expected.Rules, copied], policy.Rules.ToHashSet());
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
    }

    private const string Okta = """
        apiVersion: consul.hashicorp.com/v1alpha1
        kind: JWTProvider
        metadata: { name: okta, namespace: shop }
        spec:
          issuer: https://okta.example
          jsonWebKeySet: { remote: { uri: https://okta.example/keys, cacheDuration: 10m, fetchAsynchronously: true } }
          clockSkewSeconds: 60
          cacheConfig: { size: 100 }
          locations: [{ header: { name: x-token, forward: true } }, { header: { name: authorization, valuePrefix: "Bearer " } }]
          forwarding: { headerName: x-payload, padForwardPayloadHeader: true }
        """;

    [Fact]
    public void ForeignProvider_IsThePolicyOfTheServicesRequiringIt_WithEveryLossReported()
    {
        var result = Read(Okta + """

            ---
            apiVersion: consul.hashicorp.com/v1alpha1
            kind: ServiceIntentions
            metadata: { name: api, namespace: shop }
            spec:
              destination: { name: api }
              sources:
                - name: '*'
                  permissions:
                    - action: allow
                      http: { pathPrefix: /orders/ }
                      jwt: { providers: [{ name: okta, verifyClaims: [{ path: [sub], value: alice }, { path: [perms, role], value: admin }] }] }
                - name: web
                  permissions:
                    - action: allow
                      http: { pathPrefix: / }
                      jwt: { providers: [{ name: okta }] }
                    - action: deny
                      http: { pathExact: /admin }
                      jwt: { providers: [{ name: okta }] }
            """);
        var config = result.Config!;
        var policy = Assert.Single(config.RequestAuthentications);
        Assert.Equal(("api-jwt", "shop", Api), (policy.Name, policy.Namespace, policy.Target!.Service));
        var rule = Assert.Single(policy.JwtRules);
        Assert.Equal("https://okta.example/keys", rule.JwksUri);
        Assert.Equal([new JwtHeader("authorization", "Bearer "), new JwtHeader("x-token")], rule.FromHeaders.ToArray());
        // Envoy applies the last header's forward setting.
        Assert.False(rule.ForwardOriginalToken);
        Assert.True(Has(result, DiagnosticCodes.FieldNotImported, "$.spec.locations[1].header.forward"));
        Assert.Equal("x-payload", rule.OutputPayloadToHeader);
        foreach (var path in new[] { "$.spec.clockSkewSeconds", "$.spec.cacheConfig", "$.spec.forwarding.padForwardPayloadHeader", "$.spec.jsonWebKeySet.remote.cacheDuration", "$.spec.jsonWebKeySet.remote.fetchAsynchronously" })
        {
            Assert.True(Has(result, DiagnosticCodes.FieldNotImported, path), path);
        }

        var allow = Assert.Single(config.AccessPolicies, p => p.Action == AccessAction.Allow).Rules;
        var alice = Assert.Single(allow, r => r.From?.RequestPrincipals.Count > 0);
        Assert.Equal(["https://okta.example/alice"], alice.From!.RequestPrincipals.ToArray());
        Assert.Equal(AccessConditionKey.Claim("perms", "role"), Assert.Single(alice.When).Key);
        // web with any token of the service's one provider: a principal condition '*'.
        var web = Assert.Single(allow, r => r.From?.ServiceAccounts.Count > 0);
        var any = Assert.Single(web.When);
        Assert.Equal((AccessAttribute.RequestPrincipal, "*"), (any.Key.Attribute, any.Values[0]));
        // A deny permission refuses whatever the token: read as the deny alone, reported.
        Assert.True(Has(result, DiagnosticCodes.FieldNotImported, "$.spec.sources[1].permissions[1].jwt"));
        var deny = Assert.Single(Assert.Single(config.AccessPolicies, p => p.Action == AccessAction.Deny).Rules);
        Assert.Empty(deny.When);
    }

    [Fact]
    public void TopLevelRequirement_AppliesToEverySourcesAllows()
    {
        var result = Read(Okta + """

            ---
            apiVersion: consul.hashicorp.com/v1alpha1
            kind: ServiceIntentions
            metadata: { name: api, namespace: shop }
            spec:
              destination: { name: api }
              jwt: { providers: [{ name: okta, verifyClaims: [{ path: [sub], value: bob }] }] }
              sources: [{ name: web, action: allow }]
            """);
        var rule = Assert.Single(Assert.Single(result.Config!.AccessPolicies).Rules);
        Assert.Equal("web", rule.From!.ServiceAccounts[0].Name);
        Assert.Equal(["https://okta.example/bob"], Assert.Single(rule.When).Values.ToArray());
    }

    [Fact]
    public void UnusedOrMissingProviders_AreReported()
    {
        var unused = new ConsulTranslator().ImportYaml(Okta, "x.yaml");
        Assert.True(Has(unused, DiagnosticCodes.FieldNotImported, "$.metadata.name"));
        Assert.Empty(unused.Config!.RequestAuthentications);

        var missing = new ConsulTranslator().ImportYaml("""
            apiVersion: consul.hashicorp.com/v1alpha1
            kind: ServiceIntentions
            metadata: { name: api, namespace: shop }
            spec:
              destination: { name: api }
              sources: [{ name: '*', permissions: [{ action: allow, http: { pathPrefix: / }, jwt: { providers: [{ name: nowhere }] } }] }]
            """, "x.yaml");
        Assert.Contains(missing.Diagnostics, d => d.IsError && At(d, "$.spec.sources[0].permissions[0].jwt.providers[0].name"));
    }

    [Fact]
    public void KeySetsTheModelCannotHold_AreReported()
    {
        var result = new ConsulTranslator().ImportYaml("""
            apiVersion: consul.hashicorp.com/v1alpha1
            kind: JWTProvider
            metadata: { name: file, namespace: shop, annotations: { mesh-sdk.io/request-authentication: jwt } }
            spec: { issuer: https://a.example, jsonWebKeySet: { local: { filename: /etc/jwks.json } } }
            ---
            apiVersion: consul.hashicorp.com/v1alpha1
            kind: JWTProvider
            metadata: { name: none, namespace: shop, annotations: { mesh-sdk.io/request-authentication: jwt } }
            spec: { issuer: https://b.example }
            """, "x.yaml");
        Assert.True(Has(result, DiagnosticCodes.FieldNotImported, "$.spec.jsonWebKeySet.local.filename"));
        Assert.Contains(result.Diagnostics, d => d.IsError && At(d, "$.spec.jsonWebKeySet"));
    }
}
