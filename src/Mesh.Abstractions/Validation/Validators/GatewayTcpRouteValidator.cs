using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Validation.Validators;

/// <summary>
/// Validates a <see cref="GatewayTcpRoute"/> on its own: names, at least one gateway and its backends. That the gateways
/// and TCP listeners exist needs the whole model and is checked by <see cref="MeshConfigValidator"/>.
/// </summary>
internal sealed class GatewayTcpRouteValidator : ModelValidator<GatewayTcpRoute>
{
    public static readonly GatewayTcpRouteValidator Instance = new();

    private GatewayTcpRouteValidator() => Each(x => x.Backends, WeightedBackendValidator.Instance);

    protected override void Check(GatewayTcpRoute item, Reporter report)
    {
        report.DnsLabel(nameof(GatewayTcpRoute.Name), item.Name, "The gateway TCP route name");
        report.DnsLabel(nameof(GatewayTcpRoute.Namespace), item.Namespace, "The gateway TCP route namespace");
        report.NoNullItems(nameof(GatewayTcpRoute.Gateways), item.Gateways, "A gateway reference");
        if (item.Gateways.IsEmpty) report.Error(nameof(GatewayTcpRoute.Gateways), DiagnosticCodes.InvalidGatewayRoute, "A gateway TCP route needs at least one gateway to attach to.");
        report.NoNullItems(nameof(GatewayTcpRoute.Backends), item.Backends, "A backend");
        BackendRules.RequireEffective(report, nameof(GatewayTcpRoute.Backends), item.Backends, "A gateway TCP route needs at least one backend.");
    }
}
