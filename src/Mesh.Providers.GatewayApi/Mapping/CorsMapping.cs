using Mesh.Kubernetes;
using Mesh.Providers.GatewayApi.Resources;
using Mesh.Providers.GatewayApi.Translation;

namespace Mesh.Providers.GatewayApi.Mapping;

/// <summary>
/// A model CORS policy ↔ a <c>CORS</c> filter (standard since Gateway API v1.6): <c>maxAge</c> in whole seconds (at least
/// 1), and <c>*</c> written alone, since Gateway API rejects it beside other origins.
/// </summary>
internal static class CorsMapping
{
    /// <summary>Model → Gateway API: the filter settings of <paramref name="cors"/> (at <paramref name="path"/>).</summary>
    public static HttpCorsFilter? ToGatewayApi(Model.CorsPolicy cors, string path, RouteExportContext ctx)
    {
        int? maxAge = null;
        if (cors.MaxAge is { } age)
        {
            var seconds = (long)Math.Ceiling(age.TotalSeconds);
            if (age.Ticks % TimeSpan.TicksPerSecond != 0 || seconds < 1)
            {
                ctx.Approximated($"{path}.maxAge", "Gateway API takes maxAge in whole seconds (at least 1); it is rounded up.");
            }
            maxAge = (int)Math.Clamp(seconds, 1, int.MaxValue);
        }
        var origins = cors.AllowOrigins;
        if (origins.Count > 1 && origins.AsSpan().Contains("*"))
        {
            ctx.Note($"{path}.allowOrigins", "'*' allows every origin, and Gateway API rejects it beside other origins: only '*' is written.");
            origins = ["*"];
        }
        return new HttpCorsFilter
        {
            AllowOrigins = Lists.OrNull(origins),
            AllowMethods = Lists.OrNull(cors.AllowMethods),
            AllowHeaders = Lists.OrNull(cors.AllowHeaders),
            ExposeHeaders = Lists.OrNull(cors.ExposeHeaders),
            MaxAge = maxAge,
            AllowCredentials = cors.AllowCredentials,
        };
    }

    /// <summary>Gateway API → model: the CORS policy of filter settings at <paramref name="path"/>.</summary>
    public static Model.CorsPolicy ToModel(HttpCorsFilter c, string source, string path, ImportContext ctx)
    {
        if (c.MaxAge is < 1) ctx.Invalid(source, $"{path}.maxAge", "maxAge is a whole number of seconds, at least 1.");
        return new()
        {
            AllowOrigins = [.. (c.AllowOrigins ?? []).Where(o => o is not null)],
            AllowMethods = [.. (c.AllowMethods ?? []).Where(o => o is not null)],
            AllowHeaders = [.. (c.AllowHeaders ?? []).Where(o => o is not null)],
            ExposeHeaders = [.. (c.ExposeHeaders ?? []).Where(o => o is not null)],
            MaxAge = c.MaxAge is { } age and > 0 ? TimeSpan.FromSeconds(age) : null,
            AllowCredentials = c.AllowCredentials,
        };
    }
}
