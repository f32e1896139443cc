using System.Globalization;
using System.Text;
using Mesh.Model;
using Mesh.Translation;
using Mesh.Xds.EnvoyApi;

namespace Mesh.Xds.Planning;

/// <summary>
/// An access rule as an Envoy RBAC policy: the source's alternatives OR'd (service accounts and identities as the peer's
/// SPIFFE principal, namespaces as its prefix, IP blocks as the direct and the original client's address), its exclusion as
/// a <c>not_id</c>, the operation's lists AND'ed (hosts as <c>:authority</c>), its exclusion as a <c>not_rule</c>, and each
/// condition on the side Envoy evaluates it (peer attributes on the principal, request and connection ones on the permission).
/// Request principals and token conditions read the payload the <c>jwt_authn</c> filter verified (<see cref="JwtPlan"/>) from
/// its dynamic metadata: a principal <c>ISSUER/SUBJECT</c> as the <c>iss</c> and <c>sub</c> claims, for each issuer the workload
/// verifies (no other token carries a principal); a claim as a string or a list with a matching item.
/// </summary>
internal static class AccessRbac
{
    /// <summary>Whether the encoder expresses <paramref name="feature"/> in RBAC: every part of an access rule.</summary>
    public static bool Writes(MeshFeature feature) => true;

    /// <summary>The RBAC policy of one access rule.</summary>
    /// <param name="name">The policy name.</param>
    /// <param name="rule">The rule.</param>
    /// <param name="trustDomain">The mesh's trust domain, for peer identities.</param>
    /// <param name="issuers">The issuers whose tokens the workload verifies, for request principals.</param>
    public static RbacPolicyPlan Policy(string name, AccessRule rule, string trustDomain, IReadOnlyList<string> issuers) =>
        new(name, Permission(rule), Principal(rule, trustDomain, issuers));

    private static RbacPrincipal Principal(AccessRule rule, string trustDomain, IReadOnlyList<string> issuers)
    {
        var parts = new List<RbacPrincipal>();
        if (rule.From is { } from)
        {
            if (from.HasAlternatives) parts.Add(Or(Alternatives(from, trustDomain, issuers)));
            if (from.Not is { } not) parts.Add(new RbacPrincipal.Not(Or(Alternatives(not, trustDomain, issuers))));
        }
        foreach (var condition in rule.When)
        {
            if (condition.Key.Attribute is AccessAttribute.SourceIp or AccessAttribute.RemoteIp or AccessAttribute.SourceNamespace or AccessAttribute.SourcePrincipal)
            {
                parts.AddRange(Values(condition, v => PeerValue(condition.Key.Attribute, v, trustDomain), Or));
            }
            else if (condition.Key.Attribute is AccessAttribute.RequestPrincipal)
            {
                parts.AddRange(Values(condition, v => RequestPrincipal(v, issuers), Or));
            }
            else if (condition.Key.Attribute is AccessAttribute.RequestAudiences or AccessAttribute.RequestPresenter or AccessAttribute.RequestClaim)
            {
                string[] claim = condition.Key.Attribute switch
                {
                    AccessAttribute.RequestAudiences => ["aud"],
                    AccessAttribute.RequestPresenter => ["azp"],
                    _ => [.. condition.Key.Names],
                };
                parts.AddRange(Values(condition, v => Claim(claim, v), Or));
            }
        }
        return parts.Count switch { 0 => RbacPrincipal.Anyone, 1 => parts[0], _ => new RbacPrincipal.And([.. parts]) };
    }

    /// <summary>A claim of the verified payload: a string matching the pattern, or a list with an item matching it; any value for <c>*</c>.</summary>
    private static RbacPrincipal Claim(string[] claim, string pattern)
    {
        string[] path = [JwtPlan.PayloadKey, .. claim];
        if (pattern == "*") return new RbacPrincipal.Metadata(path, null);
        var match = StringMatch.Of(pattern);
        return Or([new RbacPrincipal.Metadata(path, match), new RbacPrincipal.Metadata(path, match, List: true)]);
    }

    /// <summary>
    /// A request principal pattern (<c>ISSUER/SUBJECT</c>, exact, <c>prefix*</c>, <c>*suffix</c> or <c>*</c>) as the claims of the
    /// verified token, for each issuer the workload verifies whose principals it can match: <c>iss</c> exact and <c>sub</c>
    /// exact, by prefix, by suffix or present. With no such issuer it matches no request (no other token is verified).
    /// </summary>
    private static RbacPrincipal RequestPrincipal(string pattern, IReadOnlyList<string> issuers)
    {
        string[] iss = [JwtPlan.PayloadKey, "iss"];
        string[] sub = [JwtPlan.PayloadKey, "sub"];
        if (pattern == "*") return new RbacPrincipal.Metadata(iss, null);
        var alternatives = new List<RbacPrincipal>();
        foreach (var issuer in issuers)
        {
            var prefix = issuer + "/";
            RbacPrincipal? subject = null;
            var match = StringMatch.Of(pattern);
            if (match.Field == StringMatcherFields.Exact && pattern.StartsWith(prefix, StringComparison.Ordinal))
            {
                subject = new RbacPrincipal.Metadata(sub, new StringMatch(StringMatcherFields.Exact, pattern[prefix.Length..]));
            }
            else if (match.Field == StringMatcherFields.Prefix)
            {
                if (match.Value.StartsWith(prefix, StringComparison.Ordinal))
                {
                    var rest = match.Value[prefix.Length..];
                    subject = new RbacPrincipal.Metadata(sub, rest.Length == 0 ? null : new StringMatch(StringMatcherFields.Prefix, rest));
                }
                else if (prefix.StartsWith(match.Value, StringComparison.Ordinal))
                {
                    subject = new RbacPrincipal.Metadata(sub, null);
                }
            }
            else if (match.Field == StringMatcherFields.Suffix && !match.Value.Contains('/', StringComparison.Ordinal))
            {
                subject = new RbacPrincipal.Metadata(sub, match);
            }
            if (subject is not null)
            {
                alternatives.Add(new RbacPrincipal.And([new RbacPrincipal.Metadata(iss, new StringMatch(StringMatcherFields.Exact, issuer)), subject]));
            }
        }
        return alternatives.Count switch
        {
            0 => new RbacPrincipal.Not(RbacPrincipal.Anyone),
            1 => alternatives[0],
            _ => Or(alternatives),
        };
    }

    private static List<RbacPrincipal> Alternatives(AccessSource from, string trustDomain, IReadOnlyList<string> issuers)
    {
        var ids = new List<RbacPrincipal>();
        foreach (var account in from.ServiceAccounts) ids.Add(new RbacPrincipal.Authenticated(new StringMatch(StringMatcherFields.Exact, ResourceNames.ServiceAccountPrincipal(trustDomain, account))));
        foreach (var ns in from.Namespaces) ids.Add(new RbacPrincipal.Authenticated(new StringMatch(StringMatcherFields.Prefix, ResourceNames.NamespacePrincipalPrefix(trustDomain, ns))));
        foreach (var identity in from.Identities) ids.Add(new RbacPrincipal.Authenticated(StringMatch.Of(identity)));
        foreach (var block in from.IpBlocks) ids.Add(Cidr(block, (a, l) => new RbacPrincipal.DirectRemoteIp(a, l)));
        foreach (var block in from.RemoteIpBlocks) ids.Add(Cidr(block, (a, l) => new RbacPrincipal.RemoteIp(a, l)));
        foreach (var principal in from.RequestPrincipals) ids.Add(RequestPrincipal(principal, issuers));
        if (from.Authenticated) ids.Add(new RbacPrincipal.Authenticated(null));
        if (from.Unauthenticated) ids.Add(new RbacPrincipal.Not(new RbacPrincipal.Authenticated(null)));
        return ids;
    }

    private static RbacPrincipal PeerValue(AccessAttribute attribute, string value, string trustDomain) => attribute switch
    {
        AccessAttribute.SourceIp => Cidr(value, (a, l) => new RbacPrincipal.DirectRemoteIp(a, l)),
        AccessAttribute.RemoteIp => Cidr(value, (a, l) => new RbacPrincipal.RemoteIp(a, l)),
        AccessAttribute.SourceNamespace => new RbacPrincipal.Authenticated(Namespace(value, trustDomain)),
        // source.principal is Istio's form, the SPIFFE ID without its scheme.
        _ => value == "*" ? new RbacPrincipal.Authenticated(null)
            : value.StartsWith('*') ? new RbacPrincipal.Authenticated(StringMatch.Of(value))
            : new RbacPrincipal.Authenticated(StringMatch.Of("spiffe://" + value)),
    };

    /// <summary>A namespace pattern on the peer's SPIFFE ID: exact and prefix as a prefix of it, others as an RE2 pattern.</summary>
    private static StringMatch? Namespace(string pattern, string trustDomain)
    {
        if (pattern == "*") return null;
        var root = $"spiffe://{trustDomain}/ns/";
        if (!pattern.StartsWith('*')) return new StringMatch(StringMatcherFields.Prefix, root + (pattern.EndsWith('*') ? pattern[..^1] : pattern + "/"));
        return new StringMatch(StringMatcherFields.SafeRegex, Re2Literal(root) + "[^/]*" + Re2Literal(pattern[1..]) + "/.*");
    }

    private static RbacPermission Permission(AccessRule rule)
    {
        var parts = new List<RbacPermission>();
        if (rule.To is { } to)
        {
            parts.AddRange(Lists(to).Select(Or));
            if (to.Not is { } not && Lists(not) is { Count: > 0 } excluded) parts.Add(new RbacPermission.Not(Or(excluded.Select(Or).ToList())));
        }
        foreach (var condition in rule.When)
        {
            var attribute = condition.Key.Attribute;
            if (attribute is AccessAttribute.RequestHeader or AccessAttribute.DestinationIp or AccessAttribute.DestinationPort or AccessAttribute.ConnectionSni)
            {
                parts.AddRange(Values(condition, v => RequestValue(condition.Key, v), Or));
            }
        }
        // Always an AND of ORs, even of one item: the shape stays the same as rules grow.
        return parts.Count == 0 ? RbacPermission.Anything : new RbacPermission.And([.. parts]);
    }

    /// <summary>The operation's non-empty lists, each the alternatives of one part of the request.</summary>
    private static List<List<RbacPermission>> Lists(AccessOperation to)
    {
        var lists = new List<List<RbacPermission>>();
        if (!to.Ports.IsEmpty) lists.Add([.. to.Ports.Select(p => (RbacPermission)new RbacPermission.DestinationPort(p))]);
        if (!to.Methods.IsEmpty) lists.Add([.. to.Methods.Select(m => (RbacPermission)new RbacPermission.Header(":method", new StringMatch(StringMatcherFields.Exact, m)))]);
        if (!to.Paths.IsEmpty) lists.Add([.. to.Paths.Select(p => (RbacPermission)new RbacPermission.UrlPath(p == "*" ? new StringMatch(StringMatcherFields.Prefix, "/") : StringMatch.Of(p)))]);
        if (!to.Hosts.IsEmpty) lists.Add([.. to.Hosts.SelectMany(Host)]);
        return lists;
    }

    /// <summary>A host pattern on <c>:authority</c>; an exact host also with any port, as clients send <c>host:port</c>.</summary>
    private static IEnumerable<RbacPermission> Host(string pattern)
    {
        if (pattern == "*") return [new RbacPermission.Header(":authority", null)];
        var match = StringMatch.Of(pattern);
        if (match.Field != StringMatcherFields.Exact) return [new RbacPermission.Header(":authority", match)];
        return [new RbacPermission.Header(":authority", match), new RbacPermission.Header(":authority", new StringMatch(StringMatcherFields.Prefix, pattern + ":"))];
    }

    private static RbacPermission RequestValue(AccessConditionKey key, string value) => key.Attribute switch
    {
        AccessAttribute.RequestHeader => new RbacPermission.Header(key.Names[0].ToLowerInvariant(), value == "*" ? null : StringMatch.Of(value)),
        AccessAttribute.DestinationIp => Cidr(value, (a, l) => new RbacPermission.DestinationIp(a, l)),
        AccessAttribute.DestinationPort => new RbacPermission.DestinationPort(int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture)),
        // Any SNI: not the empty one.
        _ => value == "*" ? new RbacPermission.Not(new RbacPermission.ServerName(new StringMatch(StringMatcherFields.Exact, string.Empty))) : new RbacPermission.ServerName(StringMatch.Of(value)),
    };

    /// <summary>A condition as its values OR'd and its not-values excluded.</summary>
    private static IEnumerable<T> Values<T>(AccessCondition condition, Func<string, T> one, Func<List<T>, T> or) where T : class
    {
        if (!condition.Values.IsEmpty) yield return or([.. condition.Values.Select(one)]);
        if (!condition.NotValues.IsEmpty)
        {
            var excluded = or([.. condition.NotValues.Select(one)]);
            yield return excluded switch
            {
                RbacPermission p => (T)(object)new RbacPermission.Not(p),
                RbacPrincipal p => (T)(object)new RbacPrincipal.Not(p),
                _ => throw new InvalidOperationException(),
            };
        }
    }

    private static RbacPrincipal Or(List<RbacPrincipal> ids) => new RbacPrincipal.Or([.. ids]);

    private static RbacPermission Or(List<RbacPermission> rules) => new RbacPermission.Or([.. rules]);

    /// <summary>An IP or CIDR block as a range; an address alone is a host range (/32 or /128). Validation split it cleanly.</summary>
    private static T Cidr<T>(string block, Func<string, int, T> make)
    {
        var slash = block.IndexOf('/', StringComparison.Ordinal);
        var address = slash < 0 ? block : block[..slash];
        var length = slash < 0
            ? (address.Contains(':', StringComparison.Ordinal) ? 128 : 32)
            : int.Parse(block.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture);
        return make(address, length);
    }

    private static string Re2Literal(string text)
    {
        var result = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('/' or ':' or '_')) result.Append('\\');
            result.Append(c);
        }
        return result.ToString();
    }
}
