using Mesh.Model;
using Mesh.Providers.Consul.Resources;
using Mesh.Providers.Consul.Translation;

namespace Mesh.Providers.Consul.Mapping;

/// <summary>
/// A rule's rewrite → <c>destination.prefixRewrite</c>, which Consul applies only with a <c>pathPrefix</c> or <c>pathExact</c>
/// match: a prefix rewrite of a route without a path match matches <c>pathPrefix: /</c> (every path); a full-path rewrite is
/// exact on an exact-path match (the whole path is the prefix replaced). No host rewrite, no regex rewrite.
/// </summary>
internal static class RewriteMapping
{
    public static void ToConsul(Rewrite rewrite, ServiceRouteHttpMatch match, ServiceRouteDestination destination, string path, ConsulExportContext ctx)
    {
        if (rewrite.Authority is not null) ctx.UnsupportedOnce($"{path}.rewrite.authority", "Consul routes cannot rewrite the host (authority) header.");
        if (rewrite.PathPrefix is { } prefix)
        {
            if (match.PathRegex is not null)
            {
                ctx.UnsupportedOnce($"{path}.rewrite.pathPrefix", "Consul's prefixRewrite needs a pathPrefix or pathExact match; the rule matches by regex: the rewrite is not written.");
                return;
            }
            if (match.PathExact is null && match.PathPrefix is null) match.PathPrefix = "/";
            destination.PrefixRewrite = prefix;
        }
        else if (rewrite.FullPath is { } full)
        {
            if (match.PathExact is null)
            {
                ctx.UnsupportedOnce($"{path}.rewrite.fullPath", "Consul rewrites only the matched prefix; a full-path rewrite is exact only on a pathExact match: the rewrite is not written.");
                return;
            }
            destination.PrefixRewrite = full;
        }
    }
}
