using Mesh.Collections;

namespace Mesh.Model;

/// <summary>
/// An ingress (or egress) gateway: proxies at the mesh's edge that accept connections on listeners and hand requests to
/// the <see cref="GatewayRoute"/>s bound to them. It runs on the workloads <see cref="Workloads"/> selects (Istio's
/// <c>selector</c>) or is provisioned by the implementation <see cref="ClassName"/> names (Gateway API's
/// <c>gatewayClassName</c>).
/// YAML: <c>{ name: public, namespace: edge, workloads: { istio: ingressgateway }, listeners: [{ name: http, port: 80, protocol: http, hosts: ["*"] }] }</c>.
/// </summary>
public sealed record Gateway
{
    /// <summary>The gateway's name (a DNS label).</summary>
    public required string Name { get; init; }

    /// <summary>The gateway's namespace.</summary>
    public required string Namespace { get; init; }

    /// <summary>The labels of the proxy workloads that run it; empty when <see cref="ClassName"/> provisions them.</summary>
    public EquatableMap<string> Workloads { get; init; }

    /// <summary>The implementation that provisions it (Gateway API's <c>gatewayClassName</c>); null: the provider's default.</summary>
    public string? ClassName { get; init; }

    /// <summary>Where it accepts connections: at least one.</summary>
    public EquatableArray<GatewayListener> Listeners { get; init; }
}
