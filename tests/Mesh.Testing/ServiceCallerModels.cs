using Mesh.Model;
using Mesh.Translation;

namespace Mesh.Testing;

/// <summary>
/// The model a mesh whose caller identity is the service account reads back from one naming callers as services: each
/// service is the service account named like it (<see cref="ServiceCallers"/>), as the providers write it.
/// </summary>
public static class ServiceCallerModels
{
    /// <summary><paramref name="config"/> with every access rule's caller services folded into service accounts.</summary>
    /// <param name="config">The model.</param>
    public static MeshConfig AsServiceAccounts(MeshConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config with { AccessPolicies = [.. config.AccessPolicies.Select(p => p with { Rules = [.. p.Rules.Select(ServiceCallers.AsServiceAccounts)] })] };
    }
}
