namespace Mesh.Xds.Server;

/// <summary>A client rejected a response (a request carrying <c>error_detail</c>): it keeps the last version it accepted.</summary>
public sealed class XdsNackEventArgs : EventArgs
{
    /// <summary>Creates the event data.</summary>
    /// <param name="node">The client.</param>
    /// <param name="nodeGroup">The node group whose snapshot the stream serves.</param>
    /// <param name="type">The resource type rejected.</param>
    /// <param name="rejectedVersion">The version the client rejected (the last one sent), or empty when unknown.</param>
    /// <param name="keptVersion">The version the client still runs (its request's <c>version_info</c>), or empty for none.</param>
    /// <param name="errorCode">The <c>google.rpc.Status</c> code of the error detail.</param>
    /// <param name="errorMessage">The client's error message.</param>
    /// <param name="delta">Whether the stream is incremental (delta) rather than state of the world.</param>
    public XdsNackEventArgs(XdsNode node, string nodeGroup, XdsResourceType type, string rejectedVersion, string keptVersion, int errorCode, string errorMessage, bool delta)
    {
        Node = node;
        NodeGroup = nodeGroup;
        Type = type;
        RejectedVersion = rejectedVersion;
        KeptVersion = keptVersion;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
        Delta = delta;
    }

    /// <summary>The client.</summary>
    public XdsNode Node { get; }

    /// <summary>The node group whose snapshot the stream serves.</summary>
    public string NodeGroup { get; }

    /// <summary>The resource type rejected.</summary>
    public XdsResourceType Type { get; }

    /// <summary>The version the client rejected (for a delta stream, the snapshot's system version), or empty when unknown.</summary>
    public string RejectedVersion { get; }

    /// <summary>The version the client still runs (a state-of-the-world request's <c>version_info</c>), or empty.</summary>
    public string KeptVersion { get; }

    /// <summary>The <c>google.rpc.Status</c> code of the error detail.</summary>
    public int ErrorCode { get; }

    /// <summary>The client's error message.</summary>
    public string ErrorMessage { get; }

    /// <summary>Whether the stream is incremental (delta) rather than state of the world.</summary>
    public bool Delta { get; }
}
