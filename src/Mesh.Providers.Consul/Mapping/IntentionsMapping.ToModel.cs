using Mesh.Collections;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Consul.Resources;
using Mesh.Providers.Consul.Translation;

namespace Mesh.Providers.Consul.Mapping;

/// <summary>
/// ServiceIntentions → access policies of their destination service: a deny policy <c>&lt;service&gt;-deny</c> and an allow
/// policy <c>&lt;service&gt;-allow</c>, one rule per source action or L7 permission (a source name is the service account of
/// that name; <c>'*'</c> is any caller, or the callers of its namespace). The export's artefacts for "allow the rest" are
/// dropped on a service with no other allow: a trailing <c>pathPrefix: /</c> allow and a <c>'*'</c> allow. The intention the
/// export adds for allow-by-default (<see cref="ConsulEntries.DefaultAllow"/>) is skipped.
/// </summary>
internal static partial class IntentionsMapping
{
    private static readonly IReadOnlySet<string> Carried = new HashSet<string>(StringComparer.Ordinal) { ConsulEntries.DefaultAllow };

    public static List<AccessPolicy> ToModel(ConsulImportIndex index, JwtProviderMapping.Imported jwt, ImportContext ctx)
    {
        var policies = new List<AccessPolicy>();
        foreach (var doc in index.Intentions.Values)
        {
            var entry = doc.Resource;
            ctx.ReportMetadata(entry.Metadata, doc.Source, Carried);
            if (RouterMapping.Annotation(entry.Metadata, ConsulEntries.DefaultAllow) == "true") continue;
            var spec = entry.Spec;
            if (spec?.Destination?.Name is not { Length: > 0 } name)
            {
                ctx.Invalid(doc.Source, "$.spec.destination.name", "ServiceIntentions need a destination name.");
                continue;
            }
            if (name == "*")
            {
                ctx.NotImported(doc.Source, "$.spec.destination", "Intentions of every service ('*') have no model policy (the model's policies target a service or a namespace's services): not imported.");
                continue;
            }
            var service = new ServiceRef(name, index.NamespaceOf(spec.Destination.Namespace, doc.Namespace, doc.Source, "$.spec.destination.namespace", ctx));
            var deny = new List<AccessRule>();
            var allow = new List<(AccessRule Rule, bool Artefact)>();
            var sources = spec.Sources ?? [];
            for (var i = 0; i < sources.Count; i++)
            {
                var source = sources[i];
                var path = $"$.spec.sources[{i}]";
                if (source.Peer is not null || source.SamenessGroup is not null || source.Partition is not null)
                {
                    ctx.NotImported(doc.Source, path, "Callers of other peers, partitions or sameness groups are outside the model: the source is not imported.");
                    continue;
                }
                var from = From(source, index.NamespaceOf(source.Namespace, doc.Namespace, doc.Source, path + ".namespace", ctx), index.Enterprise);
                if (source.Permissions is { Count: > 0 } permissions)
                {
                    if (source.Action is not null) ctx.Invalid(doc.Source, path, "Consul rejects a source with both an action and permissions.");
                    for (var k = 0; k < permissions.Count; k++)
                    {
                        var permission = permissions[k];
                        var ppath = $"{path}.permissions[{k}]";
                        if (Operation(permission.Http, doc.Source, ppath + ".http", ctx) is not var (op, when)) continue;
                        var rule = new AccessRule { From = from, To = op.Paths.Count == 0 && op.Methods.Count == 0 ? null : op, When = when };
                        if (permission.Jwt is not null && spec.Jwt is not null)
                        {
                            ctx.NotImported(doc.Source, ppath + ".jwt", "The permission requires a token besides the one every source requires (spec.jwt); the model states one requirement per rule: the permission is not imported.");
                            continue;
                        }
                        var (token, tokenPath) = permission.Jwt is not null ? (permission.Jwt, ppath + ".jwt") : (spec.Jwt, "$.spec.jwt");
                        if (token is not null)
                        {
                            if (permission.Action == "deny")
                            {
                                ctx.NotImported(doc.Source, tokenPath, "Consul refuses every request a deny permission matches, whatever its token (intention precedence ignores tokens): read as the deny alone.");
                            }
                            else if (Tokened(rule, token, service, jwt, doc.Source, tokenPath, ctx) is { } tokened) rule = tokened;
                            else continue;
                        }
                        switch (permission.Action)
                        {
                            case "deny": deny.Add(rule); break;
                            case "allow": allow.Add((rule, token is null && k == permissions.Count - 1 && permission.Http is { PathPrefix: "/", PathExact: null, PathRegex: null, Methods: null or { Count: 0 }, Header: null or { Count: 0 } })); break;
                            default: ctx.Invalid(doc.Source, ppath + ".action", $"A permission's action is allow or deny, not '{permission.Action}'."); break;
                        }
                    }
                }
                else
                {
                    switch (source.Action)
                    {
                        case "deny": deny.Add(new AccessRule { From = from }); break;
                        case "allow" when spec.Jwt is not null:
                            if (Tokened(new AccessRule { From = from }, spec.Jwt, service, jwt, doc.Source, "$.spec.jwt", ctx) is { } required) allow.Add((required, false));
                            break;
                        case "allow": allow.Add((new AccessRule { From = from }, source.Name == "*" && source.Namespace is null or "*")); break;
                        default: ctx.Invalid(doc.Source, path + ".action", $"A source needs an action allow or deny, or permissions (got '{source.Action}')."); break;
                    }
                }
            }
            var denyOnly = allow.All(a => a.Artefact);
            var allowRules = allow.Where(a => !denyOnly || !a.Artefact).Select(a => a.Artefact && !denyOnly ? a.Rule with { To = null } : a.Rule).Distinct().ToList();
            if (deny.Count > 0) policies.Add(Policy(service, "deny", AccessAction.Deny, [.. deny.Distinct()]));
            if (allowRules.Count > 0) policies.Add(Policy(service, "allow", AccessAction.Allow, allowRules));
            if (deny.Count == 0 && allowRules.Count == 0 && sources.Count > 0 && allow.Count == 0)
            {
                ctx.NotImported(doc.Source, "$.spec.sources", "No source could be imported.");
            }
        }
        return policies;
    }

    /// <summary>
    /// An allow rule that requires a token: the <c>'*'</c> source's callers become the token's request principals; another
    /// source's keep their identity and the principals become a <c>request.auth.principal</c> condition. Claims are conditions.
    /// </summary>
    private static AccessRule? Tokened(AccessRule rule, IntentionJwt token, ServiceRef service, JwtProviderMapping.Imported jwt, string source, string path, ImportContext ctx)
    {
        if (JwtRequirements.ToModel(token, service, jwt, source, path, ctx) is not { } read) return null;
        if (rule.From is null)
        {
            return rule with { From = read.Principals is { } p ? new AccessSource { RequestPrincipals = p } : null, When = [.. rule.When, .. read.Claims] };
        }
        var when = new List<AccessCondition>(rule.When);
        if (read.Principals is { } principals) when.Add(new AccessCondition { Key = AccessConditionKey.Of(AccessAttribute.RequestPrincipal), Values = principals });
        when.AddRange(read.Claims);
        return rule with { When = [.. when] };
    }

    private static AccessPolicy Policy(ServiceRef service, string suffix, AccessAction action, List<AccessRule> rules) => new()
    {
        Name = $"{service.Name}-{suffix}",
        Namespace = service.Namespace,
        Target = new PolicyTarget { Service = service },
        Action = action,
        Rules = [.. rules],
    };

    private static AccessSource? From(IntentionSource source, string ns, bool enterprise)
    {
        var name = source.Name ?? "*";
        if (name == "*")
        {
            return enterprise && source.Namespace is { Length: > 0 } n && n != "*" ? new AccessSource { Namespaces = [ns] } : null;
        }
        return new AccessSource { ServiceAccounts = [new ServiceAccountRef(ns, name)] };
    }

    private static (AccessOperation Operation, EquatableArray<AccessCondition> When)? Operation(IntentionHttpPermission? http, string source, string path, ImportContext ctx)
    {
        if (http is null) return (new AccessOperation(), default);
        var when = new List<AccessCondition>();
        for (var i = 0; i < (http.Header?.Count ?? 0); i++)
        {
            if (Condition(http.Header![i], source, $"{path}.header[{i}]", ctx) is not { } condition) return null;
            when.Add(condition);
        }
        string? pattern = null;
        if (http.PathExact is { } exact) pattern = exact;
        else if (http.PathPrefix is { } prefix) pattern = prefix == "/" ? "*" : prefix + "*";
        else if (http.PathRegex is { } regex)
        {
            if (regex.StartsWith(".*", StringComparison.Ordinal) && Unescaped(regex[2..]) is { } suffix) pattern = "*" + suffix;
            else
            {
                ctx.NotImported(source, path + ".pathRegex", $"The model's access paths are exact, prefix or suffix patterns; the regex '{regex}' is not: the permission is not imported.");
                return null;
            }
        }
        foreach (var method in http.Methods ?? [])
        {
            if (!MatchMapping.Methods.Contains(method)) ctx.Invalid(source, path + ".methods", $"Consul rejects the method '{method}': methods are the nine standard ones, upper-case.");
        }
        return (new AccessOperation
        {
            Paths = pattern is null or "*" ? default : [pattern],
            Methods = http.Methods is { Count: > 0 } m ? [.. m] : default,
        }, [.. when]);
    }

    /// <summary>
    /// A header criterion → a request-header condition (one per criterion: Consul ANDs them as the model ANDs conditions):
    /// <c>present</c> as <c>*</c>, <c>exact</c>, <c>prefix</c> and <c>suffix</c> as patterns, an RE2 alternation of such patterns
    /// as several values, <c>invert</c> as excluded values. Null (reported, the permission not imported) for what no pattern says.
    /// </summary>
    private static AccessCondition? Condition(IntentionHttpHeaderPermission? header, string source, string path, ImportContext ctx)
    {
        if (header?.Name is not { Length: > 0 } name)
        {
            ctx.Invalid(source, path + ".name", "A header criterion needs a name: the permission is not imported.");
            return null;
        }
        if (header.Contains is not null || header.IgnoreCase == true)
        {
            ctx.NotImported(source, path, "The model's header conditions are exact, prefix or suffix patterns, case-sensitive; 'contains' and 'ignoreCase' are not: the permission is not imported.");
            return null;
        }
        var set = (header.Present == true ? 1 : 0) + (header.Exact is null ? 0 : 1) + (header.Prefix is null ? 0 : 1) + (header.Suffix is null ? 0 : 1) + (header.Regex is null ? 0 : 1);
        if (set != 1)
        {
            ctx.Invalid(source, path, "A header criterion needs exactly one of present, exact, prefix, suffix, contains or regex: the permission is not imported.");
            return null;
        }
        List<string>? values = header switch
        {
            { Present: true } => ["*"],
            { Exact: { } exact } when !exact.Contains('*', StringComparison.Ordinal) => [exact],
            { Prefix: { } prefix } when !prefix.Contains('*', StringComparison.Ordinal) => [prefix + "*"],
            { Suffix: { } suffix } when !suffix.Contains('*', StringComparison.Ordinal) => ["*" + suffix],
            { Regex: { } regex } => Alternatives(regex),
            _ => null,
        };
        if (values is null)
        {
            ctx.NotImported(source, path, header.Regex is { } r
                ? $"The model's header conditions are exact, prefix or suffix patterns; the regex '{r}' is not an alternation of them: the permission is not imported."
                : "A '*' in a header value would read as a pattern in the model: the permission is not imported.");
            return null;
        }
        var key = AccessConditionKey.Header(name);
        return header.Invert == true ? new AccessCondition { Key = key, NotValues = [.. values] } : new AccessCondition { Key = key, Values = [.. values] };
    }

    /// <summary>The patterns of an RE2 alternation the export writes (<see cref="IntentionPermissions.Alternative"/>), or null.</summary>
    private static List<string>? Alternatives(string regex)
    {
        var values = new List<string>();
        foreach (var part in regex.Split('|'))
        {
            string? pattern = null;
            if (part.EndsWith(".*", StringComparison.Ordinal) && !part.StartsWith(".*", StringComparison.Ordinal) && Unescaped(part[..^2]) is { } prefix) pattern = prefix + "*";
            else if (part.StartsWith(".*", StringComparison.Ordinal) && Unescaped(part[2..]) is { } suffix) pattern = "*" + suffix;
            else if (Unescaped(part) is { } exact) pattern = exact;
            if (pattern is null || pattern.Length == 0 || IntentionPermissions.Alternative(pattern) != part || pattern.AsSpan(1, Math.Max(0, pattern.Length - 2)).Contains('*')) return null;
            values.Add(pattern);
        }
        return values;
    }

    private static string? Unescaped(string body)
    {
        string text;
        try { text = System.Text.RegularExpressions.Regex.Unescape(body); }
        catch (ArgumentException) { return null; }
        return Re2.Escape(text) == body ? text : null;
    }
}
