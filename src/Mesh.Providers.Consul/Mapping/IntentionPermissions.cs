using Mesh.Model;
using Mesh.Providers.Consul.Resources;
using Mesh.Providers.Consul.Translation;

namespace Mesh.Providers.Consul.Mapping;

/// <summary>
/// A rule's operation → L7 permissions (one per path, each with the methods): exact paths as <c>pathExact</c>, <c>/a/*</c> as
/// <c>pathPrefix: /a/</c>, <c>*.js</c> as <c>pathRegex: .*\.js</c>, <c>*</c> as no path criterion. Ports are not expressible
/// (intentions are per service): they are dropped and reported.
/// </summary>
internal static class IntentionPermissions
{
    /// <summary>The HTTP criteria of <paramref name="to"/>, or null for "any request" (an L4 intention).</summary>
    public static List<IntentionHttpPermission>? Of(AccessOperation? to, string path, ConsulExportContext ctx)
    {
        if (to is null) return null;
        if (to.Ports.Count > 0) ctx.ApproximatedOnce($"{path}.to.ports", "Consul intentions apply to a whole service, not to ports: the rule is written for every port.");
        if (to.Methods.Count == 0 && to.Paths.Count == 0) return null;
        List<string>? methods = to.Methods.Count == 0 ? null : [.. to.Methods];
        if (to.Paths.Count == 0) return [new IntentionHttpPermission { Methods = methods }];
        return [.. to.Paths.Select(p => Path(p, methods))];
    }

    private static IntentionHttpPermission Path(string pattern, List<string>? methods)
    {
        var permission = new IntentionHttpPermission { Methods = methods };
        if (pattern == "*") return permission;
        if (pattern.EndsWith('*')) permission.PathPrefix = pattern[..^1];
        else if (pattern.StartsWith('*')) permission.PathRegex = ".*" + Re2.Escape(pattern[1..]);
        else permission.PathExact = pattern;
        return permission;
    }
}
