using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Validation.Rules;

namespace Mesh.Validation.Validators;

/// <summary>
/// Validates a <see cref="GatewayRoute"/> on its own: names, at least one gateway, host names and rules (with the rule
/// checks of mesh routes). That the gateways and listeners exist and serve its hosts needs the whole model and is checked
/// by <see cref="MeshConfigValidator"/>.
/// </summary>
internal sealed class GatewayRouteValidator : ModelValidator<GatewayRoute>
{
    public static readonly GatewayRouteValidator Instance = new();

    private GatewayRouteValidator() => Each(x => x.Rules, HttpRouteRuleValidator.Instance);

    protected override void Check(GatewayRoute item, Reporter report)
    {
        report.DnsLabel(nameof(GatewayRoute.Name), item.Name, "The gateway route name");
        report.DnsLabel(nameof(GatewayRoute.Namespace), item.Namespace, "The gateway route namespace");
        report.NoNullItems(nameof(GatewayRoute.Gateways), item.Gateways, "A gateway reference");
        report.NoNullItems(nameof(GatewayRoute.Rules), item.Rules, "A rule");
        if (item.Gateways.IsEmpty) report.Error(nameof(GatewayRoute.Gateways), DiagnosticCodes.InvalidGatewayRoute, "A gateway route needs at least one gateway to attach to.");
        for (var i = 0; i < item.Hostnames.Count; i++)
        {
            if (item.Hostnames[i] != "*" && !Syntax.IsHostName(item.Hostnames[i]))
            {
                report.Error($"{nameof(GatewayRoute.Hostnames)}[{i}]", DiagnosticCodes.InvalidHost, $"'{item.Hostnames[i]}' is not a host name ('*' alone, or '*.' as the first label, are the wildcards).");
            }
        }
        for (var i = 0; i < item.Rules.Count; i++)
        {
            if (item.Rules[i] is not { } rule) continue;
            for (var j = 0; j < rule.Matches.Count; j++)
            {
                if (rule.Matches[j] is { } match && (match.SourceNamespace is not null || !match.SourceLabels.IsEmpty))
                {
                    report.Error($"Rules[{i}].Matches[{j}]", DiagnosticCodes.InvalidMatch, "A gateway route's caller is the gateway itself: source labels and namespaces match mesh callers only.");
                }
            }
        }
        HttpRouteValidator.Unreachable(item.Rules, report);
    }
}
