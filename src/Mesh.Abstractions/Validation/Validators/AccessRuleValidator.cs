using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Validation.Rules;

namespace Mesh.Validation.Validators;

/// <summary>Validates an <see cref="AccessRule"/>: service accounts, namespaces, IP blocks, ports, methods and paths.</summary>
internal sealed class AccessRuleValidator : ModelValidator<AccessRule>
{
    public static readonly AccessRuleValidator Instance = new();

    protected override void Check(AccessRule item, Reporter report)
    {
        if (item.From is { } from)
        {
            for (var i = 0; i < from.ServiceAccounts.Count; i++)
            {
                var account = from.ServiceAccounts[i];
                if (!Syntax.IsDnsLabel(account.Namespace) || !Syntax.IsDnsLabel(account.Name))
                {
                    report.Error($"From.ServiceAccounts[{i}]", DiagnosticCodes.InvalidServiceAccount, $"The service account '{account}' must be namespace/name with both parts DNS-1123 labels.");
                }
            }
            for (var i = 0; i < from.Namespaces.Count; i++)
            {
                report.DnsLabel($"From.Namespaces[{i}]", from.Namespaces[i], "The source namespace");
            }
            for (var i = 0; i < from.IpBlocks.Count; i++)
            {
                if (!Syntax.IsIpOrCidr(from.IpBlocks[i]))
                {
                    report.Error($"From.IpBlocks[{i}]", DiagnosticCodes.InvalidAddress, $"'{from.IpBlocks[i]}' is not an IP address or CIDR block.");
                }
            }
        }
        if (item.To is { } to)
        {
            for (var i = 0; i < to.Ports.Count; i++)
            {
                report.Port($"To.Ports[{i}]", to.Ports[i], "The port");
            }
            for (var i = 0; i < to.Methods.Count; i++)
            {
                report.HttpMethod($"To.Methods[{i}]", to.Methods[i]);
            }
            for (var i = 0; i < to.Paths.Count; i++)
            {
                // Access paths may use a leading or trailing '*' wildcard.
                if (to.Paths[i] is not { Length: > 0 } path || !(path[0] == '/' || path[0] == '*'))
                {
                    report.Error($"To.Paths[{i}]", DiagnosticCodes.InvalidPath, $"The path '{to.Paths[i]}' must start with '/' (or '*' for a suffix match).");
                }
            }
        }
    }
}
