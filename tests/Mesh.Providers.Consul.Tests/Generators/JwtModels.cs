using CsCheck;
using Mesh.Collections;
using Mesh.Model;

namespace Mesh.Providers.Consul.Tests.Generators;

/// <summary>
/// Request authentication with the allow rules that need its tokens, within what Consul writes: a shop whose api service's
/// workloads verify one or two issuers (a policy of the service or of the namespace; each rule with a key set, audiences,
/// token locations, the token kept or not, a payload header), and an allow policy of api whose rules each need a token —
/// either as callers (<c>'*'</c> source: request principals <c>ISSUER/alice</c>, <c>ISSUER/*</c> or <c>*</c>) or as a
/// principal condition of the web service's calls — with an optional claim condition and a path of their own (Consul tries
/// only the first permission matching a request: distinct exact paths keep each token requirement its own).
/// <see cref="RoundTrip"/> maps them to the form Consul reads back (<see cref="Expected"/>).
/// </summary>
internal static class JwtModels
{
    private static readonly ServiceRef Api = new("api", "shop");
    private static readonly string[] Issuers = ["https://accounts.example.com", "https://issuer.example.org"];

    private static Gen<JwtRule> Rule(string issuer) => Gen.Select(
        Gen.Int[0, 1], Gen.OneOf("shop", "mobile").Array[0, 1],
        Gen.Select(Gen.OneOf(new JwtHeader("authorization", "Bearer "), new JwtHeader("x-jwt-assertion")).Array[0, 1], Gen.OneOf("token", "access_token").Array[0, 1], Gen.OneOf("session").Array[0, 1]),
        Gen.Bool, Gen.OneOf("x-jwt-payload").Null(0.6), Gen.Int[1, 10].Select(s => TimeSpan.FromSeconds(s)).Nullable(0.6),
        (keys, audiences, from, forward, payload, timeout) => new JwtRule
        {
            Issuer = issuer,
            Audiences = [.. audiences],
            JwksUri = keys == 0 ? issuer + "/.well-known/jwks.json" : null,
            Jwks = keys == 1 ? """{"keys":[{"kty":"oct","k":"c2VjcmV0","alg":"HS256"}]}""" : null,
            JwksTimeout = keys == 0 ? timeout : null,
            FromHeaders = [.. from.Item1],
            FromParams = [.. from.Item2],
            FromCookies = [.. from.Item3],
            ForwardOriginalToken = forward,
            OutputPayloadToHeader = payload,
        });

    /// <summary>The generated models, as written.</summary>
    public static Gen<MeshConfig> Models { get; } =
        Gen.Select(Gen.Int[1, 2], Gen.Bool, Gen.Bool, (count, serviceScope, asCallers) => (count, serviceScope, asCallers))
            .SelectMany(x => Gen.Select(
                x.count == 1 ? Gen.OneOf(Issuers).Select(i => new[] { i }) : Gen.Const(Issuers),
                Gen.Select(Gen.Int[0, 2], Gen.Int[0, 1], Gen.OneOf("GET", "POST").Array[0, 1], Gen.Bool, (principal, issuer, methods, claim) => (principal, issuer, methods, claim)).Array[1, 3],
                (issuers, rules) => (x.serviceScope, x.asCallers, issuers, rules)))
            .SelectMany(x => (x.issuers.Length == 1 ? Rule(x.issuers[0]).Select(r => new[] { r }) : Gen.Select(Rule(x.issuers[0]), Rule(x.issuers[1]), (a, b) => new[] { a, b }))
                .Select(rules => Build(x.serviceScope, x.asCallers, rules, x.rules)));

    /// <summary>The models mapped to what Consul reads back.</summary>
    public static Gen<MeshConfig> RoundTrip => Models.Select(Expected);

    private static MeshConfig Build(bool serviceScope, bool asCallers, JwtRule[] jwt, (int Principal, int Issuer, string[] Methods, bool Claim)[] rules)
    {
        var access = new List<AccessRule>();
        for (var k = 0; k < rules.Length; k++)
        {
            var (kind, which, methods, claim) = rules[k];
            var issuer = jwt[which % jwt.Length].Issuer;
            var principal = kind switch { 0 => issuer + "/alice", 1 => issuer + "/*", _ => "*" };
            var when = claim ? new List<AccessCondition> { new() { Key = AccessConditionKey.Claim("role"), Values = ["admin"] } } : [];
            var to = new AccessOperation { Paths = [$"/r{k}"], Methods = [.. methods] };
            access.Add(asCallers
                ? new AccessRule { From = new AccessSource { RequestPrincipals = [principal] }, To = to, When = [.. when] }
                : new AccessRule { From = new AccessSource { ServiceAccounts = [new ServiceAccountRef("shop", "web")] }, To = to, When = [new AccessCondition { Key = AccessConditionKey.Of(AccessAttribute.RequestPrincipal), Values = [principal] }, .. when] });
        }
        return new MeshConfig
        {
            Name = "imported",
            Services =
            [
                new MeshService { Name = "api", Namespace = "shop", Ports = [new ServicePort { Port = 8080, Protocol = Protocol.Http }] },
                new MeshService { Name = "web", Namespace = "shop", Ports = [new ServicePort { Port = 80, Protocol = Protocol.Http }] },
            ],
            RequestAuthentications = [new RequestAuthentication { Name = "jwt", Namespace = "shop", Target = serviceScope ? new PolicyTarget { Service = Api } : null, JwtRules = [.. jwt] }],
            AccessPolicies = [new AccessPolicy { Name = "api-allow", Namespace = "shop", Target = new PolicyTarget { Service = Api }, Action = AccessAction.Allow, Rules = [.. access] }],
        };
    }

    /// <summary>
    /// What Consul reads back: the request authentication as its providers read back (<see cref="ConsulModels.RequestAuthentications"/>);
    /// a principal of the one issuer whose provider covers every provider of the service, without a subject, is any token —
    /// no principal at all when a claim condition already needs a token.
    /// </summary>
    public static MeshConfig Expected(MeshConfig m)
    {
        var issuers = m.RequestAuthentications.SelectMany(a => a.JwtRules).Select(r => r.Issuer).ToList();
        EquatableArray<string>? Read(string principal, bool claims)
        {
            var subjectless = principal == "*" || (principal.EndsWith("/*", StringComparison.Ordinal) && issuers.Count == 1);
            if (!subjectless) return [principal];
            return claims ? null : ["*"];
        }
        var rules = m.AccessPolicies[0].Rules.Select(r =>
        {
            var claims = r.When.Where(c => c.Key.Attribute == AccessAttribute.RequestClaim).ToList();
            if (r.From is { RequestPrincipals: [var callers] })
            {
                return Read(callers, claims.Count > 0) is { } p ? r with { From = new AccessSource { RequestPrincipals = p } } : r with { From = null };
            }
            var principal = r.When.Single(c => c.Key.Attribute == AccessAttribute.RequestPrincipal).Values[0];
            var when = new List<AccessCondition>();
            if (Read(principal, claims.Count > 0) is { } values) when.Add(new AccessCondition { Key = AccessConditionKey.Of(AccessAttribute.RequestPrincipal), Values = values });
            when.AddRange(claims);
            return r with { When = [.. when] };
        });
        return m with
        {
            RequestAuthentications = [.. ConsulModels.RequestAuthentications(m)],
            AccessPolicies = [m.AccessPolicies[0] with { Rules = [.. rules] }],
        };
    }
}
