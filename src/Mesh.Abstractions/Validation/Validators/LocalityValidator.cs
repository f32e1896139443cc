using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Validation.Validators;

/// <summary>
/// Validates <see cref="LocalityLoadBalancing"/>: localities are <c>region/zone/subZone</c> (a <c>*</c> part ends it), each
/// distribution's weights are 0–100 and sum to 100, failover goes from one region to another, no caller locality or
/// region is listed twice, and distribution is not combined with failover (the meshes apply one or the other).
/// </summary>
internal static class LocalityValidator
{
    private const string Property = "Locality";

    public static void Check(LocalityLoadBalancing item, Reporter report)
    {
        var distributeFrom = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < item.Distribute.Count; i++)
        {
            var entry = item.Distribute[i];
            var path = $"{Property}.Distribute[{i}]";
            if (entry is null)
            {
                report.Required(path, null, "A distribution entry");
                continue;
            }
            Locality(report, path + ".From", entry.From);
            if (entry.From is not null && !distributeFrom.Add(entry.From))
            {
                report.Error(path + ".From", DiagnosticCodes.InvalidLoadBalancing, $"Callers in '{entry.From}' are distributed twice; merge the entries.");
            }
            if (entry.To.Count == 0)
            {
                report.Error(path + ".To", DiagnosticCodes.InvalidLoadBalancing, "A distribution needs at least one destination locality.");
                continue;
            }
            long sum = 0;
            foreach (var (to, weight) in entry.To)
            {
                Locality(report, $"{path}.{WirePath.Key("To", to)}", to);
                if (weight is < 0 or > 100)
                {
                    report.Error($"{path}.{WirePath.Key("To", to)}", DiagnosticCodes.InvalidLoadBalancing, $"A distribution weight is a percentage 0-100, not {weight}.");
                }
                sum += weight;
            }
            if (sum != 100)
            {
                report.Error(path + ".To", DiagnosticCodes.InvalidLoadBalancing, $"The weights of a distribution sum to 100, not {sum}.");
            }
        }

        var failoverFrom = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < item.Failover.Count; i++)
        {
            var entry = item.Failover[i];
            var path = $"{Property}.Failover[{i}]";
            if (entry is null)
            {
                report.Required(path, null, "A failover entry");
                continue;
            }
            Region(report, path + ".From", entry.From);
            Region(report, path + ".To", entry.To);
            if (entry.From is not null && string.Equals(entry.From, entry.To, StringComparison.Ordinal))
            {
                report.Error(path + ".To", DiagnosticCodes.InvalidLoadBalancing, $"Failover from '{entry.From}' goes to the same region.");
            }
            if (entry.From is not null && !failoverFrom.Add(entry.From))
            {
                report.Error(path + ".From", DiagnosticCodes.InvalidLoadBalancing, $"Region '{entry.From}' fails over twice; a region has one failover region.");
            }
        }

        for (var i = 0; i < item.FailoverPriority.Count; i++)
        {
            var label = item.FailoverPriority[i];
            if (string.IsNullOrEmpty(label) || label.Any(char.IsWhiteSpace))
            {
                report.Error($"{Property}.FailoverPriority[{i}]", DiagnosticCodes.InvalidLoadBalancing, "A failover priority is a label key (optionally key=value) without spaces.");
            }
        }

        if (item.Distribute.Count > 0 && (item.Failover.Count > 0 || item.FailoverPriority.Count > 0))
        {
            report.Error(Property + ".Distribute", DiagnosticCodes.InvalidLoadBalancing, "Distribution and failover cannot be combined: set distribute, or failover and failoverPriority.");
        }
        if (item.Enabled == false && (item.Distribute.Count > 0 || item.Failover.Count > 0 || item.FailoverPriority.Count > 0))
        {
            report.Error(Property + ".Enabled", DiagnosticCodes.InvalidLoadBalancing, "Locality-aware balancing is turned off, so its distribution and failover settings would be ignored.");
        }
    }

    private static void Locality(Reporter report, string property, string? value)
    {
        if (!LocalityLoadBalancing.IsLocality(value))
        {
            report.Error(property, DiagnosticCodes.InvalidLoadBalancing, $"'{value}' is not a locality: write region, region/zone or region/zone/subZone, with * for any (us-west/zone1/*).");
        }
    }

    private static void Region(Reporter report, string property, string? value)
    {
        if (!LocalityLoadBalancing.IsRegion(value))
        {
            report.Error(property, DiagnosticCodes.InvalidLoadBalancing, $"'{value}' is not a region name (failover is from one region to another; no '/' or '*').");
        }
    }
}
