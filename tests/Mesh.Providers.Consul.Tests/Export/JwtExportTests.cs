using System.Text;
using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.Consul.Resources;
using static Mesh.Providers.Consul.Tests.Export.Models;

namespace Mesh.Providers.Consul.Tests.Export;

/// <summary>Request authentication as JWTProviders; allow rules needing a token as intention permissions with a jwt requirement.</summary>
public sealed class JwtExportTests
{
    private const string Issuer = "https://issuer.example";
    private const string Other = "https://other.example";
    private const string KeySet = """{"keys":[{"kty":"oct","k":"c2VjcmV0","alg":"HS256"}]}""";

    private static JwtRule Remote(string issuer = Issuer) => new() { Issuer = issuer, JwksUri = issuer + "/keys" };

    private static Model.RequestAuthentication Jwt(params JwtRule[] rules) =>
        new() { Name = "jwt", Namespace = "shop", Target = new PolicyTarget { Service = Api }, JwtRules = [.. rules] };

    private static AccessPolicy Allow(params AccessRule[] rules) =>
        new() { Name = "allow", Namespace = "shop", Target = new PolicyTarget { Service = Api }, Action = AccessAction.Allow, Rules = [.. rules] };

    private static AccessPolicy Deny(params AccessRule[] rules) =>
        new() { Name = "deny", Namespace = "shop", Target = new PolicyTarget { Service = Api }, Action = AccessAction.Deny, Rules = [.. rules] };

    private static AccessRule Principals(params string[] principals) => new() { From = new AccessSource { RequestPrincipals = [.. principals] } };

    private static AccessCondition Claim(string name, params string[] values) => new() { Key = AccessConditionKey.Claim(name), Values = [.. values] };

    private static MeshConfig With(Model.RequestAuthentication[] authentications, params AccessPolicy[] policies) =>
        Shop() with { RequestAuthentications = [.. authentications], AccessPolicies = [.. policies] };

    private static IntentionSource Source(Exported export, string name = "*") => Assert.Single(export.Get<ServiceIntentions>("api").Spec.Sources!, s => s.Name == name);

    [Fact]
    public void EachRule_IsAProvider_FieldForField_NamingItsPolicy()
    {
        var remote = Remote() with
        {
            Audiences = ["shop"],
            JwksTimeout = TimeSpan.FromSeconds(3),
            FromHeaders = [new JwtHeader("x-jwt", "Token ")],
            FromParams = ["token"],
            FromCookies = ["session"],
            ForwardOriginalToken = true,
            OutputPayloadToHeader = "x-jwt-payload",
        };
        var local = new JwtRule { Issuer = Other, Jwks = KeySet };
        var export = new Exported(With([Jwt(remote, local)]));

        var first = export.Get<JwtProvider>("jwt-0");
        Assert.Equal("shop", first.Metadata.NamespaceProperty);
        Assert.Equal("jwt/api", first.Metadata.Annotations!["mesh-sdk.io/request-authentication"]);
        Assert.Equal(Issuer, first.Spec.Issuer);
        Assert.Equal(["shop"], first.Spec.Audiences!);
        Assert.Equal(Issuer + "/keys", first.Spec.JsonWebKeySet!.Remote!.Uri);
        Assert.Equal(3000, first.Spec.JsonWebKeySet.Remote.RequestTimeoutMs);
        Assert.Null(first.Spec.JsonWebKeySet.Local);
        var locations = first.Spec.Locations!;
        Assert.Equal(("x-jwt", "Token ", (bool?)true), (locations[0].Header!.Name, locations[0].Header!.ValuePrefix, locations[0].Header!.Forward));
        Assert.Equal("token", locations[1].QueryParam!.Name);
        Assert.Equal("session", locations[2].Cookie!.Name);
        Assert.Equal("x-jwt-payload", first.Spec.Forwarding!.HeaderName);

        var second = export.Get<JwtProvider>("jwt-1");
        Assert.Equal(KeySet, Encoding.UTF8.GetString(Convert.FromBase64String(second.Spec.JsonWebKeySet!.Local!.Jwks!)));
        Assert.Null(second.Spec.Locations);
        Assert.Null(second.Spec.Forwarding);
        // Consul verifies a token only where an intention requires one: the policy itself is approximated.
        Assert.True(export.Has(DiagnosticCodes.Approximated, "$.spec.requestAuthentications[0]"));
        Assert.DoesNotContain(export.Diagnostics, d => d.Code == DiagnosticCodes.Unsupported);
    }

    [Fact]
    public void KeptTokenWithoutLocations_WritesEnvoysDefaultsExplicitly()
    {
        var provider = new Exported(With([Jwt(Remote() with { ForwardOriginalToken = true })])).Get<JwtProvider>("jwt");
        var locations = provider.Spec.Locations!;
        Assert.Equal(2, locations.Count);
        Assert.Equal(("authorization", "Bearer ", (bool?)true), (locations[0].Header!.Name, locations[0].Header!.ValuePrefix, locations[0].Header!.Forward));
        Assert.Equal("access_token", locations[1].QueryParam!.Name);
    }

    [Fact]
    public void WhatConsulCannotWrite_IsReported()
    {
        var gateway = new Model.RequestAuthentication { Name = "edge", Namespace = "shop", Gateway = "public", JwtRules = [Remote()] };
        var subset = new Model.RequestAuthentication { Name = "canary", Namespace = "shop", Target = new PolicyTarget { Service = Api, Subset = "v2" }, JwtRules = [Remote()] };
        var rules = Jwt(
            Remote() with { OutputClaimToHeaders = [new JwtClaimHeader("x-user", "sub")], JwksTimeout = TimeSpan.FromMilliseconds(1500) },
            new JwtRule { Issuer = Other },
            new JwtRule { Issuer = "https://third.example", Jwks = KeySet, FromParams = ["token"], ForwardOriginalToken = true });
        var model = With([rules, subset]) with
        {
            Gateways = [new Gateway { Name = "public", Namespace = "shop", Workloads = new Dictionary<string, string> { ["app"] = "gw" }, Listeners = [new GatewayListener { Name = "http", Port = 80, Protocol = ListenerProtocol.Http }] }],
            RequestAuthentications = [rules, subset, gateway],
        };
        var export = new Exported(model);
        Assert.True(export.Has(DiagnosticCodes.Unsupported, "$.spec.requestAuthentications[0].jwtRules[0].outputClaimToHeaders"));
        Assert.True(export.Has(DiagnosticCodes.Approximated, "$.spec.requestAuthentications[0].jwtRules[0].jwksTimeout"));
        Assert.Equal(1500, export.Get<JwtProvider>("jwt-0").Spec.JsonWebKeySet!.Remote!.RequestTimeoutMs);
        // No key set: Consul does not discover it from the issuer.
        Assert.True(export.Has(DiagnosticCodes.Unsupported, "$.spec.requestAuthentications[0].jwtRules[1]"));
        Assert.Null(export.Find<JwtProvider>("jwt-1"));
        // The token of a query parameter is never removed: noted, not lost.
        Assert.Contains(export.Diagnostics, d => d.Code == DiagnosticCodes.TranslationNote && d.Path == "$.spec.requestAuthentications[0].jwtRules[2].forwardOriginalToken");
        Assert.True(export.Has(DiagnosticCodes.Unsupported, "$.spec.requestAuthentications[1].target.subset"));
        Assert.True(export.Has(DiagnosticCodes.Unsupported, "$.spec.requestAuthentications[2].gateway"));
        Assert.Equal(["jwt-0", "jwt-2"], export.All<JwtProvider>().Select(p => p.Metadata.Name));
    }

    [Fact]
    public void ProviderNames_AreUniqueAcrossNamespaces()
    {
        var model = Shop() with
        {
            Services = [.. Shop().Services, new MeshService { Name = "api", Namespace = "other", Ports = [Http(8080)] }],
            RequestAuthentications = [Jwt(Remote()), Jwt(Remote()) with { Namespace = "other", Target = new PolicyTarget { Service = new ServiceRef("api", "other") } }],
        };
        var names = new Exported(model, new ConsulOptions { Edition = ConsulEdition.Enterprise }).All<JwtProvider>().Select(p => (p.Metadata.NamespaceProperty, p.Metadata.Name)).ToList();
        Assert.Equal([("other", "jwt-other"), ("shop", "jwt")], names);
    }

    [Fact]
    public void RequestPrincipals_AreTheWildcardSourcesPermission_RequiringTheIssuersProviderAndSubject()
    {
        var export = new Exported(With([Jwt(Remote(), Remote(Other))], Allow(
            Principals(Issuer + "/alice") with { To = new AccessOperation { Paths = ["/orders/*"] } },
            Principals("*") with { To = new AccessOperation { Paths = ["/public"] } })));
        var permissions = Source(export).Permissions!;
        Assert.Equal(2, permissions.Count);
        Assert.Equal("/orders/", permissions[0].Http!.PathPrefix);
        var alice = Assert.Single(permissions[0].Jwt!.Providers!);
        Assert.Equal("jwt-0", alice.Name);
        var sub = Assert.Single(alice.VerifyClaims!);
        Assert.Equal(["sub"], sub.Path!);
        Assert.Equal("alice", sub.Value);
        // Any verified token: every provider of the service, without claims.
        Assert.Equal(["jwt-0", "jwt-1"], permissions[1].Jwt!.Providers!.Select(p => p.Name));
        Assert.All(permissions[1].Jwt!.Providers!, p => Assert.Null(p.VerifyClaims));
        Assert.Equal("http", export.Get<ServiceDefaults>("api").Spec.Protocol);
    }

    [Fact]
    public void TokenConditions_AreVerifiedClaims_OfTheCallersPermission()
    {
        var rule = new AccessRule
        {
            From = new AccessSource { ServiceAccounts = [new ServiceAccountRef("shop", "web")] },
            When = [Claim("role", "admin", "ops"), new AccessCondition { Key = AccessConditionKey.Of(AccessAttribute.RequestAudiences), Values = ["shop"] }],
        };
        var export = new Exported(With([Jwt(Remote())], Allow(rule)));
        var permission = Assert.Single(Source(export, "web").Permissions!);
        Assert.Equal("/", permission.Http!.PathPrefix);
        // Two values: two alternatives of the provider, each with the audience.
        var alternatives = permission.Jwt!.Providers!;
        Assert.Equal(2, alternatives.Count);
        Assert.All(alternatives, a => Assert.Equal("jwt", a.Name));
        Assert.Equal(["role=admin", "aud=shop", "role=ops", "aud=shop"], alternatives.SelectMany(a => a.VerifyClaims!.Select(c => string.Join('.', c.Path!) + "=" + c.Value)));
    }

    [Fact]
    public void CallersWithAndWithoutToken_AreSeparateSources_TheTokenPermissionsLast()
    {
        var mixed = new AccessRule
        {
            From = new AccessSource { ServiceAccounts = [new ServiceAccountRef("shop", "web")], RequestPrincipals = [Issuer + "/*"] },
            To = new AccessOperation { Paths = ["/items"] },
        };
        var export = new Exported(With([Jwt(Remote())], Allow(mixed)));
        var web = Source(export, "web").Permissions!;
        // The wildcard source's token permission is copied into web's (Consul applies the most specific source only), after web's own.
        Assert.Equal(2, web.Count);
        Assert.Null(web[0].Jwt);
        Assert.NotNull(web[1].Jwt);
        Assert.Equal("jwt", Assert.Single(Source(export).Permissions!).Jwt!.Providers![0].Name);
    }

    [Fact]
    public void PermissionsWithTheSameRequestCriteria_ShareOneTokenRequirement()
    {
        var export = new Exported(With([Jwt(Remote(), Remote(Other))], Allow(Principals(Issuer + "/alice"), Principals(Other + "/bob"))));
        var permission = Assert.Single(Source(export).Permissions!);
        Assert.Equal(["jwt-0", "jwt-1"], permission.Jwt!.Providers!.Select(p => p.Name));
        Assert.False(export.Has(DiagnosticCodes.Approximated, "$.spec.accessPolicies"));
    }

    [Fact]
    public void OverlappingPermissionsNeedingDifferentTokens_AreReported()
    {
        var export = new Exported(With([Jwt(Remote(), Remote(Other))], Allow(
            Principals(Issuer + "/alice") with { To = new AccessOperation { Paths = ["/a/*"] } },
            Principals(Other + "/bob") with { To = new AccessOperation { Methods = ["GET"] } })));
        Assert.Equal(2, Source(export).Permissions!.Count);
        Assert.True(export.Has(DiagnosticCodes.Approximated, "$.spec.accessPolicies"));
    }

    [Fact]
    public void InexpressibleTokenRequirements_AreReported_NeverWidened()
    {
        var export = new Exported(With([Jwt(Remote())], Allow(
            Principals(Issuer + "/al*"),
            Principals("*/alice"),
            Principals("https://unknown.example/bob"),
            new AccessRule { When = [Claim("role", "adm*")] },
            new AccessRule { When = [new AccessCondition { Key = AccessConditionKey.Claim("role"), NotValues = ["guest"] }] })));
        Assert.True(export.Has(DiagnosticCodes.Unsupported, "$.spec.accessPolicies[0].rules[0].from.requestPrincipals[0]"));
        Assert.True(export.Has(DiagnosticCodes.Unsupported, "$.spec.accessPolicies[0].rules[1].from.requestPrincipals[0]"));
        Assert.True(export.Has(DiagnosticCodes.Unsupported, "$.spec.accessPolicies[0].rules[2].from.requestPrincipals[0]"));
        Assert.True(export.Has(DiagnosticCodes.Unsupported, "$.spec.accessPolicies[0].rules[3].when[0]"));
        Assert.True(export.Has(DiagnosticCodes.Unsupported, "$.spec.accessPolicies[0].rules[4].when[0].notValues"));
        // Nothing is allowed in their place: the allow policy admits no one.
        var source = Assert.Single(export.Get<ServiceIntentions>("api").Spec.Sources!);
        Assert.Equal(("*", "deny"), (source.Name, source.Action));
    }

    [Fact]
    public void WithoutAProviderForTheService_TokenRulesAreNotWritten()
    {
        var export = new Exported(With([], Allow(Principals("*"))));
        Assert.True(export.Has(DiagnosticCodes.Unsupported, "$.spec.accessPolicies[0].rules[0].from.requestPrincipals"));
        Assert.Empty(export.All<JwtProvider>());
    }

    [Fact]
    public void DenyRules_CannotRequireATokenInConsul()
    {
        var export = new Exported(With([Jwt(Remote())], Deny(
            Principals(Issuer + "/mallory"),
            new AccessRule { From = new AccessSource { ServiceAccounts = [new ServiceAccountRef("shop", "web")] }, To = new AccessOperation { Paths = ["/admin"] }, When = [Claim("role", "guest")] })));
        Assert.True(export.Has(DiagnosticCodes.Unsupported, "$.spec.accessPolicies[0].rules[0].from.requestPrincipals"));
        Assert.True(export.Has(DiagnosticCodes.Unsupported, "$.spec.accessPolicies[0].rules[1].when[0]"));
        var web = Source(export, "web").Permissions!;
        Assert.Equal(("deny", "/admin"), (web[0].Action, web[0].Http!.PathExact));
        Assert.All(web, p => Assert.Null(p.Jwt));
    }

    [Fact]
    public void TokenRules_OfATcpService_AreNotWritten()
    {
        var db = new PolicyTarget { Service = Db };
        var model = With([Jwt(Remote()) with { Target = db }], Allow(Principals("*")) with { Target = db });
        var export = new Exported(model);
        Assert.True(export.Has(DiagnosticCodes.Unsupported, "$.spec.accessPolicies[0].rules[0]"));
        Assert.DoesNotContain(export.All<ServiceIntentions>().SelectMany(i => i.Spec.Sources!), s => s.Permissions is { Count: > 0 });
    }
}
