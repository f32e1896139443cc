using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using Mesh.Xds.Server.Cache;
using Mesh.Xds.Server.Diagnostics;
using Mesh.Xds.Server.Protocol;
using Mesh.Xds.Server.Streams;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mesh.Xds.Server;

/// <summary>
/// The snapshots the ADS server serves, one per node group (<see cref="XdsServerOptions.NodeGroup"/>; the node id by
/// default). <see cref="SetSnapshot"/> pushes to every open stream of the group; a stream opened later gets the group's
/// current snapshot. The cache holds nothing that is not derived from the snapshots it is given, so replicas fed the same
/// inputs serve the same bytes with the same versions. Thread-safe.
/// </summary>
public sealed class XdsSnapshotCache : IDisposable
{
    private readonly ConcurrentDictionary<string, NodeGroupState> _groups = new(StringComparer.Ordinal);
    private int _streamCount;

    /// <summary>Creates a cache.</summary>
    /// <param name="options">The server options, or null for the defaults.</param>
    /// <param name="loggerFactory">Where logs go, or null for none.</param>
    /// <param name="meterFactory">Creates the <see cref="XdsServerTelemetry.MeterName"/> meter, or null to create it directly.</param>
    public XdsSnapshotCache(XdsServerOptions? options = null, ILoggerFactory? loggerFactory = null, IMeterFactory? meterFactory = null)
    {
        Options = options ?? new XdsServerOptions();
        var problems = Options.Problems().ToList();
        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems), nameof(options));
        Logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Mesh.Xds.Server");
        Metrics = new ServerMetrics(meterFactory);
    }

    /// <summary>The options.</summary>
    public XdsServerOptions Options { get; }

    internal ILogger Logger { get; }

    internal ServerMetrics Metrics { get; }

    internal NonceSource Nonces { get; } = new();

    /// <summary>Raised when a client rejects a response (NACK). Handlers run on the stream's thread: keep them short.</summary>
    public event EventHandler<XdsNackEventArgs>? Nack;

    /// <summary>Raised when a client accepts a response (ACK): rollout progress per node and type. Handlers run on the stream's thread.</summary>
    public event EventHandler<XdsAckEventArgs>? Ack;

    /// <summary>Raised when a stream opens, before the group's snapshot is looked up; a handler may call <see cref="SetSnapshot"/>.</summary>
    public event EventHandler<XdsNodeConnectedEventArgs>? NodeConnected;

    /// <summary>How many ADS streams are open.</summary>
    public int StreamCount => Volatile.Read(ref _streamCount);

    /// <summary>The groups that have a snapshot.</summary>
    public IReadOnlyCollection<string> NodeGroups => [.. _groups.Where(g => g.Value.Snapshot is not null).Select(g => g.Key).Order(StringComparer.Ordinal)];

    /// <summary>The group a client belongs to.</summary>
    /// <param name="node">The client.</param>
    /// <returns>Its group key.</returns>
    public string NodeGroupOf(XdsNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return Options.NodeGroup(node);
    }

    /// <summary>Sets a group's snapshot and pushes it to every open stream of the group (only what changed for them).</summary>
    /// <param name="nodeGroup">The group key.</param>
    /// <param name="snapshot">The snapshot.</param>
    public void SetSnapshot(string nodeGroup, XdsSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(nodeGroup);
        ArgumentNullException.ThrowIfNull(snapshot);
        var setAt = Stopwatch.GetTimestamp();
        var group = _groups.GetOrAdd(nodeGroup, static _ => new NodeGroupState());
        ServedSnapshot served;
        IAdsStream[] streams;
        lock (group.Gate)
        {
            if (ReferenceEquals(group.Snapshot?.Snapshot, snapshot)) return;
            served = new ServedSnapshot(snapshot, setAt, group.Snapshot, Metrics);
            group.Snapshot = served;
            streams = group.Streams;
        }
        Log.SnapshotSet(Logger, nodeGroup, streams.Length);
        foreach (var stream in streams) stream.Push(served);
    }

    /// <summary>A group's current snapshot.</summary>
    /// <param name="nodeGroup">The group key.</param>
    /// <param name="snapshot">The snapshot when there is one.</param>
    /// <returns>Whether the group has a snapshot.</returns>
    public bool TryGetSnapshot(string nodeGroup, [NotNullWhen(true)] out XdsSnapshot? snapshot)
    {
        ArgumentNullException.ThrowIfNull(nodeGroup);
        snapshot = _groups.TryGetValue(nodeGroup, out var group) ? group.Snapshot?.Snapshot : null;
        return snapshot is not null;
    }

    /// <summary>Forgets a group's snapshot; its open streams keep what they were sent and get the next snapshot set.</summary>
    /// <param name="nodeGroup">The group key.</param>
    /// <returns>Whether the group had a snapshot.</returns>
    public bool RemoveSnapshot(string nodeGroup)
    {
        ArgumentNullException.ThrowIfNull(nodeGroup);
        if (!_groups.TryGetValue(nodeGroup, out var group)) return false;
        lock (group.Gate)
        {
            var had = group.Snapshot is not null;
            group.Snapshot = null;
            if (group.Streams.Length == 0) _groups.TryRemove(new KeyValuePair<string, NodeGroupState>(nodeGroup, group));
            return had;
        }
    }

    /// <summary>Registers a stream with its group; returns the group's snapshot, if any.</summary>
    internal ServedSnapshot? Attach(XdsNode node, string nodeGroup, IAdsStream stream)
    {
        NodeGroupState group;
        while (true)
        {
            group = _groups.GetOrAdd(nodeGroup, static _ => new NodeGroupState());
            lock (group.Gate)
            {
                // A group removed between the lookup and the lock is looked up again.
                if (!_groups.TryGetValue(nodeGroup, out var current) || !ReferenceEquals(current, group)) continue;
                group.Streams = [.. group.Streams, stream];
                break;
            }
        }
        Interlocked.Increment(ref _streamCount);
        NodeConnected?.Invoke(this, new XdsNodeConnectedEventArgs(node, nodeGroup, group.Snapshot is not null));
        lock (group.Gate) return group.Snapshot;
    }

    internal void Detach(string nodeGroup, IAdsStream stream)
    {
        if (!_groups.TryGetValue(nodeGroup, out var group)) return;
        bool idle;
        lock (group.Gate)
        {
            group.Streams = [.. group.Streams.Where(s => !ReferenceEquals(s, stream))];
            idle = group.Streams.Length == 0;
            if (idle && group.Snapshot is null) _groups.TryRemove(new KeyValuePair<string, NodeGroupState>(nodeGroup, group));
        }
        Interlocked.Decrement(ref _streamCount);
        if (idle) GroupIdle?.Invoke(nodeGroup);
    }

    /// <summary>Raised when the last open stream of a group closes (the feed forgets groups nobody is connected to).</summary>
    internal event Action<string>? GroupIdle;

    /// <summary>Forgets a group and its snapshot if no stream is open on it, atomically with respect to streams attaching.</summary>
    internal bool RemoveIfIdle(string nodeGroup)
    {
        if (!_groups.TryGetValue(nodeGroup, out var group)) return true;
        lock (group.Gate)
        {
            if (group.Streams.Length > 0) return false;
            group.Snapshot = null;
            _groups.TryRemove(new KeyValuePair<string, NodeGroupState>(nodeGroup, group));
            return true;
        }
    }

    internal void RaiseAck(XdsAckEventArgs ack) => Ack?.Invoke(this, ack);

    internal void RaiseNack(XdsNackEventArgs nack)
    {
        Metrics.Nacked(nack.Type);
        Log.Nack(Logger, nack.Node.Id, XdsTypeUrls.Of(nack.Type), nack.RejectedVersion, Log.Clip(nack.KeptVersion), Log.Clip(nack.ErrorMessage));
        Nack?.Invoke(this, nack);
    }

    /// <summary>Disposes the meter when the cache created it.</summary>
    public void Dispose() => Metrics.Dispose();
}
