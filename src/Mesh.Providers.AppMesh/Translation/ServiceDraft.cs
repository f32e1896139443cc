using Mesh.Collections;
using Mesh.Model;

namespace Mesh.Providers.AppMesh.Translation;

/// <summary>
/// A service being assembled from the App Mesh resources that imply it (virtual services, routers, nodes) and its core Service:
/// App Mesh spreads one service over several resources, so it is built up before it becomes an immutable model record.
/// </summary>
internal sealed class ServiceDraft(ServiceRef reference)
{
    public ServiceRef Reference { get; } = reference;

    /// <summary>The selector the App Mesh resources imply (a node's pod selector, or the labels common to a router's targets).</summary>
    public EquatableMap<string>? Selector { get; set; }

    /// <summary>Ports by number with the protocol of the App Mesh listener that declares them.</summary>
    public SortedDictionary<int, Protocol> Ports { get; } = [];

    /// <summary>Subsets by name: the labels beyond the service's selector.</summary>
    public SortedDictionary<string, EquatableMap<string>> Subsets { get; } = new(StringComparer.Ordinal);

    public void AddPort(int port, Protocol protocol) => Ports.TryAdd(port, protocol);

    /// <summary>The model service, merged with the input's core Service when there is one (its selector, port names and target ports win).</summary>
    public MeshService Build(MeshService? core)
    {
        var ports = new SortedDictionary<int, ServicePort>();
        foreach (var (number, protocol) in Ports) ports[number] = new ServicePort { Port = number, Protocol = protocol };
        foreach (var port in core?.Ports ?? [])
        {
            // The App Mesh listener says what Envoy runs on the port; the Service names it and says where it lands.
            ports[port.Port] = Ports.TryGetValue(port.Port, out var protocol) ? port with { Protocol = protocol } : port;
        }
        var selector = core is { Selector.IsEmpty: false } ? core.Selector : Selector ?? EquatableMap<string>.Empty;
        return new MeshService
        {
            Name = Reference.Name,
            Namespace = Reference.Namespace,
            Selector = selector,
            Ports = [.. ports.Values],
            Subsets = [.. Subsets.Select(s => new Subset { Name = s.Key, Labels = s.Value })],
        };
    }
}
