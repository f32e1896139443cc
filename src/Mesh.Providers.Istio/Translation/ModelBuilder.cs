using Mesh.Collections;
using Mesh.Model;

namespace Mesh.Providers.Istio.Translation;

/// <summary>The model being assembled by an import.</summary>
internal sealed class ModelBuilder
{
    public SortedDictionary<string, MeshService> Services { get; } = new(StringComparer.Ordinal);

    /// <summary>The services (<c>namespace/name</c>) read from core Services, whose selector and ports are the Service's.</summary>
    public HashSet<string> ReadServices { get; } = new(StringComparer.Ordinal);

    public List<HttpRoute> Routes { get; } = [];

    public List<TcpRoute> TcpRoutes { get; } = [];

    public List<DestinationPolicy> DestinationPolicies { get; } = [];

    public List<MtlsPolicy> Mtls { get; } = [];

    public List<AccessPolicy> AccessPolicies { get; } = [];

    public List<ExternalService> ExternalServices { get; } = [];

    public MeshService? FindService(ServiceRef reference) =>
        Services.TryGetValue(reference.Namespace + "/" + reference.Name, out var service) ? service : null;

    public MeshConfig Build(string name) => new MeshConfig
    {
        Name = name,
        Services = [.. Services.Values],
        Routes = [.. Routes],
        TcpRoutes = [.. TcpRoutes],
        DestinationPolicies = [.. DestinationPolicies],
        Mtls = [.. Mtls],
        AccessPolicies = [.. AccessPolicies],
        ExternalServices = [.. ExternalServices],
    }.Normalize();
}
