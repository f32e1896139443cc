using Mesh.Providers.Istio.Resources;
using Mesh.Providers.Istio.Translation;

namespace Mesh.Providers.Istio.Mapping;

/// <summary>CORS ↔ <c>corsPolicy</c>: exact origins as <c>exact</c> matches, <c>*</c> as the any-value regex; max age as a duration.</summary>
internal static class CorsMapping
{
    public static Resources.CorsPolicy ToIstio(Model.CorsPolicy cors) => new()
    {
        AllowOrigins = Lists.OrNull(cors.AllowOrigins, origin => origin == "*" ? new StringMatch { Regex = MatchMapping.AnyValue } : new StringMatch { Exact = origin }),
        AllowMethods = Lists.OrNull(cors.AllowMethods),
        AllowHeaders = Lists.OrNull(cors.AllowHeaders),
        ExposeHeaders = Lists.OrNull(cors.ExposeHeaders),
        MaxAge = cors.MaxAge is { } age ? DurationMapping.ToIstio(age) : null,
        AllowCredentials = cors.AllowCredentials,
    };

    public static Model.CorsPolicy ToModel(Resources.CorsPolicy cors, string source, string path, IstioImportContext ctx)
    {
        var origins = new List<string>();
        for (var i = 0; i < (cors.AllowOrigins?.Count ?? 0); i++)
        {
            switch (cors.AllowOrigins![i])
            {
                case { Exact: { } exact }:
                    origins.Add(exact);
                    break;
                case { Regex: MatchMapping.AnyValue }:
                    origins.Add("*");
                    break;
                default:
                    ctx.NotImported(source, $"{path}.allowOrigins[{i}]", "The model lists exact origins or '*'; a prefix or regex origin was not imported.");
                    break;
            }
        }
        return new Model.CorsPolicy
        {
            AllowOrigins = [.. origins],
            AllowMethods = [.. (cors.AllowMethods ?? []).Where(m => m is not null)],
            AllowHeaders = [.. (cors.AllowHeaders ?? []).Where(h => h is not null)],
            ExposeHeaders = [.. (cors.ExposeHeaders ?? []).Where(h => h is not null)],
            MaxAge = DurationMapping.ToModel(cors.MaxAge, source, $"{path}.maxAge", ctx),
            AllowCredentials = cors.AllowCredentials,
        };
    }
}
