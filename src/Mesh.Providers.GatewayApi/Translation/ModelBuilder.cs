using Mesh.Kubernetes;
using Mesh.Model;

namespace Mesh.Providers.GatewayApi.Translation;

/// <summary>The model being assembled by an import: routes, TCP routes, and the services their parentRefs name with ports.</summary>
public sealed class ModelBuilder
{
    // Hashed while recording; Build sorts services and ports once.
    private readonly Dictionary<(string Namespace, string Name), Dictionary<int, Protocol>> _ports = [];

    // Ports named only by TCPRoute parents: any other source of the same port says more about its protocol.
    private readonly HashSet<(string Namespace, string Name, int Port)> _tcpOnly = [];

    /// <summary>The HTTP routes imported so far.</summary>
    public List<Model.HttpRoute> Routes { get; } = [];

    /// <summary>The TCP routes imported so far.</summary>
    public List<Model.TcpRoute> TcpRoutes { get; } = [];

    /// <summary>Records that <paramref name="service"/> serves <paramref name="protocol"/> on <paramref name="port"/>; a GRPCRoute parent (gRPC) outweighs an HTTPRoute parent (HTTP, which carries gRPC too), and both outweigh a TCPRoute parent.</summary>
    public void AddPort(ServiceRef service, int port, Protocol protocol)
    {
        var ports = Ports(service);
        if (_tcpOnly.Remove((service.Namespace, service.Name, port))) ports[port] = protocol;
        else if (!ports.TryAdd(port, protocol) && protocol == Protocol.Grpc) ports[port] = Protocol.Grpc;
    }

    /// <summary>Records that a TCPRoute splits the connections to <paramref name="port"/> of <paramref name="service"/>: a <c>tcp</c> port unless another route or Server names its protocol.</summary>
    public void AddTcpPort(ServiceRef service, int port)
    {
        if (Ports(service).TryAdd(port, Protocol.Tcp)) _tcpOnly.Add((service.Namespace, service.Name, port));
    }

    /// <summary>The ports recorded for <paramref name="service"/> so far (null when none), without building a model.</summary>
    public IReadOnlyDictionary<int, Protocol>? PortsOf(ServiceRef service) => _ports.GetValueOrDefault((service.Namespace, service.Name));

    private Dictionary<int, Protocol> Ports(ServiceRef service)
    {
        if (!_ports.TryGetValue((service.Namespace, service.Name), out var ports)) _ports[(service.Namespace, service.Name)] = ports = [];
        return ports;
    }

    /// <summary>The normalised model: a service per parent named (with its ports), the routes and the TCP routes.</summary>
    /// <param name="name">The model's name.</param>
    /// <returns>The model.</returns>
    public MeshConfig Build(string name) => new MeshConfig
    {
        Name = name,
        Services = [.. _ports.OrderBy(s => s.Key, OrdinalKeyComparer.Instance).Select(s => new MeshService
        {
            Name = s.Key.Name,
            Namespace = s.Key.Namespace,
            Ports = [.. s.Value.OrderBy(p => p.Key).Select(p => new ServicePort { Port = p.Key, Protocol = p.Value })],
        })],
        Routes = [.. Routes],
        TcpRoutes = [.. TcpRoutes],
    }.Normalize();
}
