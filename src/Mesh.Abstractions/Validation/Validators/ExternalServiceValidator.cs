using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Validation.Rules;

namespace Mesh.Validation.Validators;

/// <summary>Validates an <see cref="ExternalService"/>: names, at least one valid host, ports, addresses, endpoints and subsets.</summary>
internal sealed class ExternalServiceValidator : ModelValidator<ExternalService>
{
    public static readonly ExternalServiceValidator Instance = new();

    private ExternalServiceValidator() => Each(x => x.Ports, ServicePortValidator.Instance);

    protected override void Check(ExternalService item, Reporter report)
    {
        report.DnsLabel(nameof(ExternalService.Name), item.Name, "The external service name");
        report.DnsLabel(nameof(ExternalService.Namespace), item.Namespace, "The external service namespace");
        report.Enum(nameof(ExternalService.Resolution), item.Resolution);
        report.NoNullItems(nameof(ExternalService.Ports), item.Ports, "A port");
        if (item.Hosts.IsEmpty)
        {
            report.Error(nameof(ExternalService.Hosts), DiagnosticCodes.InvalidHost, "An external service needs at least one host.");
        }
        for (var i = 0; i < item.Hosts.Count; i++)
        {
            if (!Syntax.IsHostName(item.Hosts[i]))
            {
                report.Error($"Hosts[{i}]", DiagnosticCodes.InvalidHost, $"'{item.Hosts[i]}' is not a host name ('*.' is allowed only as the first label).");
            }
        }
        var ports = new HashSet<int>();
        for (var i = 0; i < item.Ports.Count; i++)
        {
            if (item.Ports[i] is { } port && !ports.Add(port.Port))
            {
                report.Error($"Ports[{i}].Port", DiagnosticCodes.DuplicateName, $"Port {port.Port} is declared more than once.");
            }
        }
        for (var i = 0; i < item.Addresses.Count; i++)
        {
            if (!Syntax.IsIpOrCidr(item.Addresses[i]))
            {
                report.Error($"Addresses[{i}]", DiagnosticCodes.InvalidAddress, $"'{item.Addresses[i]}' is not an IP address or CIDR block.");
            }
        }
        Endpoints(item, report);
        Subsets(item, report);
    }

    private static void Endpoints(ExternalService item, Reporter report)
    {
        report.NoNullItems(nameof(ExternalService.Endpoints), item.Endpoints, "An endpoint");
        if (!item.Endpoints.IsEmpty && item.Resolution == Resolution.None)
        {
            report.Error(nameof(ExternalService.Endpoints), DiagnosticCodes.ConflictingFields, "With resolution none the caller's destination address is used: endpoints need static or dns resolution.");
        }
        var names = new HashSet<string>(item.Ports.Where(p => p is not null).Select(p => p.EffectiveName), StringComparer.Ordinal);
        for (var i = 0; i < item.Endpoints.Count; i++)
        {
            if (item.Endpoints[i] is not { } endpoint) continue;
            var path = $"Endpoints[{i}]";
            var valid = item.Resolution == Resolution.Dns
                ? Syntax.IsIpAddress(endpoint.Address) || (Syntax.IsHostName(endpoint.Address) && !endpoint.Address.StartsWith('*'))
                : Syntax.IsIpAddress(endpoint.Address);
            if (!valid)
            {
                report.Error($"{path}.Address", DiagnosticCodes.InvalidAddress, item.Resolution == Resolution.Dns
                    ? $"'{endpoint.Address}' is not an IP address or host name."
                    : $"'{endpoint.Address}' is not an IP address (a static endpoint is one address; host names need dns resolution).");
            }
            foreach (var (name, number) in endpoint.Ports)
            {
                if (!names.Contains(name))
                {
                    report.Error($"{path}.Ports.{name}", DiagnosticCodes.DanglingPort, $"The endpoint names port '{name}', which the external service does not declare (its ports: {string.Join(", ", names.Order(StringComparer.Ordinal))}).");
                }
                report.Port($"{path}.Ports.{name}", number, "The endpoint port");
            }
            report.Labels($"{path}.Labels", endpoint.Labels, "An endpoint label");
            if (endpoint.ServiceAccount is not null) report.DnsLabel($"{path}.ServiceAccount", endpoint.ServiceAccount, "The endpoint's service account");
        }
    }

    private static void Subsets(ExternalService item, Reporter report)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < item.Subsets.Count; i++)
        {
            if (item.Subsets[i] is not { } subset) continue;
            report.DnsLabel($"Subsets[{i}].Name", subset.Name, "The subset name");
            if (subset.Name is not null && !seen.Add(subset.Name))
            {
                report.Error($"Subsets[{i}].Name", DiagnosticCodes.DuplicateName, $"Subset '{subset.Name}' is declared more than once.");
            }
            report.Labels($"Subsets[{i}].Labels", subset.Labels, "A subset label");
        }
    }
}
