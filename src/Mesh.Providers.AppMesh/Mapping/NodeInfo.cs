using Mesh.Collections;
using Mesh.Model;
using Mesh.Providers.AppMesh.Resources;
using Mesh.Providers.AppMesh.Translation;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>
/// What a virtual node says about its workload, read (and reported) once: a node can be the target of several routers, and
/// each resolves it against its own host.
/// </summary>
internal sealed record NodeInfo(
    ImportDocument<VirtualNode> Document,
    EquatableMap<string>? Labels,
    IReadOnlyList<NodeListener> Listeners,
    string? DnsHostname,
    (string Parent, string Subset)? SubsetOf,
    EquatableMap<string>? ParentSelector)
{
    public ResourceKey Key => new(Document.Namespace, Document.Name);
}

/// <summary>A valid listener of a node: its index in <c>spec.listeners</c>, port and protocol.</summary>
internal sealed record NodeListener(int Index, int Port, Protocol Protocol, VirtualNodeListener Listener);

/// <summary>Where a node's pods sit in the model: a whole service, or one subset of it.</summary>
internal readonly record struct NodeTarget(ServiceRef Service, string? Subset);
