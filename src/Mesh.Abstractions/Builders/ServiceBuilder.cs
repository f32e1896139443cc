using Mesh.Collections;
using Mesh.Model;

namespace Mesh.Builders;

/// <summary>Builds a <see cref="MeshService"/>: its ports and subsets.</summary>
public sealed class ServiceBuilder
{
    private readonly ServiceRef _service;
    private readonly List<ServicePort> _ports = [];
    private readonly List<Subset> _subsets = [];
    private readonly Dictionary<string, string> _selector = new(StringComparer.Ordinal);

    internal ServiceBuilder(ServiceRef service) => _service = service;

    /// <summary>Adds a port.</summary>
    /// <param name="port">The port number.</param>
    /// <param name="protocol">The protocol.</param>
    /// <param name="name">The port name, or null to derive <c>&lt;protocol&gt;-&lt;port&gt;</c>.</param>
    /// <param name="targetPort">The port on the workloads (a number or a container port name), or null for the same number.</param>
    public ServiceBuilder Port(int port, Protocol protocol, string? name = null, TargetPort? targetPort = null)
    {
        _ports.Add(new ServicePort { Port = port, Protocol = protocol, Name = name, TargetPort = targetPort });
        return this;
    }

    /// <summary>Adds a label to the service's workload selector (without any, the selector is <c>{ app: &lt;name&gt; }</c>).</summary>
    /// <param name="labelKey">The label key, e.g. <c>app.kubernetes.io/name</c>.</param>
    /// <param name="labelValue">The label value.</param>
    public ServiceBuilder Selects(string labelKey, string labelValue)
    {
        _selector[labelKey] = labelValue;
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

    internal MeshService Build() => new() { Name = _service.Name, Namespace = _service.Namespace, Selector = _selector.ToEquatableMap(), Ports = [.. _ports], Subsets = [.. _subsets] };
}
