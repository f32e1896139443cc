using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Validation.Rules;

namespace Mesh.Validation.Validators;

/// <summary>
/// Validates an <see cref="AccessRule"/>: its source (service accounts, services of the model, namespaces, IP blocks, identities, request
/// principals and their exclusion), its operation (ports, methods, paths, hosts and their exclusion) and its conditions.
/// </summary>
internal sealed class AccessRuleValidator : ModelValidator<AccessRule>
{
    public static readonly AccessRuleValidator Instance = new();

    protected override void Check(AccessRule item, Reporter report)
    {
        if (item.From is { } from)
        {
            Source(from, "From", report);
            if (from.Not is { } not)
            {
                Source(not, "From.Not", report);
                if (not.Authenticated || not.Unauthenticated)
                {
                    report.Error(not.Authenticated ? "From.Not.Authenticated" : "From.Not.Unauthenticated", DiagnosticCodes.InvalidAccessRule,
                        $"Exclude {(not.Authenticated ? "authenticated" : "unauthenticated")} callers by allowing the others: write '{(not.Authenticated ? "unauthenticated" : "authenticated")}: true' in from.");
                }
                if (not.Not is not null) report.Error("From.Not.Not", DiagnosticCodes.InvalidAccessRule, "An exclusion cannot have an exclusion of its own.");
            }
            if (from.Authenticated && from.Unauthenticated)
            {
                report.Warning("From.Authenticated", DiagnosticCodes.InvalidAccessRule, "Authenticated or unauthenticated is every caller: the same as leaving both out.");
            }
        }
        if (item.To is { } to)
        {
            Operation(to, "To", report);
            if (to.Not is { } not)
            {
                Operation(not, "To.Not", report);
                if (not.Not is not null) report.Error("To.Not.Not", DiagnosticCodes.InvalidAccessRule, "An exclusion cannot have an exclusion of its own.");
            }
        }
        for (var i = 0; i < item.When.Count; i++)
        {
            if (item.When[i] is { } condition) Condition(condition, $"When[{i}]", report);
            else report.Error($"When[{i}]", DiagnosticCodes.InvalidAccessRule, "A condition must not be null.");
        }
    }

    private static void Source(AccessSource from, string at, Reporter report)
    {
        for (var i = 0; i < from.ServiceAccounts.Count; i++)
        {
            var account = from.ServiceAccounts[i];
            if (!Syntax.IsDnsLabel(account.Namespace) || !Syntax.IsDnsLabel(account.Name))
            {
                report.Error($"{at}.ServiceAccounts[{i}]", DiagnosticCodes.InvalidServiceAccount, $"The service account '{account}' must be namespace/name with both parts DNS-1123 labels.");
            }
        }
        for (var i = 0; i < from.Services.Count; i++)
        {
            report.Reference($"{at}.Services[{i}]", from.Services[i], null, null, "access rule's caller", serviceProperty: string.Empty);
        }
        for (var i = 0; i < from.Namespaces.Count; i++)
        {
            report.DnsLabel($"{at}.Namespaces[{i}]", from.Namespaces[i], "The source namespace");
        }
        Blocks(from.IpBlocks, $"{at}.IpBlocks", report);
        Blocks(from.RemoteIpBlocks, $"{at}.RemoteIpBlocks", report);
        for (var i = 0; i < from.Identities.Count; i++)
        {
            var identity = from.Identities[i];
            var bare = identity?.Trim('*') ?? string.Empty;
            var valid = AccessPatterns.IsValid(identity) && (identity!.StartsWith('*') ? bare.Length > 0 : bare.StartsWith("spiffe://", StringComparison.Ordinal) && bare.Length > "spiffe://".Length);
            if (!valid)
            {
                report.Error($"{at}.Identities[{i}]", DiagnosticCodes.InvalidAccessRule,
                    $"The identity '{identity}' must be a SPIFFE ID (spiffe://trust.domain/path), a prefix of one ending in '*', or a suffix starting with '*'.");
            }
        }
        for (var i = 0; i < from.RequestPrincipals.Count; i++)
        {
            var principal = from.RequestPrincipals[i];
            if (!AccessPatterns.IsValid(principal) || !(principal!.Contains('*', StringComparison.Ordinal) || principal.IndexOf('/', StringComparison.Ordinal) is > 0 and var slash && slash < principal.Length - 1))
            {
                report.Error($"{at}.RequestPrincipals[{i}]", DiagnosticCodes.InvalidAccessRule,
                    $"The request principal '{principal}' must be ISSUER/SUBJECT of a verified token, or a pattern with one leading or trailing '*'.");
            }
        }
    }

    private static void Blocks(Mesh.Collections.EquatableArray<string> blocks, string at, Reporter report)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            if (!Syntax.IsIpOrCidr(blocks[i]))
            {
                report.Error($"{at}[{i}]", DiagnosticCodes.InvalidAddress, $"'{blocks[i]}' is not an IP address or CIDR block.");
            }
        }
    }

    private static void Operation(AccessOperation to, string at, Reporter report)
    {
        for (var i = 0; i < to.Ports.Count; i++)
        {
            report.Port($"{at}.Ports[{i}]", to.Ports[i], "The port");
        }
        for (var i = 0; i < to.Methods.Count; i++)
        {
            report.HttpMethod($"{at}.Methods[{i}]", to.Methods[i]);
        }
        for (var i = 0; i < to.Paths.Count; i++)
        {
            if (to.Paths[i] is not { Length: > 0 } path || !(path[0] == '/' || path[0] == '*'))
            {
                report.Error($"{at}.Paths[{i}]", DiagnosticCodes.InvalidPath, $"The path '{to.Paths[i]}' must start with '/' (or '*' for a suffix match).");
            }
            else if (!AccessPatterns.IsValid(path))
            {
                report.Error($"{at}.Paths[{i}]", DiagnosticCodes.InvalidPath, $"The path '{path}' may have one '*', at its start (a suffix) or its end (a prefix).");
            }
        }
        for (var i = 0; i < to.Hosts.Count; i++)
        {
            if (!AccessPatterns.IsValid(to.Hosts[i]))
            {
                report.Error($"{at}.Hosts[{i}]", DiagnosticCodes.InvalidAccessRule, $"The host '{to.Hosts[i]}' must be a host name, with at most one '*' at its start or end.");
            }
        }
    }

    private static void Condition(AccessCondition condition, string at, Reporter report)
    {
        var key = condition.Key;
        if (!key.IsWellFormed)
        {
            report.Error($"{at}.Key", DiagnosticCodes.InvalidAccessRule, "The condition key must name an attribute: a header or claim with its name in brackets, the others without.");
            return;
        }
        if (condition.Values.IsEmpty && condition.NotValues.IsEmpty)
        {
            report.Error($"{at}.Values", DiagnosticCodes.InvalidAccessRule, $"The condition on {key} needs values or notValues.");
        }
        Values(condition.Values, key, $"{at}.Values", report);
        Values(condition.NotValues, key, $"{at}.NotValues", report);
    }

    private static void Values(Mesh.Collections.EquatableArray<string> values, AccessConditionKey key, string at, Reporter report)
    {
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            var ok = key.Accepts(value);
            var form = key.IsAddress ? "an IP address or CIDR block" : key.Attribute == AccessAttribute.DestinationPort ? "a port number" : "a value with at most one '*', at its start or end";
            if (!ok) report.Error($"{at}[{i}]", DiagnosticCodes.InvalidAccessRule, $"'{value}' is not {form} ({key}).");
        }
    }
}
