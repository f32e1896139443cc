using Mesh.Model;

namespace Mesh.Translation;

/// <summary>
/// Callers named as services (<see cref="AccessSource.Services"/>) for a mesh whose caller identity is the service
/// account: each service becomes the service account named like it in its namespace — the convention consul-k8s enforces
/// and most deployments follow. A provider that writes them this way reports each one as approximated: the rule then
/// admits every workload running under that account, and reads back as the service account.
/// </summary>
public static class ServiceCallers
{
    /// <summary>The service account a service's workloads are taken to run as: its own name, in its namespace.</summary>
    /// <param name="service">The service.</param>
    public static ServiceAccountRef AccountOf(ServiceRef service) => new(service.Namespace, service.Name);

    /// <summary>
    /// <paramref name="rule"/> with the services of its callers and of their exclusion folded into service accounts
    /// (<see cref="AccountOf"/>); the same instance when it names no service.
    /// </summary>
    /// <param name="rule">The rule.</param>
    public static AccessRule AsServiceAccounts(AccessRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.From is not { } from || (from.Services.IsEmpty && (from.Not is null || from.Not.Services.IsEmpty))) return rule;
        return rule with { From = Fold(from) with { Not = from.Not is { } not ? Fold(not) : null } };
    }

    /// <summary>The paths of the services <see cref="AsServiceAccounts"/> folds, relative to the rule (<c>from.services[0]</c>, <c>from.not.services[1]</c>).</summary>
    /// <param name="rule">The rule.</param>
    public static IEnumerable<string> Paths(AccessRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.From is not { } from) yield break;
        for (var i = 0; i < from.Services.Count; i++) yield return $"from.services[{i}]";
        if (from.Not is null) yield break;
        for (var i = 0; i < from.Not.Services.Count; i++) yield return $"from.not.services[{i}]";
    }

    private static AccessSource Fold(AccessSource source)
    {
        if (source.Services.IsEmpty) return source;
        var accounts = new List<ServiceAccountRef>(source.ServiceAccounts.Count + source.Services.Count);
        accounts.AddRange(source.ServiceAccounts);
        foreach (var service in source.Services)
        {
            var account = AccountOf(service);
            if (!accounts.Contains(account)) accounts.Add(account);
        }
        return source with { ServiceAccounts = [.. accounts], Services = default };
    }
}
