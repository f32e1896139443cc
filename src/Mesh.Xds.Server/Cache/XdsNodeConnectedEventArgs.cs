namespace Mesh.Xds.Server;

/// <summary>
/// A stream opened for a client. A host that builds snapshots on demand handles it by calling
/// <see cref="XdsSnapshotCache.SetSnapshot"/> for <see cref="NodeGroup"/> when <see cref="HasSnapshot"/> is false.
/// </summary>
public sealed class XdsNodeConnectedEventArgs : EventArgs
{
    /// <summary>Creates the event data.</summary>
    /// <param name="node">The client.</param>
    /// <param name="nodeGroup">The node group it belongs to.</param>
    /// <param name="hasSnapshot">Whether the group already has a snapshot.</param>
    public XdsNodeConnectedEventArgs(XdsNode node, string nodeGroup, bool hasSnapshot)
    {
        Node = node;
        NodeGroup = nodeGroup;
        HasSnapshot = hasSnapshot;
    }

    /// <summary>The client.</summary>
    public XdsNode Node { get; }

    /// <summary>The node group it belongs to.</summary>
    public string NodeGroup { get; }

    /// <summary>Whether the group already has a snapshot.</summary>
    public bool HasSnapshot { get; }
}
