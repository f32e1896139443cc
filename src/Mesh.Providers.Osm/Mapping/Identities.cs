using Mesh.Model;
using Mesh.Providers.Osm.Resources;

namespace Mesh.Providers.Osm.Mapping;

/// <summary>
/// OSM names workloads by service account (TrafficTarget destinations and sources, Retry and Egress sources), the model by
/// service. The convention both directions keep: a service's workloads run as the service account named after the service, in
/// its namespace — OSM's own demos are laid out so.
/// </summary>
internal static class Identities
{
    public const string ServiceAccountKind = "ServiceAccount";

    public const string ServiceKind = "Service";

    /// <summary>The service account of <paramref name="service"/>'s workloads.</summary>
    public static ServiceAccountRef AccountOf(ServiceRef service) => new(service.Namespace, service.Name);

    public static KindReference Account(ServiceAccountRef account) => new() { Kind = ServiceAccountKind, Name = account.Name, Namespace = account.Namespace };

    public static KindReference Service(ServiceRef service) => new() { Kind = ServiceKind, Name = service.Name, Namespace = service.Namespace };

    /// <summary>The accounts for a message: the first five, and how many more.</summary>
    public static string Describe(IReadOnlyList<ServiceAccountRef> accounts) =>
        accounts.Count <= 5 ? string.Join(", ", accounts) : $"{string.Join(", ", accounts.Take(5))} and {accounts.Count - 5} more";

    /// <summary>The accounts of the model's services, ordered by namespace then name: the callers a per-source policy is written for.</summary>
    public static IReadOnlyList<ServiceAccountRef> Callers(MeshConfig config) =>
        [.. config.Services.Select(s => AccountOf(s.Reference)).Distinct().OrderBy(a => a.Namespace, StringComparer.Ordinal).ThenBy(a => a.Name, StringComparer.Ordinal)];
}
