using Mesh.Model;

namespace Mesh.Builders;

/// <summary>Collects a gateway TLS route's gateways, server names and weighted backends.</summary>
public sealed class GatewayTlsRouteBuilder
{
    private readonly List<GatewayRef> _gateways = [];
    private readonly List<string> _hostnames = [];
    private readonly BackendListBuilder _backends = new();

    internal GatewayTlsRouteBuilder()
    {
    }

    /// <summary>Attaches the route to a gateway, or to one of its listeners.</summary>
    /// <param name="name">The gateway's name.</param>
    /// <param name="namespace">The gateway's namespace.</param>
    /// <param name="listener">A TLS listener's name; null: each of the gateway's TLS listeners.</param>
    public GatewayTlsRouteBuilder Gateway(string name, string @namespace, string? listener = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(@namespace);
        _gateways.Add(new GatewayRef { Name = name, Namespace = @namespace, Listener = listener });
        return this;
    }

    /// <summary>Routes connections whose server name (SNI) is one of these.</summary>
    /// <param name="hostnames">Exact names or <c>*.</c> wildcards.</param>
    public GatewayTlsRouteBuilder Hostnames(params string[] hostnames)
    {
        ArgumentNullException.ThrowIfNull(hostnames);
        _hostnames.AddRange(hostnames);
        return this;
    }

    /// <summary>Sends a share of connections to a service or subset.</summary>
    /// <param name="service">The service as <c>name.namespace</c>.</param>
    /// <param name="subset">The subset, or null for the whole service.</param>
    /// <param name="weight">The relative share.</param>
    /// <param name="port">The target port, or null.</param>
    public GatewayTlsRouteBuilder To(string service, string? subset = null, int weight = 1, int? port = null)
    {
        _backends.To(service, subset, weight, port);
        return this;
    }

    internal GatewayTlsRoute Build(string name, string @namespace) => new()
    {
        Name = name,
        Namespace = @namespace,
        Gateways = [.. _gateways],
        Hostnames = [.. _hostnames],
        Backends = [.. _backends.Backends],
    };
}
