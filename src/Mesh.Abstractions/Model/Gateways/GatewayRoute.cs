using Mesh.Collections;

namespace Mesh.Model;

/// <summary>
/// HTTP routing of requests that arrive at gateways: the requests of the listed host names on the bound gateways'
/// HTTP and HTTPS listeners, matched and sent to services by the same <see cref="HttpRouteRule"/>s as mesh routes
/// (Istio: a VirtualService with <c>gateways</c>; Gateway API: an HTTPRoute whose <c>parentRefs</c> name a Gateway).
/// A request no rule matches gets 404.
/// YAML: <c>{ name: shop, namespace: edge, gateways: [{ name: public, namespace: edge }], hostnames: [shop.example.com], rules: [...] }</c>.
/// </summary>
public sealed record GatewayRoute
{
    /// <summary>The route's name (a DNS label).</summary>
    public required string Name { get; init; }

    /// <summary>The route's namespace.</summary>
    public required string Namespace { get; init; }

    /// <summary>The gateways (or listeners) it is bound to: at least one.</summary>
    public EquatableArray<GatewayRef> Gateways { get; init; }

    /// <summary>The host names (the request's authority) it routes: exact, or a leading <c>*.</c> wildcard; empty or <c>*</c>: every host the listeners serve.</summary>
    public EquatableArray<string> Hostnames { get; init; }

    /// <summary>The rules, in order: the first whose match fits decides.</summary>
    public EquatableArray<HttpRouteRule> Rules { get; init; }
}
