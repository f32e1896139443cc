using System.Globalization;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Resources;
using Mesh.Providers.GatewayApi.Translation;

namespace Mesh.Providers.GatewayApi.Mapping;

/// <summary>
/// A model mirror ↔ a <c>RequestMirror</c> filter: the target Service as <c>backendRef</c> (a subset's leaf Service when one
/// is written), with the port the CRDs require (see <see cref="BackendMapping.TryPort"/>), a whole percentage as
/// <c>percent</c>, any other as a <c>fraction</c> over 10000.
/// </summary>
internal static class MirrorMapping
{
    /// <summary>
    /// Model → Gateway API: the filter settings of the mirror of rule <paramref name="rulePath"/> in a route of namespace
    /// <paramref name="ns"/> written for <paramref name="parentPort"/>, or null (reported) when no port can be determined for it.
    /// </summary>
    public static HttpRequestMirrorFilter? ToGatewayApi(Model.Mirror mirror, string ns, RulePath rulePath, int? parentPort, RouteExportContext ctx)
    {
        var at = RefPath.Mirror(rulePath);
        var port = mirror.Port;
        if (port is null && !BackendMapping.TryPort(mirror.Service, parentPort, at, "mirror", ctx, out port)) return null;
        var service = BackendMapping.Target(mirror.Service, mirror.Subset, at, ctx, "Gateway API mirrors to a whole Service; subset '{0}' is not written.");
        var result = new HttpRequestMirrorFilter
        {
            BackendRef = new BackendObjectReference
            {
                Name = service.Name,
                Namespace = service.Namespace == ns ? null : service.Namespace,
                Port = port,
            },
        };
        if (mirror.Percentage != 100m)
        {
            if (decimal.IsInteger(mirror.Percentage)) result.Percent = (int)mirror.Percentage;
            else result.Fraction = MirrorFraction(mirror.Percentage, at.ToString(), ctx);
        }
        return result;
    }

    private static Fraction MirrorFraction(decimal percentage, string path, RouteExportContext ctx)
    {
        var scaled = percentage * 100m;
        if (!decimal.IsInteger(scaled))
        {
            ctx.Approximated($"{path}.percentage", $"The mirror share is written in hundredths of a percent; {percentage.ToString(CultureInfo.InvariantCulture)}% is rounded.");
        }
        return new Fraction { Numerator = (int)decimal.Round(scaled), Denominator = 10000 };
    }

    /// <summary>Gateway API → model: the mirror of filter settings at <paramref name="path"/> in a route of namespace <paramref name="ns"/>, or null (reported) when it names no Service or its share is invalid.</summary>
    public static Model.Mirror? ToModel(HttpRequestMirrorFilter m, string ns, string source, string path, ImportContext ctx)
    {
        if (m.BackendRef is not { } b || string.IsNullOrEmpty(b.Name))
        {
            ctx.Invalid(source, $"{path}.backendRef", "A mirror needs a backendRef with a name.");
            return null;
        }
        if (!BackendMapping.IsService(b.Group, b.Kind))
        {
            ctx.NotImported(source, $"{path}.backendRef", $"A {b.Kind} mirror target is not a Service; the mirror was not imported.");
            return null;
        }
        if (b.Port is < 1 or > 65535)
        {
            ctx.Invalid(source, $"{path}.backendRef.port", "A port is between 1 and 65535.");
            return null;
        }
        var percentage = 100m;
        if (m.Percent is { } percent)
        {
            if (percent is < 0 or > 100)
            {
                ctx.Invalid(source, $"{path}.percent", "A percentage is between 0 and 100.");
                return null;
            }
            percentage = percent;
            if (m.Fraction is not null) ctx.NotImported(source, $"{path}.fraction", "percent and fraction are exclusive; the fraction was not imported.");
        }
        else if (m.Fraction is { } fraction)
        {
            var denominator = fraction.Denominator ?? 100;
            if (fraction.Numerator is not { } numerator || numerator < 0 || denominator <= 0 || numerator > denominator)
            {
                ctx.Invalid(source, $"{path}.fraction", "A fraction needs 0 <= numerator <= denominator and a positive denominator.");
                return null;
            }
            percentage = decimal.Round(numerator * 100m / denominator, 4);
        }
        return new Model.Mirror { Service = new ServiceRef(b.Name, string.IsNullOrEmpty(b.Namespace) ? ns : b.Namespace), Port = b.Port, Percentage = percentage };
    }
}
