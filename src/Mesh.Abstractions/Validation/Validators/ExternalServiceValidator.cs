using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Validation.Rules;

namespace Mesh.Validation.Validators;

/// <summary>Validates an <see cref="ExternalService"/>: names, at least one valid host, ports and addresses.</summary>
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
    }
}
