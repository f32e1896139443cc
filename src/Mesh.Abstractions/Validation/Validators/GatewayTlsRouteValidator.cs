using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Validation.Rules;

namespace Mesh.Validation.Validators;

/// <summary>
/// Validates a <see cref="GatewayTlsRoute"/> on its own: names, at least one gateway, at least one server name (exact or
/// a <c>*.</c> wildcard: a TLS route selects connections by SNI) and its backends. That the gateways and TLS listeners
/// exist and serve its names needs the whole model and is checked by <see cref="MeshConfigValidator"/>.
/// </summary>
internal sealed class GatewayTlsRouteValidator : ModelValidator<GatewayTlsRoute>
{
    public static readonly GatewayTlsRouteValidator Instance = new();

    private GatewayTlsRouteValidator() => Each(x => x.Backends, WeightedBackendValidator.Instance);

    protected override void Check(GatewayTlsRoute item, Reporter report)
    {
        report.DnsLabel(nameof(GatewayTlsRoute.Name), item.Name, "The gateway TLS route name");
        report.DnsLabel(nameof(GatewayTlsRoute.Namespace), item.Namespace, "The gateway TLS route namespace");
        report.NoNullItems(nameof(GatewayTlsRoute.Gateways), item.Gateways, "A gateway reference");
        if (item.Gateways.IsEmpty) report.Error(nameof(GatewayTlsRoute.Gateways), DiagnosticCodes.InvalidGatewayRoute, "A gateway TLS route needs at least one gateway to attach to.");
        if (item.Hostnames.IsEmpty) report.Error(nameof(GatewayTlsRoute.Hostnames), DiagnosticCodes.InvalidGatewayRoute, "A gateway TLS route needs at least one server name (SNI) to route.");
        for (var i = 0; i < item.Hostnames.Count; i++)
        {
            if (!Syntax.IsHostName(item.Hostnames[i]))
            {
                report.Error($"{nameof(GatewayTlsRoute.Hostnames)}[{i}]", DiagnosticCodes.InvalidHost, $"'{item.Hostnames[i]}' is not a server name (an exact name, or '*.' as the first label).");
            }
        }
        report.NoNullItems(nameof(GatewayTlsRoute.Backends), item.Backends, "A backend");
        BackendRules.RequireEffective(report, nameof(GatewayTlsRoute.Backends), item.Backends, "A gateway TLS route needs at least one backend.");
    }
}
