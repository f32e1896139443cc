using Mesh.Collections;
using Mesh.Model;

namespace Mesh.Builders;

/// <summary>Builds a <see cref="MeshService"/>: its ports and subsets.</summary>
public sealed class ServiceBuilder
{
    private readonly ServiceRef _service;
    private readonly List<ServicePort> _ports = [];
    private readonly List<Subset> _subsets = [];

    internal ServiceBuilder(ServiceRef service) => _service = service;

    /// <summary>Adds a port.</summary>
    /// <param name="port">The port number.</param>
    /// <param name="protocol">The protocol.</param>
    /// <param name="name">The port name, or null to derive <c>&lt;protocol&gt;-&lt;port&gt;</c>.</param>
    public ServiceBuilder Port(int port, Protocol protocol, string? name = null)
    {
        _ports.Add(new ServicePort { Port = port, Protocol = protocol, Name = name });
        return this;
    }

    /// <summary>Adds a subset selected by one label.</summary>
    /// <param name="name">The subset name.</param>
    /// <param name="labelKey">The label key, e.g. <c>version</c>.</param>
    /// <param name="labelValue">The label value, e.g. <c>v1</c>.</param>
    public ServiceBuilder Subset(string name, string labelKey, string labelValue) =>
        Subset(name, new Dictionary<string, string> { [labelKey] = labelValue });

    /// <summary>Adds a subset selected by labels.</summary>
    /// <param name="name">The subset name.</param>
    /// <param name="labels">The labels.</param>
    public ServiceBuilder Subset(string name, IReadOnlyDictionary<string, string> labels)
    {
        _subsets.Add(new Subset { Name = name, Labels = labels.ToEquatableMap() });
        return this;
    }

    internal MeshService Build() => new() { Name = _service.Name, Namespace = _service.Namespace, Ports = [.. _ports], Subsets = [.. _subsets] };
}
