using System.Globalization;
using Mesh.Collections;
using Mesh.Model;
using Mesh.Providers.Istio.Resources;
using Mesh.Providers.Istio.Translation;

namespace Mesh.Providers.Istio.Mapping;

/// <summary>
/// Weighted backends ↔ route destinations (<c>http[].route</c>, <c>tcp[].route</c>): host as FQDN, subset, port; weights
/// scaled to integers adding up to 100 (<see cref="ToPercent"/>), a single destination written without a weight.
/// </summary>
internal static class BackendMapping
{
    internal readonly record struct Weighted(Resources.Destination Destination, int? Weight);

    public static List<Weighted> ToIstio(IReadOnlyList<WeightedBackend> backends, string path, IstioExportContext ctx, string? suffix = null)
    {
        var list = new List<Weighted>(backends.Count);
        if (backends.Count == 0) return list;
        if (backends.Count == 1)
        {
            list.Add(new Weighted(DestinationToIstio(backends[0].Service, backends[0].Subset, backends[0].Port, ctx), null));
            return list;
        }
        var weights = new int[backends.Count];
        for (var i = 0; i < weights.Length; i++) weights[i] = backends[i].Weight;
        var percent = ToPercent(weights, out var rounded);
        if (rounded)
        {
            var before = string.Join(":", backends.Select(b => b.Weight.ToString(CultureInfo.InvariantCulture)));
            var after = string.Join(":", percent.Select(w => w.ToString(CultureInfo.InvariantCulture)));
            ctx.Rounded(path + suffix, $"Istio weights add up to 100; {before} was rounded to {after} (largest remainder).");
        }
        for (var i = 0; i < backends.Count; i++)
        {
            list.Add(new Weighted(DestinationToIstio(backends[i].Service, backends[i].Subset, backends[i].Port, ctx), percent[i]));
        }
        return list;
    }

    /// <summary>A destination (also a mirror's): the service's FQDN, the subset and the port.</summary>
    public static Resources.Destination DestinationToIstio(ServiceRef service, string? subset, int? port, IstioExportContext ctx) => new()
    {
        Host = ctx.Fqdn(service),
        Subset = subset,
        Port = port is { } p ? new PortSelector { Number = p } : null,
    };

    /// <summary>
    /// Largest-remainder rounding: each weight gets the floor of its exact share, and the points left over go to
    /// the largest remainders (ties to the earlier entry). Returns whether rounding changed any ratio.
    /// </summary>
    public static int[] ToPercent(IReadOnlyList<int> weights, out bool rounded)
    {
        var result = new int[weights.Count];
        rounded = false;
        if (weights.Count == 0) return result;
        long sum = 0;
        foreach (var w in weights) sum += Math.Max(w, 0);
        if (sum == 0)
        {
            // Nothing to be proportional to: share equally.
            return ToPercent([.. weights.Select(_ => 1)], out rounded);
        }
        var remainders = new long[weights.Count];
        var given = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            var scaled = Math.Max(weights[i], 0) * 100L;
            result[i] = (int)(scaled / sum);
            remainders[i] = scaled % sum;
            given += result[i];
            if (remainders[i] != 0) rounded = true;
        }
        if (given == 100) return result;
        var order = Enumerable.Range(0, weights.Count).OrderByDescending(i => remainders[i]).ThenBy(i => i).ToArray();
        for (var k = 0; given < 100; k++, given++) result[order[k % order.Length]]++;
        return result;
    }

    public static EquatableArray<WeightedBackend> ToModel(List<(Resources.Destination? Destination, int? Weight)>? route, string ns, string source, string path, IstioImportContext ctx)
    {
        if (route is null) return default;
        var backends = new List<WeightedBackend>();
        var anyWeight = route.Any(r => r.Weight is not null);
        for (var i = 0; i < route.Count; i++)
        {
            var (destination, weight) = route[i];
            var at = $"{path}[{i}]";
            if (destination is null)
            {
                ctx.Invalid(source, $"{at}.destination", "A route entry needs a destination.");
                continue;
            }
            if (string.IsNullOrEmpty(destination.Host))
            {
                ctx.Invalid(source, $"{at}.destination.host", "A destination needs a host.");
                continue;
            }
            if (!HostMapping.TryResolve(destination.Host, ns, source, ctx, out var service))
            {
                ctx.NotImported(source, $"{at}.destination.host", $"'{destination.Host}' is neither a mesh service nor an external service's host (a wildcard or a cluster-local name that is no service); the destination was not imported.");
                continue;
            }
            if (weight is < 0)
            {
                ctx.Invalid(source, $"{at}.weight", "A weight cannot be negative.");
                continue;
            }
            if (route.Count == 1 && weight is not null)
            {
                ctx.NotImportedInfo(source, $"{at}.weight", "A single destination takes all traffic; its weight is written back left out.");
            }
            backends.Add(new WeightedBackend
            {
                Service = service,
                Subset = destination.Subset,
                Port = destination.Port?.Number,
                Weight = route.Count == 1 ? 1 : anyWeight ? weight ?? 0 : 1,
            });
        }
        if (backends.Count > 0 && backends.All(b => b.Weight == 0))
        {
            ctx.Invalid(source, path, "The weights of a rule cannot all be zero.");
        }
        return [.. backends];
    }
}
