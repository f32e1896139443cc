using Mesh.Collections;
using Mesh.Model;
using Mesh.Providers.Consul.Resources;
using Mesh.Providers.Consul.Translation;
using Mesh.Translation;

namespace Mesh.Providers.Consul.Mapping;

/// <summary>
/// The token an allow rule requires → an intention permission's <c>jwt</c>: alternatives (Consul accepts a token any listed
/// provider verifies with every claim of its <c>verifyClaims</c>), one per provider and principal. A request principal
/// <c>ISSUER/SUBJECT</c> is the provider of that issuer with <c>sub</c> = SUBJECT; <c>ISSUER/*</c> (or any prefix of
/// <c>ISSUER/</c>) the provider alone; <c>*</c> every provider of the service. Token conditions add a claim to each
/// alternative: <c>request.auth.claims[a][b]</c> the path <c>[a, b]</c>, audiences <c>aud</c>, the presenter <c>azp</c>, a
/// principal the provider and <c>sub</c>; several values multiply the alternatives. Consul compares claims exactly: a
/// subject or value pattern and excluded values are not expressible (reported).
/// </summary>
internal static partial class JwtRequirements
{
    /// <summary>Most alternatives one permission lists (values of several conditions multiply them).</summary>
    private const int MaxAlternatives = 64;

    private readonly record struct Alternative(string Provider, EquatableArray<(EquatableArray<string> Path, string Value)> Claims)
    {
        public Alternative With(EquatableArray<string> path, string value) => this with { Claims = [.. Claims, (path, value)] };

        public string? Subject => Claims.FirstOrDefault(c => c.Path is ["sub"]).Value;
    }

    /// <summary>Whether a condition tests the verified token.</summary>
    public static bool IsToken(AccessCondition condition) => AccessRuleFit.FeatureOf(condition.Key) == MeshFeature.AccessWhenToken;

    /// <summary>
    /// The requirement of <paramref name="principals"/> (null: any verified token) and the token conditions of
    /// <paramref name="when"/> (at their indexes) for a service whose workloads verify <paramref name="providers"/>; null, with
    /// each cause reported, when no token can satisfy it as Consul writes it.
    /// </summary>
    public static IntentionJwt? Of(EquatableArray<string>? principals, EquatableArray<AccessCondition> when, IReadOnlyList<JwtProviderMapping.Written> providers, ServiceRef target, string rulePath, ConsulExportContext ctx)
    {
        if (providers.Count == 0)
        {
            var at = principals is not null ? $"{rulePath}.from.requestPrincipals" : $"{rulePath}.when";
            ctx.UnsupportedOnce(at, ctx.Message("No request authentication of '{0}' is written as a JWTProvider, so Consul verifies no token for it: the callers or conditions that need one are not written.", target.ToString()));
            return null;
        }
        var alternatives = new List<Alternative>();
        if (principals is not { } patterns) alternatives.AddRange(providers.Select(p => new Alternative(p.Name, default)));
        else
        {
            for (var k = 0; k < patterns.Count; k++)
            {
                var found = Principal(patterns[k], providers, null, out var inexpressible);
                if (inexpressible) ctx.UnsupportedOnce($"{rulePath}.from.requestPrincipals[{k}]", ctx.Message("Consul verifies a token's subject by its exact value: the request principal pattern '{0}' cannot be written for its issuer, and these callers are not written.", patterns[k]));
                else if (found.Count == 0) ctx.UnsupportedOnce($"{rulePath}.from.requestPrincipals[{k}]", ctx.Message("No JWTProvider written for the service verifies tokens of the issuer of '{0}': these callers are not written.", patterns[k]));
                alternatives.AddRange(found);
            }
            if (alternatives.Count == 0) return null;
        }
        for (var i = 0; i < when.Count; i++)
        {
            var condition = when[i];
            if (!IsToken(condition)) continue;
            var path = $"{rulePath}.when[{i}]";
            if (!condition.NotValues.IsEmpty)
            {
                ctx.UnsupportedOnce($"{path}.notValues", "Consul's verifyClaims require values; it cannot exclude one: the rule is not written.");
                return null;
            }
            var next = new List<Alternative>();
            foreach (var alternative in alternatives)
            {
                foreach (var value in condition.Values)
                {
                    if (condition.Key.Attribute == AccessAttribute.RequestPrincipal)
                    {
                        var found = Principal(value, providers, alternative, out var inexpressible);
                        if (inexpressible)
                        {
                            ctx.UnsupportedOnce(path, ctx.Message("Consul verifies a token's subject by its exact value: the principal pattern '{0}' cannot be written, and the rule is not written.", value));
                            return null;
                        }
                        next.AddRange(found);
                        continue;
                    }
                    if (value.Contains('*', StringComparison.Ordinal))
                    {
                        ctx.UnsupportedOnce(path, ctx.Message("Consul's verifyClaims compare exact values: the pattern '{0}' cannot be written, and the rule is not written.", value));
                        return null;
                    }
                    next.Add(alternative.With(ClaimPath(condition.Key), value));
                }
            }
            alternatives = [.. next.Distinct()];
            if (alternatives.Count > MaxAlternatives)
            {
                ctx.UnsupportedOnce(path, ctx.Message("The values of the rule's token conditions combine into more than {0} provider alternatives: the rule is not written.", MaxAlternatives.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                return null;
            }
        }
        if (alternatives.Count == 0)
        {
            ctx.UnsupportedOnce(rulePath, "No token can meet both the rule's request principals and its principal conditions: the rule is not written.");
            return null;
        }
        return new IntentionJwt
        {
            Providers = [.. alternatives.Distinct().Select(a => new IntentionJwtProvider
            {
                Name = a.Provider,
                VerifyClaims = a.Claims.IsEmpty ? null : [.. a.Claims.Select(c => new IntentionJwtClaim { Path = [.. c.Path], Value = c.Value })],
            })],
        };
    }

    /// <summary>The claim path a token condition tests (a principal's subject is <c>sub</c>).</summary>
    public static EquatableArray<string> ClaimPath(AccessConditionKey key) => key.Attribute switch
    {
        AccessAttribute.RequestAudiences => ["aud"],
        AccessAttribute.RequestPresenter => ["azp"],
        AccessAttribute.RequestPrincipal => ["sub"],
        _ => key.Names,
    };

    /// <summary>
    /// The alternatives of one principal pattern over <paramref name="providers"/> (narrowing <paramref name="within"/> when
    /// given: its provider only, its subject kept); <paramref name="inexpressible"/> when an issuer matches but its subject
    /// would need a pattern.
    /// </summary>
    private static List<Alternative> Principal(string pattern, IReadOnlyList<JwtProviderMapping.Written> providers, Alternative? within, out bool inexpressible)
    {
        inexpressible = false;
        var found = new List<Alternative>();
        foreach (var provider in providers)
        {
            if (within is { } w && w.Provider != provider.Name) continue;
            var start = within ?? new Alternative(provider.Name, default);
            var prefix = provider.Issuer + "/";
            if (pattern == "*") found.Add(start);
            else if (pattern.EndsWith('*') && pattern.Length > 1)
            {
                var head = pattern[..^1];
                if (prefix.StartsWith(head, StringComparison.Ordinal)) found.Add(start);
                else if (head.StartsWith(prefix, StringComparison.Ordinal)) inexpressible = true;
            }
            else if (pattern.StartsWith('*'))
            {
                if (pattern.Length > 1) inexpressible = true;
            }
            else if (pattern.StartsWith(prefix, StringComparison.Ordinal) && pattern.Length > prefix.Length)
            {
                var subject = pattern[prefix.Length..];
                if (start.Subject is { } s) { if (s == subject) found.Add(start); }
                else found.Add(start.With(["sub"], subject));
            }
        }
        return found;
    }
}
