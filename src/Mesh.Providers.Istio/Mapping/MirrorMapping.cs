using Mesh.Providers.Istio.Resources;
using Mesh.Providers.Istio.Translation;

namespace Mesh.Providers.Istio.Mapping;

/// <summary>
/// A rule's mirror ↔ <c>mirror</c> + <c>mirrorPercentage</c> (100% written as absent); read from <c>mirrors</c> too, of which
/// the model keeps one.
/// </summary>
internal static class MirrorMapping
{
    public static (Resources.Destination Mirror, Percent? Percentage) ToIstio(Model.Mirror mirror, IstioExportContext ctx) =>
        (BackendMapping.DestinationToIstio(mirror.Service, mirror.Subset, mirror.Port, ctx), mirror.Percentage == 100m ? null : PercentMapping.ToIstio(mirror.Percentage));

    /// <summary>The mirror of <paramref name="rule"/> (at <paramref name="path"/>): <c>mirror</c>, else the first usable <c>mirrors</c> entry.</summary>
    public static Model.Mirror? ToModel(Resources.HttpRoute rule, string ns, string source, string path, IstioImportContext ctx)
    {
        Model.Mirror? From(Resources.Destination? destination, Percent? percent, string at, string percentPath)
        {
            if (destination is null) return null;
            if (!HostMapping.TryResolve(destination.Host, ns, source, ctx, out var service))
            {
                ctx.NotImported(source, $"{at}.host", $"'{destination.Host}' is neither a mesh service nor an external service's host; the mirror was not imported.");
                return null;
            }
            if (percent?.Value == 100d) ctx.NotImportedInfo(source, percentPath, "100% is the default mirror share; it is written back left out.");
            return new Model.Mirror { Service = service, Subset = destination.Subset, Port = destination.Port?.Number, Percentage = PercentMapping.ToModel(percent, source, percentPath, ctx) };
        }
        var mirror = From(rule.Mirror, rule.MirrorPercentage, $"{path}.mirror", $"{path}.mirrorPercentage");
        if (rule.Mirrors is { } mirrors)
        {
            for (var i = 0; i < mirrors.Count; i++)
            {
                if (mirror is null && mirrors[i] is { } m)
                {
                    mirror = From(m.Destination, m.Percentage, $"{path}.mirrors[{i}].destination", $"{path}.mirrors[{i}].percentage");
                    if (mirror is not null) continue;
                }
                ctx.NotImported(source, $"{path}.mirrors[{i}]", "The model has one mirror per rule; this one was not imported.");
            }
        }
        return mirror;
    }
}
