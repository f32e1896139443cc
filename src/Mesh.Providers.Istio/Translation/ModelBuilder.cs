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

    public List<RequestAuthentication> RequestAuthentications { get; } = [];

    public List<ExternalService> ExternalServices { get; } = [];

    public List<OutboundPolicy> Outbound { get; } = [];

    public List<TelemetryPolicy> Telemetry { get; } = [];

    public List<Gateway> Gateways { get; } = [];

    public List<GatewayRoute> GatewayRoutes { get; } = [];

    public List<GatewayTlsRoute> GatewayTlsRoutes { get; } = [];

    public List<GatewayTcpRoute> GatewayTcpRoutes { get; } = [];

    /// <summary>The subsets DestinationRules give external services (their hosts are ServiceEntry hosts).</summary>
    public Dictionary<ServiceRef, EquatableArray<Subset>> ExternalSubsets { get; } = [];

    /// <summary>External services declared from a host that routes or rules name and no ServiceEntry of the input declares, by host.</summary>
    public SortedDictionary<string, ExternalService> InferredExternals { get; } = new(StringComparer.OrdinalIgnoreCase);

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
        RequestAuthentications = [.. RequestAuthentications],
        ExternalServices = [.. ExternalServices.Concat(InferredExternals.Values.Select(WithReferencedPorts)).Select(e =>
            ExternalSubsets.TryGetValue(new ServiceRef(e.Name, e.Namespace), out var subsets) ? e with { Subsets = subsets } : e)],
        Outbound = [.. Outbound],
        Telemetry = [.. Telemetry],
        Gateways = [.. Gateways],
        GatewayRoutes = [.. GatewayRoutes],
        GatewayTlsRoutes = [.. GatewayTlsRoutes],
        GatewayTcpRoutes = [.. GatewayTcpRoutes],
    }.Normalize();

    /// <summary>An inferred external service with the ports routes, mirrors and policies call it on (HTTP, or TCP for TCP routes).</summary>
    private ExternalService WithReferencedPorts(ExternalService external)
    {
        var reference = new ServiceRef(external.Name, external.Namespace);
        var ports = new SortedDictionary<int, Protocol>();
        void Add(ServiceRef service, int? port, Protocol protocol)
        {
            if (service == reference && port is { } p and >= 1 and <= 65535) ports.TryAdd(p, protocol);
        }
        foreach (var route in Routes)
        {
            foreach (var rule in route.Rules)
            {
                foreach (var b in rule.Backends) Add(b.Service, b.Port, Protocol.Http);
                if (rule.Mirror is { } m) Add(m.Service, m.Port, Protocol.Http);
            }
        }
        foreach (var tcp in TcpRoutes)
        {
            Add(tcp.Host, tcp.Port, Protocol.Tcp);
            foreach (var b in tcp.Backends) Add(b.Service, b.Port, Protocol.Tcp);
        }
        foreach (var b in GatewayTlsRoutes.SelectMany(r => r.Backends)) Add(b.Service, b.Port, Protocol.Tls);
        foreach (var b in GatewayTcpRoutes.SelectMany(r => r.Backends)) Add(b.Service, b.Port, Protocol.Tcp);
        foreach (var policy in DestinationPolicies) Add(policy.Target.Service, policy.Target.Port, Protocol.Http);
        return ports.Count == 0 ? external : external with { Ports = [.. ports.Select(p => new ServicePort { Port = p.Key, Protocol = p.Value })] };
    }
}
