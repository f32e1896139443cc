using Mesh.Kubernetes;
using Mesh.Providers.GatewayApi.Resources;
using Mesh.Providers.GatewayApi.Translation;
using HttpRouteRule = Mesh.Model.HttpRouteRule;

namespace Mesh.Providers.GatewayApi.Mapping;

/// <summary>
/// A model rewrite ↔ a <c>URLRewrite</c> filter: the authority as <c>hostname</c>, the path through
/// <see cref="PathModifierMapping"/> (a full path, or the matched prefix where Gateway API allows it; not both).
/// </summary>
internal static class RewriteMapping
{
    /// <summary>Model → Gateway API: the filter settings of <paramref name="rewrite"/> (at <paramref name="path"/>), or null when nothing is left to write.</summary>
    public static HttpUrlRewriteFilter? ToGatewayApi(Model.Rewrite rewrite, HttpRouteRule rule, string path, RouteExportContext ctx)
    {
        var result = new HttpUrlRewriteFilter { Hostname = rewrite.Authority };
        if (rewrite.FullPath is { } full)
        {
            result.Path = PathModifierMapping.FullPath(full);
            if (rewrite.PathPrefix is not null) ctx.Unsupported($"{path}.pathPrefix", "A rewrite replaces the full path or the prefix, not both; the prefix rewrite is not written.");
        }
        else if (rewrite.PathPrefix is { } prefix)
        {
            result.Path = PathModifierMapping.PrefixToGatewayApi(rule, prefix, "rewrite", path, ctx);
        }
        return result.Hostname is null && result.Path is null ? null : result;
    }

    /// <summary>Gateway API → model: the rewrite of filter settings at <paramref name="path"/>, or null when it changes nothing or its path modifier is invalid (reported).</summary>
    public static Model.Rewrite? ToModel(HttpUrlRewriteFilter w, string source, string path, ImportContext ctx)
    {
        if (!PathModifierMapping.ToModel(w.Path, source, $"{path}.path", ctx, out var full, out var prefix)) return null;
        var result = new Model.Rewrite { Authority = w.Hostname, FullPath = full, PathPrefix = prefix };
        return result is { Authority: null, FullPath: null, PathPrefix: null } ? null : result;
    }
}
