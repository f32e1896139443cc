using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Validation.Validators;

/// <summary>
/// Validates a <see cref="RequestAuthentication"/>: names, one of target and gateway, and each JWT rule — an issuer (once per
/// policy) and each rule's own checks (<see cref="JwtRuleValidator"/>). Whether the gateway exists is checked with the whole
/// model (<see cref="MeshConfigValidator"/>).
/// </summary>
internal sealed class RequestAuthenticationValidator : ModelValidator<RequestAuthentication>
{
    public static readonly RequestAuthenticationValidator Instance = new();

    private RequestAuthenticationValidator() => Each(x => x.JwtRules, JwtRuleValidator.Instance);

    protected override void Check(RequestAuthentication item, Reporter report)
    {
        report.DnsLabel(nameof(RequestAuthentication.Name), item.Name, "The request authentication name");
        report.DnsLabel(nameof(RequestAuthentication.Namespace), item.Namespace, "The request authentication namespace");
        report.NoNullItems(nameof(RequestAuthentication.JwtRules), item.JwtRules, "A JWT rule");
        if (item.Target is { } target)
        {
            report.Reference("Target.", target.Service, target.Subset, null, "request authentication target");
            if (target.Port is not null)
            {
                report.Error("Target.Port", DiagnosticCodes.ConflictingFields, "Request authentication applies to a service's workloads, not to one port.");
            }
            if (item.Gateway is not null)
            {
                report.Error(nameof(RequestAuthentication.Gateway), DiagnosticCodes.InvalidRequestAuthentication, "A request authentication applies to a service's workloads or to a gateway, not both.");
            }
        }
        if (item.Gateway is not null) report.DnsLabel(nameof(RequestAuthentication.Gateway), item.Gateway, "The gateway name");

        var issuers = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < item.JwtRules.Count; i++)
        {
            if (item.JwtRules[i] is not { } rule) continue;
            var path = $"{nameof(RequestAuthentication.JwtRules)}[{i}]";
            if (!string.IsNullOrEmpty(rule.Issuer) && !issuers.TryAdd(rule.Issuer, i)) Invalid(report, $"{path}.Issuer", $"Issuer '{rule.Issuer}' already has the rule at index {issuers[rule.Issuer]}: a token is verified by the rule of its issuer.");
        }
    }

    internal static void Invalid(Reporter report, string path, string message) => report.Error(path, DiagnosticCodes.InvalidRequestAuthentication, message);
}
