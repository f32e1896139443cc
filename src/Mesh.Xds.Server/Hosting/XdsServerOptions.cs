namespace Mesh.Xds.Server;

/// <summary>Options of the ADS server (<c>AddXdsServer(o => …)</c>, or the <see cref="XdsSnapshotCache"/> constructor).</summary>
public sealed class XdsServerOptions
{
    /// <summary>
    /// Maps a client to the key its snapshot is stored under. Clients that receive the same configuration (same kind,
    /// namespace, service, labels) can share one group, and so one snapshot encoded once.
    /// </summary>
    /// <value>The node id: one snapshot per node.</value>
    public Func<XdsNode, string> NodeGroup { get; set; } = static node => node.Id;

    /// <summary>
    /// How many requests of one stream may wait to be handled before the server stops reading from that client (flow
    /// control then slows the client down). Snapshot changes never queue: a stream that falls behind skips to the latest.
    /// </summary>
    /// <value>16.</value>
    public int RequestQueueCapacity { get; set; } = 16;

    /// <summary>
    /// How many resource names one stream may hold for one resource type: the <c>resource_names</c> of a
    /// state-of-the-world request, the subscriptions of a delta stream (they add up over its requests) and the
    /// <c>initial_resource_versions</c> of a delta request. A request beyond it ends the stream with
    /// <c>RESOURCE_EXHAUSTED</c> and a warning in the log, so no client makes the server hold an unbounded set of names.
    /// Raise it only for a mesh whose proxies really name more resources of one type.
    /// </summary>
    /// <value>100,000.</value>
    public int MaxResourceNamesPerType { get; set; } = 100_000;

    internal IEnumerable<string> Problems()
    {
        if (NodeGroup is null) yield return "NodeGroup must be set.";
        if (RequestQueueCapacity < 1) yield return $"RequestQueueCapacity must be at least 1 (was {RequestQueueCapacity}).";
        if (MaxResourceNamesPerType < 1) yield return $"MaxResourceNamesPerType must be at least 1 (was {MaxResourceNamesPerType}).";
    }
}
