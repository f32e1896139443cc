using Mesh.Collections;
using Mesh.Model;
using Mesh.Providers.Consul.Resources;
using Mesh.Providers.Consul.Translation;

namespace Mesh.Providers.Consul.Mapping;

/// <summary>
/// A rule's operation and header conditions → L7 permissions (one per path, each with the methods and the header criteria):
/// exact paths as <c>pathExact</c>, <c>/a/*</c> as <c>pathPrefix: /a/</c>, <c>*.js</c> as <c>pathRegex: .*\.js</c>, <c>*</c> as no
/// path criterion. A header condition is one <c>header</c> criterion for its values (a pattern as <c>exact</c>, <c>prefix</c> or
/// <c>suffix</c>, <c>*</c> as <c>present</c>, several values as one RE2 alternation) and one inverted criterion for its
/// excluded values; Consul ANDs a permission's criteria, as the model ANDs a rule's conditions. Ports are not expressible
/// (intentions are per service): they are dropped and reported.
/// </summary>
internal static class IntentionPermissions
{
    /// <summary>The HTTP criteria of <paramref name="to"/> and <paramref name="when"/>, or null for "any request" (an L4 intention).</summary>
    public static List<IntentionHttpPermission>? Of(AccessOperation? to, EquatableArray<AccessCondition> when, string path, ConsulExportContext ctx)
    {
        var headers = Headers(when);
        if (to is not null && to.Ports.Count > 0) ctx.ApproximatedOnce($"{path}.to.ports", "Consul intentions apply to a whole service, not to ports: the rule is written for every port.");
        if (to is null || (to.Methods.Count == 0 && to.Paths.Count == 0)) return headers is null ? null : [new IntentionHttpPermission { Header = headers }];
        List<string>? methods = to.Methods.Count == 0 ? null : [.. to.Methods];
        if (to.Paths.Count == 0) return [new IntentionHttpPermission { Methods = methods, Header = headers }];
        return [.. to.Paths.Select(p => Path(p, methods, headers))];
    }

    private static IntentionHttpPermission Path(string pattern, List<string>? methods, List<IntentionHttpHeaderPermission>? headers)
    {
        var permission = new IntentionHttpPermission { Methods = methods, Header = headers is null ? null : [.. headers] };
        if (pattern == "*") return permission;
        if (pattern.EndsWith('*')) permission.PathPrefix = pattern[..^1];
        else if (pattern.StartsWith('*')) permission.PathRegex = ".*" + Re2.Escape(pattern[1..]);
        else permission.PathExact = pattern;
        return permission;
    }

    /// <summary>The header criteria of the rule's request-header conditions (the export's fit has left no other condition), or null.</summary>
    private static List<IntentionHttpHeaderPermission>? Headers(EquatableArray<AccessCondition> when)
    {
        List<IntentionHttpHeaderPermission>? headers = null;
        foreach (var condition in when)
        {
            if (condition.Key is not { Attribute: AccessAttribute.RequestHeader, Names: [var name] }) continue;
            if (!condition.Values.IsEmpty) (headers ??= []).Add(Criterion(name, condition.Values, invert: false));
            if (!condition.NotValues.IsEmpty) (headers ??= []).Add(Criterion(name, condition.NotValues, invert: true));
        }
        return headers;
    }

    private static IntentionHttpHeaderPermission Criterion(string name, EquatableArray<string> patterns, bool invert)
    {
        var criterion = new IntentionHttpHeaderPermission { Name = name, Invert = invert ? true : null };
        if (patterns.AsSpan().Contains("*")) criterion.Present = true;
        else if (patterns.Count > 1) criterion.Regex = string.Join('|', patterns.Select(Alternative));
        else if (patterns[0].EndsWith('*')) criterion.Prefix = patterns[0][..^1];
        else if (patterns[0].StartsWith('*')) criterion.Suffix = patterns[0][1..];
        else criterion.Exact = patterns[0];
        return criterion;
    }

    /// <summary>A pattern as an RE2 alternative matched against the whole value (Envoy's safe_regex is a full match).</summary>
    public static string Alternative(string pattern) =>
        pattern.EndsWith('*') ? Re2.Escape(pattern[..^1]) + ".*"
        : pattern.StartsWith('*') ? ".*" + Re2.Escape(pattern[1..])
        : Re2.Escape(pattern);
}
