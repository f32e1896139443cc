using Mesh.Model;

namespace Mesh.Validation.Validators;

/// <summary>Validates a <see cref="TcpRoute"/>: names, the host and port it routes, and its backends.</summary>
internal sealed class TcpRouteValidator : ModelValidator<TcpRoute>
{
    public static readonly TcpRouteValidator Instance = new();

    private TcpRouteValidator() => Each(x => x.Backends, WeightedBackendValidator.Instance);

    protected override void Check(TcpRoute item, Reporter report)
    {
        report.DnsLabel(nameof(TcpRoute.Name), item.Name, "The TCP route name");
        report.DnsLabel(nameof(TcpRoute.Namespace), item.Namespace, "The TCP route namespace");
        report.Port(nameof(TcpRoute.Port), item.Port, "The TCP route port");
        report.Reference("", item.Host, null, item.Port, "TCP route host", nameof(TcpRoute.Host));
        report.NoNullItems(nameof(TcpRoute.Backends), item.Backends, "A backend");
        BackendRules.RequireEffective(report, nameof(TcpRoute.Backends), item.Backends, "A TCP route needs at least one backend.");
    }
}
