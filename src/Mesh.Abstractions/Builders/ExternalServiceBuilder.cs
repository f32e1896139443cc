using Mesh.Collections;
using Mesh.Model;

namespace Mesh.Builders;

/// <summary>Builds an <see cref="Model.ExternalService"/>.</summary>
public sealed class ExternalServiceBuilder
{
    private readonly List<string> _hosts = [];
    private readonly List<ServicePort> _ports = [];
    private readonly List<string> _addresses = [];
    private readonly List<ExternalEndpoint> _endpoints = [];
    private readonly List<Subset> _subsets = [];
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

    /// <summary>Adds an endpoint: a workload outside the cluster with its own ports, labels, or mesh identity.</summary>
    /// <param name="address">The IP address (or, with DNS resolution, a host name).</param>
    /// <param name="labels">The endpoint's labels, which subsets select; null for none.</param>
    /// <param name="ports">The port it listens on for each port of the service, by the port's name; null to use the service's port numbers.</param>
    /// <param name="serviceAccount">For a workload enrolled in the mesh, the service account whose identity its proxy presents; null otherwise.</param>
    public ExternalServiceBuilder Endpoint(string address, IReadOnlyDictionary<string, string>? labels = null, IReadOnlyDictionary<string, int>? ports = null, string? serviceAccount = null)
    {
        _endpoints.Add(new ExternalEndpoint
        {
            Address = address,
            Labels = (labels ?? new Dictionary<string, string>()).ToEquatableMap(),
            Ports = (ports ?? new Dictionary<string, int>()).ToEquatableMap(),
            ServiceAccount = serviceAccount,
        });
        return this;
    }

    /// <summary>Adds a subset of the endpoints, selected by labels, for splits and destination policies.</summary>
    /// <param name="name">The subset name.</param>
    /// <param name="labels">The labels its endpoints carry.</param>
    public ExternalServiceBuilder Subset(string name, IReadOnlyDictionary<string, string> labels)
    {
        _subsets.Add(new Subset { Name = name, Labels = labels.ToEquatableMap() });
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
        Endpoints = [.. _endpoints],
        Subsets = [.. _subsets],
    };
}
