using Mesh.Kubernetes;
using Mesh.Model;

namespace Mesh.Providers.GatewayApi.Import;

/// <summary>The model being assembled by an import: routes, and the services their parentRefs name with ports.</summary>
internal sealed class ModelBuilder
{
    private readonly SortedDictionary<(string Namespace, string Name), SortedDictionary<int, Protocol>> _ports = new(OrdinalKeyComparer.Instance);

    public List<Model.HttpRoute> Routes { get; } = [];

    /// <summary>Records that <paramref name="service"/> serves <paramref name="protocol"/> on <paramref name="port"/>; a GRPCRoute parent (gRPC) outweighs an HTTPRoute parent (HTTP, which carries gRPC too).</summary>
    public void AddPort(ServiceRef service, int port, Protocol protocol)
    {
        if (!_ports.TryGetValue((service.Namespace, service.Name), out var ports)) _ports[(service.Namespace, service.Name)] = ports = [];
        if (!ports.TryAdd(port, protocol) && protocol == Protocol.Grpc) ports[port] = Protocol.Grpc;
    }

    public MeshConfig Build(string name) => new MeshConfig
    {
        Name = name,
        Services = [.. _ports.Select(s => new MeshService
        {
            Name = s.Key.Name,
            Namespace = s.Key.Namespace,
            Ports = [.. s.Value.Select(p => new ServicePort { Port = p.Key, Protocol = p.Value })],
        })],
        Routes = [.. Routes],
    }.Normalize();
}
