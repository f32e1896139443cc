namespace Mesh.Xds.Server;

/// <summary>A client accepted a response (ACK): it now runs <see cref="Version"/> of <see cref="Type"/>.</summary>
public sealed class XdsAckEventArgs : EventArgs
{
    /// <summary>Creates the event data.</summary>
    /// <param name="node">The client.</param>
    /// <param name="nodeGroup">The node group whose snapshot the stream serves.</param>
    /// <param name="type">The resource type.</param>
    /// <param name="version">The version accepted (for a delta stream, the snapshot's system version).</param>
    /// <param name="delta">Whether the stream is incremental (delta) rather than state of the world.</param>
    public XdsAckEventArgs(XdsNode node, string nodeGroup, XdsResourceType type, string version, bool delta)
    {
        Node = node;
        NodeGroup = nodeGroup;
        Type = type;
        Version = version;
        Delta = delta;
    }

    /// <summary>The client.</summary>
    public XdsNode Node { get; }

    /// <summary>The node group whose snapshot the stream serves.</summary>
    public string NodeGroup { get; }

    /// <summary>The resource type.</summary>
    public XdsResourceType Type { get; }

    /// <summary>The version accepted (for a delta stream, the snapshot's system version).</summary>
    public string Version { get; }

    /// <summary>Whether the stream is incremental (delta) rather than state of the world.</summary>
    public bool Delta { get; }
}
