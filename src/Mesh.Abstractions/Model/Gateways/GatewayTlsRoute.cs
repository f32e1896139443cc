using Mesh.Collections;

namespace Mesh.Model;

/// <summary>
/// Routing of TLS connections that arrive at gateways, by the server name (SNI) of their ClientHello: a connection on a
/// bound <see cref="ListenerProtocol.Tls"/> listener whose SNI one of <see cref="Hostnames"/> matches goes to the
/// backends, split by weight (Istio: a VirtualService <c>tls</c> section with <c>gateways</c> and <c>sniHosts</c>;
/// Gateway API: a TLSRoute whose <c>parentRefs</c> name a Gateway). On a passthrough listener the backends receive the
/// TLS stream unopened; on a terminating listener they receive the decrypted stream.
/// YAML: <c>{ name: db, namespace: edge, gateways: [{ name: public, namespace: edge, listener: tls }], hostnames: [db.example.com], backends: [{ service: db.data }] }</c>.
/// </summary>
public sealed record GatewayTlsRoute
{
    /// <summary>The route's name (a DNS label).</summary>
    public required string Name { get; init; }

    /// <summary>The route's namespace.</summary>
    public required string Namespace { get; init; }

    /// <summary>The gateways (or TLS listeners) it is bound to: at least one. A gateway without a listener: each of its TLS listeners.</summary>
    public EquatableArray<GatewayRef> Gateways { get; init; }

    /// <summary>The server names (SNI) it routes: exact, or a leading <c>*.</c> wildcard; at least one.</summary>
    public EquatableArray<string> Hostnames { get; init; }

    /// <summary>Where connections go, split by weight: at least one.</summary>
    public EquatableArray<WeightedBackend> Backends { get; init; }
}
