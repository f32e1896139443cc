using Mesh.Xds.Server.Streams;

namespace Mesh.Xds.Server.Cache;

/// <summary>One node group: its current snapshot and its open streams (an array replaced on change, so pushes iterate without a lock).</summary>
internal sealed class NodeGroupState
{
    public object Gate { get; } = new();

    public ServedSnapshot? Snapshot { get; set; }

    public IAdsStream[] Streams { get; set; } = [];
}
