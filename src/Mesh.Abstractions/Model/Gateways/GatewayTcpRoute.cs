using Mesh.Collections;

namespace Mesh.Model;

/// <summary>
/// Routing of TCP connections that arrive at gateways: every connection on a bound <see cref="ListenerProtocol.Tcp"/>
/// listener goes to the backends, split by weight (Istio: a VirtualService <c>tcp</c> section with <c>gateways</c> and
/// the listener's <c>port</c>; Gateway API: a TCPRoute whose <c>parentRefs</c> name a Gateway).
/// YAML: <c>{ name: db, namespace: edge, gateways: [{ name: public, namespace: edge, listener: postgres }], backends: [{ service: db.data, port: 5432 }] }</c>.
/// </summary>
public sealed record GatewayTcpRoute
{
    /// <summary>The route's name (a DNS label).</summary>
    public required string Name { get; init; }

    /// <summary>The route's namespace.</summary>
    public required string Namespace { get; init; }

    /// <summary>The gateways (or TCP listeners) it is bound to: at least one. A gateway without a listener: each of its TCP listeners.</summary>
    public EquatableArray<GatewayRef> Gateways { get; init; }

    /// <summary>Where connections go, split by weight: at least one.</summary>
    public EquatableArray<WeightedBackend> Backends { get; init; }
}
