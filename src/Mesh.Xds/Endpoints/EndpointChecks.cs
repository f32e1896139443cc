using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Xds.Planning;

namespace Mesh.Xds;

/// <summary>
/// Checks an <see cref="EndpointSnapshot"/> against a plan before it is encoded, whether it was read from YAML or
/// built in code: endpoints of a service or port the model does not have, and lists given twice, are warnings (and
/// ignored or merged); ports, addresses, weights and health values Envoy would reject are errors. Against the plan
/// of a model that failed validation (<see cref="XdsPlan.IsPlanned"/> false) only the values are checked: which
/// services the model has is not known then.
/// </summary>
internal static class EndpointChecks
{
    /// <param name="plan">The plan the endpoints are encoded for.</param>
    /// <param name="endpoints">The endpoints.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="only">Check only this service's entries (for an incremental update), or null for all.</param>
    public static void Check(XdsPlan plan, EndpointSnapshot endpoints, List<Diagnostic> diagnostics, ServiceRef? only = null)
    {
        var seen = new HashSet<(ServiceRef, int)>();
        for (var i = 0; i < endpoints.Services.Count; i++)
        {
            var entry = endpoints.Services[i];
            if (only is { } service && entry.Service != service) continue;
            var location = endpoints.Locations is { } locations && i < locations.Count ? locations[i] : null;
            int[]? clusters = null;
            // A service the proxy's outbound policy hides has no clusters: its endpoints are not for this proxy.
            if (plan.Hidden.Contains(entry.Service)) continue;
            if (plan.IsPlanned && !plan.ClustersByService.TryGetValue(entry.Service, out clusters))
            {
                diagnostics.Add(Diagnostic.Warning(XdsDiagnosticCodes.UnknownService, $"$.endpoints[{i}].service", $"{entry.Service} is not a service of the model; its endpoints are ignored.") with { Location = location, Provider = XdsEncoder.ProviderName });
                continue;
            }
            if (entry.Port is < 1 or > 65535)
            {
                diagnostics.Add(Diagnostic.Error(XdsDiagnosticCodes.PortOutOfRange, $"$.endpoints[{i}].port", $"Port {entry.Port} is outside 1-65535.") with { Location = location, Provider = XdsEncoder.ProviderName });
                continue;
            }
            if (clusters is not null && !clusters.Any(c => plan.Clusters[c].Port == entry.Port))
            {
                diagnostics.Add(Diagnostic.Warning(XdsDiagnosticCodes.UnknownService, $"$.endpoints[{i}].port", $"{entry.Service} has no port {entry.Port}; these endpoints are ignored.") with { Location = location, Provider = XdsEncoder.ProviderName });
                continue;
            }
            if (!seen.Add((entry.Service, entry.Port)))
            {
                diagnostics.Add(Diagnostic.Warning(XdsDiagnosticCodes.DuplicateEndpoint, $"$.endpoints[{i}]", $"{entry.Service} port {entry.Port} is listed more than once; the address lists are merged.") with { Location = location, Provider = XdsEncoder.ProviderName });
            }
            for (var a = 0; a < entry.Addresses.Count; a++)
            {
                var address = entry.Addresses[a];
                var path = $"$.endpoints[{i}].addresses[{a}]";
                if (!System.Net.IPAddress.TryParse(address.Address, out _))
                {
                    diagnostics.Add(Diagnostic.Error(XdsDiagnosticCodes.InvalidAddress, path + ".address", $"'{address.Address}' is not an IP literal.") with { Location = location, Provider = XdsEncoder.ProviderName });
                }
                if (address.Port is < 1 or > 65535)
                {
                    diagnostics.Add(Diagnostic.Error(XdsDiagnosticCodes.PortOutOfRange, path + ".port", $"Port {address.Port} is outside 1-65535.") with { Location = location, Provider = XdsEncoder.ProviderName });
                }
                if (address.Weight < 1)
                {
                    diagnostics.Add(Diagnostic.Error(XdsDiagnosticCodes.InvalidValue, path + ".weight", $"Weight {address.Weight} is below 1.") with { Location = location, Provider = XdsEncoder.ProviderName });
                }
                if (!Enum.IsDefined(address.Health))
                {
                    diagnostics.Add(Diagnostic.Error(XdsDiagnosticCodes.InvalidValue, path + ".health", $"Health {(int)address.Health} is not a defined value.") with { Location = location, Provider = XdsEncoder.ProviderName });
                }
            }
        }
    }
}
