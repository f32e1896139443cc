using Mesh.Collections;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Consul.Resources;

namespace Mesh.Providers.Consul.Mapping;

internal static partial class JwtRequirements
{
    /// <summary>
    /// A token requirement read back: the request principals it accepts (null: any token of the service's providers, when
    /// <see cref="Claims"/> already need one) and the claims every token must hold, as conditions.
    /// </summary>
    public sealed record Token(EquatableArray<string>? Principals, List<AccessCondition> Claims);

    /// <summary>
    /// An intention's <c>jwt</c> → the principals and conditions it requires (the inverse of <see cref="Of"/>), or null
    /// (reported) when the model cannot say it: alternatives whose claims other than <c>sub</c> differ, a provider that does not
    /// exist, a claim path that is not a condition key. Listing every provider of the service with no subject is any token.
    /// </summary>
    public static Token? ToModel(IntentionJwt jwt, ServiceRef service, JwtProviderMapping.Imported providers, string source, string path, ImportContext ctx)
    {
        var entries = jwt.Providers ?? [];
        if (entries.Count == 0) return null;
        var principals = new List<string>();
        string? shared = null;
        List<AccessCondition>? claims = null;
        var named = new HashSet<string>(StringComparer.Ordinal);
        var anySubject = false;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var at = $"{path}.providers[{i}]";
            if (entry?.Name is not { Length: > 0 } name || !providers.ByName.TryGetValue(name, out var provider))
            {
                ctx.Invalid(source, at + ".name", $"Consul refuses an intention naming a JWTProvider that does not exist ('{entry?.Name}'), or one this import could not read: the permission is not imported.");
                return null;
            }
            named.Add(name);
            string? subject = null;
            var others = new List<AccessCondition>();
            var verify = entry.VerifyClaims ?? [];
            for (var k = 0; k < verify.Count; k++)
            {
                var claim = verify[k];
                if (claim?.Path is not { Count: > 0 } claimPath || claim.Value is null)
                {
                    ctx.Invalid(source, $"{at}.verifyClaims[{k}]", "A claim to verify needs a path and a value: the permission is not imported.");
                    return null;
                }
                if (claimPath is ["sub"] && subject is null) { subject = claim.Value; continue; }
                var key = claimPath switch
                {
                    ["aud"] => AccessConditionKey.Of(AccessAttribute.RequestAudiences),
                    ["azp"] => AccessConditionKey.Of(AccessAttribute.RequestPresenter),
                    _ => new AccessConditionKey(AccessAttribute.RequestClaim, [.. claimPath]),
                };
                if (!key.IsWellFormed || claim.Value.Contains('*', StringComparison.Ordinal))
                {
                    ctx.NotImported(source, $"{at}.verifyClaims[{k}]", "The claim's path or value is not one a condition can hold (a name with brackets or spaces, or a '*' that would read as a pattern): the permission is not imported.");
                    return null;
                }
                others.Add(new AccessCondition { Key = key, Values = [claim.Value] });
            }
            var signature = string.Join('\n', others.Select(c => c.Key + "=" + c.Values[0]).Order(StringComparer.Ordinal));
            if (shared is not null && shared != signature)
            {
                ctx.NotImported(source, path, "The providers' alternatives verify different claims besides the subject; the model's conditions hold for every accepted token: the permission is not imported.");
                return null;
            }
            shared = signature;
            claims ??= others;
            anySubject |= subject is not null;
            principals.Add(provider.Rule.Issuer + "/" + (subject ?? "*"));
        }
        var all = providers.Of(service);
        if (!anySubject && all.Count > 0 && all.All(named.Contains))
        {
            EquatableArray<string> any = ["*"];
            return new Token(claims!.Count > 0 ? (EquatableArray<string>?)null : any, claims);
        }
        return new Token([.. principals.Distinct(StringComparer.Ordinal)], claims!);
    }
}
