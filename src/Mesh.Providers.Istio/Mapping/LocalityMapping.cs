using Mesh.Collections;
using Mesh.Model;
using Mesh.Providers.Istio.Resources;
using Mesh.Providers.Istio.Translation;

namespace Mesh.Providers.Istio.Mapping;

/// <summary>
/// Locality-aware balancing ↔ <c>localityLbSetting</c>: <c>enabled</c>, <c>distribute</c> (caller locality → weights),
/// <c>failover</c> (region → region) and <c>failoverPriority</c>, one to one. Entries Istio would reject (weights that do
/// not sum to 100, failover to the same region, a malformed locality) are reported and left out on import.
/// </summary>
internal static class LocalityMapping
{
    public static LocalityLbSetting ToIstio(LocalityLoadBalancing locality) => new()
    {
        Enabled = locality.Enabled,
        Distribute = locality.Distribute.IsEmpty
            ? null
            : [.. locality.Distribute.Select(d => new LocalityDistribute { From = d.From, To = d.To.ToDictionary(e => e.Key, e => (uint)e.Value, StringComparer.Ordinal) })],
        Failover = locality.Failover.IsEmpty ? null : [.. locality.Failover.Select(f => new LocalityFailoverSetting { From = f.From, To = f.To })],
        FailoverPriority = locality.FailoverPriority.IsEmpty ? null : [.. locality.FailoverPriority],
    };

    public static LocalityLoadBalancing? ToModel(LocalityLbSetting setting, string source, string path, IstioImportContext ctx)
    {
        var distribute = new List<LocalityDistribution>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (setting.Distribute?.Count ?? 0); i++)
        {
            var entry = setting.Distribute![i];
            var at = $"{path}.distribute[{i}]";
            if (entry is null) continue;
            if (!LocalityLoadBalancing.IsLocality(entry.From) || !seen.Add(entry.From!))
            {
                ctx.Invalid(source, $"{at}.from", $"'{entry.From}' is not a locality (region/zone/subZone, * for any) or is distributed twice; the entry was not imported.");
                continue;
            }
            var to = entry.To ?? [];
            if (to.Count == 0 || to.Keys.Any(k => !LocalityLoadBalancing.IsLocality(k)) || to.Values.Any(v => v > 100) || to.Values.Sum(v => (long)v) != 100)
            {
                ctx.Invalid(source, $"{at}.to", "A distribution's destinations are localities whose weights sum to 100; the entry was not imported.");
                continue;
            }
            distribute.Add(new LocalityDistribution { From = entry.From!, To = [.. to.Select(e => new KeyValuePair<string, int>(e.Key, (int)e.Value))] });
        }

        var failover = new List<LocalityFailover>();
        seen.Clear();
        for (var i = 0; i < (setting.Failover?.Count ?? 0); i++)
        {
            var entry = setting.Failover![i];
            var at = $"{path}.failover[{i}]";
            if (entry is null) continue;
            if (!LocalityLoadBalancing.IsRegion(entry.From) || !LocalityLoadBalancing.IsRegion(entry.To) || entry.From == entry.To || !seen.Add(entry.From!))
            {
                ctx.Invalid(source, at, $"Failover goes from one region to another, once per region ('{entry.From}' → '{entry.To}'); the entry was not imported.");
                continue;
            }
            failover.Add(new LocalityFailover { From = entry.From!, To = entry.To! });
        }

        var priority = new List<string>();
        for (var i = 0; i < (setting.FailoverPriority?.Count ?? 0); i++)
        {
            var label = setting.FailoverPriority![i];
            if (string.IsNullOrEmpty(label) || label.Any(char.IsWhiteSpace))
            {
                ctx.Invalid(source, $"{path}.failoverPriority[{i}]", "A failover priority is a label key without spaces; it was not imported.");
                continue;
            }
            priority.Add(label);
        }

        if (distribute.Count > 0 && (failover.Count > 0 || priority.Count > 0))
        {
            ctx.Invalid(source, $"{path}.distribute", "Istio takes distribute or failover, not both; failover was imported.");
            distribute.Clear();
        }
        var enabled = setting.Enabled;
        if (enabled == false && (distribute.Count > 0 || failover.Count > 0 || priority.Count > 0))
        {
            ctx.NotImported(source, $"{path}.enabled", "Locality load balancing is turned off, so its distribution and failover settings have no effect; they were not imported.");
            return new LocalityLoadBalancing { Enabled = false };
        }
        var result = new LocalityLoadBalancing { Enabled = enabled, Distribute = [.. distribute], Failover = [.. failover], FailoverPriority = [.. priority] };
        return result == new LocalityLoadBalancing() ? null : result;
    }
}
