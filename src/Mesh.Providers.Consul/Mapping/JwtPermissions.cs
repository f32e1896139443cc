using Mesh.Model;
using Mesh.Providers.Consul.Resources;
using Mesh.Providers.Consul.Translation;

namespace Mesh.Providers.Consul.Mapping;

/// <summary>
/// Access rules that need a verified token → L7 permissions with a <c>jwt</c> requirement (<see cref="JwtRequirements"/>).
/// A rule's request principals are callers of their own, alternatives to its other callers: they become the <c>'*'</c>
/// source's permission requiring the token, its other callers their own permission (requiring the token of the rule's token
/// conditions, if any). A deny rule cannot require a token in Consul — intention precedence removes an earlier permission's
/// request criteria, not its token, from every later one, so a deny needing a token refuses every request it matches — so
/// its request principals are not written (it denies fewer callers) and its token conditions are dropped (it denies more),
/// each reported.
/// </summary>
internal static class JwtPermissions
{
    public static bool NeedsToken(AccessRule rule) =>
        rule.From is { RequestPrincipals.IsEmpty: false } || rule.When.Any(JwtRequirements.IsToken);

    /// <summary>A deny rule without its token parts (reported), or null when no caller is left.</summary>
    public static AccessRule? WithoutTokens(AccessRule rule, string path, ConsulExportContext ctx)
    {
        const string Why = "Consul cannot deny by token: a deny permission needing one would refuse every request its path, methods and headers match (intention precedence ignores tokens).";
        var source = rule.From;
        if (source is { RequestPrincipals.IsEmpty: false })
        {
            source = source with { RequestPrincipals = default };
            if (!source.HasAlternatives)
            {
                ctx.UnsupportedOnce($"{path}.from.requestPrincipals", Why + " The rule is not written: no caller it names can be expressed.");
                return null;
            }
            ctx.UnsupportedOnce($"{path}.from.requestPrincipals", Why + " The rule is written without these callers.");
        }
        for (var i = 0; i < rule.When.Count; i++)
        {
            if (JwtRequirements.IsToken(rule.When[i])) ctx.UnsupportedOnce($"{path}.when[{i}]", Why + " The rule is written without it and denies more requests.");
        }
        return rule with { From = source, When = [.. rule.When.Where(c => !JwtRequirements.IsToken(c))] };
    }

    /// <summary>Writes an allow rule that needs a token for <paramref name="target"/>: each source key with its permissions.</summary>
    public static void Add(AccessRule rule, ServiceRef target, string path, ConsulExportContext ctx, JwtProviderMapping.Providers providers, Action<IntentionSources.Key, IntentionPermission[]> add)
    {
        if (!ProtocolMapping.EnsureL7(target, ctx))
        {
            ctx.UnsupportedOnce(path, ctx.Message("Consul verifies tokens in L7 permissions, which need an HTTP-family protocol, and '{0}' is tcp: the rule is not written.", target.ToString()));
            return;
        }
        var http = IntentionPermissions.Of(rule.To, rule.When, path, ctx) ?? [new IntentionHttpPermission { PathPrefix = "/" }];
        var written = providers.Of(target);
        var source = rule.From;
        var principals = source is { RequestPrincipals.IsEmpty: false } ? source.RequestPrincipals : (Mesh.Collections.EquatableArray<string>?)null;
        var others = source is null ? null : source with { RequestPrincipals = default };
        if (source is null || others!.HasAlternatives)
        {
            var conditions = rule.When.Any(JwtRequirements.IsToken);
            var jwt = conditions ? JwtRequirements.Of(null, rule.When, written, target, path, ctx) : null;
            if (!conditions || jwt is not null)
            {
                var chunk = Chunk(http, jwt);
                foreach (var key in IntentionSources.Of(source is null ? null : others, path, ctx)) add(key, chunk);
            }
        }
        if (principals is { } list && JwtRequirements.Of(list, rule.When, written, target, path, ctx) is { } required)
        {
            add(new IntentionSources.Key("*", null), Chunk(http, required));
        }
    }

    private static IntentionPermission[] Chunk(List<IntentionHttpPermission> http, IntentionJwt? jwt) =>
        [.. http.Select(h => new IntentionPermission { Action = "allow", Http = h, Jwt = jwt })];

    /// <summary>Permissions with equal request criteria as one, their token alternatives together (Consul accepts any of them).</summary>
    public static IEnumerable<IntentionPermission> Merged(List<IntentionPermission> permissions)
    {
        var byCriteria = new Dictionary<string, IntentionPermission>(StringComparer.Ordinal);
        var order = new List<IntentionPermission>();
        foreach (var permission in permissions)
        {
            var key = Criteria(permission.Http);
            if (!byCriteria.TryGetValue(key, out var first))
            {
                var copy = new IntentionPermission { Action = permission.Action, Http = permission.Http, Jwt = permission.Jwt };
                byCriteria[key] = copy;
                order.Add(copy);
                continue;
            }
            var merged = new List<IntentionJwtProvider>(first.Jwt!.Providers ?? []);
            foreach (var provider in permission.Jwt!.Providers ?? [])
            {
                if (!merged.Any(p => Same(p, provider))) merged.Add(provider);
            }
            first.Jwt = new IntentionJwt { Providers = merged };
        }
        return order;
    }

    /// <summary>Whether two permissions' request criteria may match one request (an exact path or the methods tell them apart).</summary>
    public static bool MayOverlap(IntentionHttpPermission? a, IntentionHttpPermission? b)
    {
        if (a?.PathExact is { } x && b?.PathExact is { } y && x != y) return false;
        if (a?.Methods is { Count: > 0 } m && b?.Methods is { Count: > 0 } n && !m.Intersect(n, StringComparer.Ordinal).Any()) return false;
        return true;
    }

    private static bool Same(IntentionJwtProvider a, IntentionJwtProvider b) =>
        a.Name == b.Name && Claims(a) == Claims(b);

    private static string Claims(IntentionJwtProvider p) =>
        string.Join('\n', (p.VerifyClaims ?? []).Select(c => string.Join('\u001f', c.Path ?? []) + "=" + c.Value));

    private static string Criteria(IntentionHttpPermission? http)
    {
        if (http is null) return string.Empty;
        var headers = string.Join('\n', (http.Header ?? []).Select(h => $"{h.Name}|{h.Exact}|{h.Prefix}|{h.Suffix}|{h.Regex}|{h.Present}|{h.Invert}|{h.Contains}|{h.IgnoreCase}"));
        return $"{http.PathExact}\u001f{http.PathPrefix}\u001f{http.PathRegex}\u001f{string.Join(',', http.Methods ?? [])}\u001f{headers}";
    }
}
