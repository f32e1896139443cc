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

    // Port names from parentRefs' sectionName; the first name of a port wins.
    private readonly Dictionary<(string Namespace, string Name, int Port), string> _names = [];

    /// <summary>The HTTP routes imported so far.</summary>
    public List<Model.HttpRoute> Routes { get; } = [];

    /// <summary>The TCP routes imported so far.</summary>
    public List<Model.TcpRoute> TcpRoutes { get; } = [];

    /// <summary>The gateways read (Gateway API Gateways).</summary>
    internal List<Model.Gateway> Gateways { get; } = [];

    /// <summary>The gateway routes read (HTTPRoutes with Gateway parents).</summary>
    internal List<GatewayRoute> GatewayRoutes { get; } = [];

    /// <summary>The model listener each Gateway API listener name was read into, by gateway namespace, gateway name and listener name.</summary>
    internal Dictionary<(string Namespace, string Gateway, string Listener), string> ListenerNames { get; } = [];

    /// <summary>
    /// Whether this import reads Gateways: HTTPRoutes with Gateway parents then wait until every resource is read, to be bound
    /// as gateway routes (<see cref="Mapping.GatewayEdgeMapping.BindRoutes"/>), instead of being reported as out of scope.
    /// </summary>
    public bool ReadsGateways { get; init; }

    /// <summary>The HTTPRoutes with Gateway parents, read once every Gateway is.</summary>
    internal List<Mapping.GatewayRouteMapping.Pending> PendingGatewayRoutes { get; } = [];

    /// <summary>The gateway TLS routes read (TLSRoutes with Gateway parents).</summary>
    internal List<GatewayTlsRoute> GatewayTlsRoutes { get; } = [];

    /// <summary>The gateway TCP routes read (TCPRoutes with Gateway parents).</summary>
    internal List<GatewayTcpRoute> GatewayTcpRoutes { get; } = [];

    /// <summary>The TLSRoutes and TCPRoutes with Gateway parents, read once every Gateway is.</summary>
    internal List<Mapping.GatewayStreamRouteMapping.Pending> PendingGatewayStreamRoutes { get; } = [];
    /// <summary>The destination policies imported so far (client TLS from BackendTLSPolicies), one per target.</summary>
    internal List<DestinationPolicy> DestinationPolicies { get; } = [];

    /// <summary>Every service a route imported so far names (host, backend, mirror), in input order, with where it was named (for the Gateway API importer's diagnostics).</summary>
    internal List<ServiceReference> References { get; } = [];

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

    /// <summary>
    /// Records the name a parentRef's <c>sectionName</c> gives <paramref name="port"/> of <paramref name="service"/>; false
    /// (nothing recorded) when the port already has another name or another port of the service has this one.
    /// </summary>
    internal bool NamePort(ServiceRef service, int port, string name)
    {
        if (_names.TryGetValue((service.Namespace, service.Name, port), out var existing)) return existing == name;
        foreach (var (key, other) in _names)
        {
            if (other == name && key.Namespace == service.Namespace && key.Name == service.Name) return false;
        }
        _names[(service.Namespace, service.Name, port)] = name;
        return true;
    }

    /// <summary>The port of <paramref name="service"/> a parentRef's <c>sectionName</c> named <paramref name="name"/>, or null.</summary>
    internal int? PortNamed(ServiceRef service, string name)
    {
        foreach (var (key, other) in _names)
        {
            if (other == name && key.Namespace == service.Namespace && key.Name == service.Name) return key.Port;
        }
        return null;
    }

    /// <summary>The name a parentRef gave <paramref name="port"/> of <paramref name="service"/>, or null.</summary>
    internal string? PortName(ServiceRef service, int port) => _names.GetValueOrDefault((service.Namespace, service.Name, port));

    /// <summary>Records that a route names <paramref name="service"/> (on <paramref name="port"/>, when given) at <paramref name="path"/> of <paramref name="source"/>.</summary>
    internal void Refer(ServiceRef service, int? port, Protocol protocol, string source, string path, string what) =>
        References.Add(new ServiceReference(service, port, protocol, source, path, what));

    /// <summary>Forgets the references recorded since <paramref name="mark"/> (a count of <see cref="References"/>): what names them was not imported.</summary>
    internal void Forget(int mark) => References.RemoveRange(mark, References.Count - mark);

    private Dictionary<int, Protocol> Ports(ServiceRef service)
    {
        if (!_ports.TryGetValue((service.Namespace, service.Name), out var ports)) _ports[(service.Namespace, service.Name)] = ports = [];
        return ports;
    }

    /// <summary>The normalised model: a service per parent named (with its ports, named as a parentRef's <c>sectionName</c> names them), the routes, the TCP routes and the destination policies.</summary>
    /// <param name="name">The model's name.</param>
    /// <returns>The model.</returns>
    public MeshConfig Build(string name) => new MeshConfig
    {
        Name = name,
        Services = [.. _ports.OrderBy(s => s.Key, OrdinalKeyComparer.Instance).Select(s => new MeshService
        {
            Name = s.Key.Name,
            Namespace = s.Key.Namespace,
            Ports = [.. s.Value.OrderBy(p => p.Key).Select(p => new ServicePort { Port = p.Key, Protocol = p.Value, Name = _names.GetValueOrDefault((s.Key.Namespace, s.Key.Name, p.Key)) })],
        })],
        Routes = [.. Routes],
        TcpRoutes = [.. TcpRoutes],
        Gateways = [.. Gateways],
        GatewayRoutes = [.. GatewayRoutes],
        GatewayTlsRoutes = [.. GatewayTlsRoutes],
        GatewayTcpRoutes = [.. GatewayTcpRoutes],
        DestinationPolicies = [.. DestinationPolicies],
    }.Normalize();
}

/// <summary>Where an imported route names a service: its host (from a parentRef), a backend or a mirror.</summary>
/// <param name="Service">The service named.</param>
/// <param name="Port">The port named, or null.</param>
/// <param name="Protocol">The protocol the kind of route says the port speaks.</param>
/// <param name="Source">The source name (<c>file#doc</c>).</param>
/// <param name="Path">The JSON path in the source document.</param>
/// <param name="What">What names it, for messages (<c>backendRef of HTTPRoute 'ns/name'</c>).</param>
internal sealed record ServiceReference(ServiceRef Service, int? Port, Protocol Protocol, string Source, string Path, string What);
