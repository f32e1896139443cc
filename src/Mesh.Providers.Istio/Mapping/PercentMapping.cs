using Mesh.Providers.Istio.Resources;
using Mesh.Providers.Istio.Translation;

namespace Mesh.Providers.Istio.Mapping;

/// <summary>Percentages (0–100) ↔ Istio's <c>Percent</c> messages, as fault and mirror shares; absent reads as 100.</summary>
internal static class PercentMapping
{
    public static Percent ToIstio(decimal value) => new() { Value = (double)value };

    public static decimal ToModel(Percent? percent, string source, string path, IstioImportContext ctx)
    {
        if (percent?.Value is not { } value) return 100m;
        if (value is < 0 or > 100 || double.IsNaN(value))
        {
            ctx.Invalid(source, $"{path}.value", "A percentage is between 0 and 100.");
            return 100m;
        }
        return (decimal)value;
    }
}
