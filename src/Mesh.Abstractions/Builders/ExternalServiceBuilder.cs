using Mesh.Model;

namespace Mesh.Builders;

/// <summary>Builds an <see cref="Model.ExternalService"/>.</summary>
public sealed class ExternalServiceBuilder
{
    private readonly List<string> _hosts = [];
    private readonly List<ServicePort> _ports = [];
    private readonly List<string> _addresses = [];
    private readonly ServiceRef _entry;
    private Resolution _resolution = Resolution.Dns;

    internal ExternalServiceBuilder(ServiceRef entry) => _entry = entry;

    /// <summary>Adds a host name.</summary>
    /// <param name="host">The DNS name, e.g. <c>api.example.com</c> or <c>*.example.com</c>.</param>
    public ExternalServiceBuilder Host(string host)
    {
        _hosts.Add(host);
        return this;
    }

    /// <summary>Adds a port.</summary>
    /// <param name="port">The port number.</param>
    /// <param name="protocol">The protocol.</param>
    /// <param name="name">The port name, or null to derive it.</param>
    public ExternalServiceBuilder Port(int port, Protocol protocol, string? name = null)
    {
        _ports.Add(new ServicePort { Port = port, Protocol = protocol, Name = name });
        return this;
    }

    /// <summary>Sets how addresses are found, with the static addresses or CIDRs if any.</summary>
    /// <param name="resolution">The resolution.</param>
    /// <param name="addresses">Addresses or CIDR blocks.</param>
    public ExternalServiceBuilder Resolve(Resolution resolution, params string[] addresses)
    {
        _resolution = resolution;
        _addresses.AddRange(addresses);
        return this;
    }

    internal ExternalService Build() => new()
    {
        Name = _entry.Name,
        Namespace = _entry.Namespace,
        Hosts = [.. _hosts],
        Ports = [.. _ports],
        Resolution = _resolution,
        Addresses = [.. _addresses],
    };
}
