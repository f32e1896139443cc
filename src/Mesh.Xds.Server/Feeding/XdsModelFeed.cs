using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Xds.Server;

/// <summary>
/// Feeds an <see cref="XdsSnapshotCache"/> from one model and its endpoints: a node group gets its snapshot when its
/// first client connects (built for the proxy <c>proxyOf</c> makes of that client), and <see cref="Update"/> re-encodes
/// every group and pushes what changed. A group is forgotten, snapshot included, when its last stream closes, and built
/// again when a client of it connects: memory and the cost of an update grow with the groups connected now, not with
/// every node id or shape a client ever sent. Everything served is derived from the two inputs, so replicas fed the same
/// files serve the same bytes. Thread-safe.
/// </summary>
public sealed class XdsModelFeed : IDisposable
{
    private readonly XdsSnapshotCache _cache;
    private readonly XdsEncoder _encoder;
    private readonly Func<XdsNode, XdsProxy> _proxyOf;
    private readonly Dictionary<string, XdsProxy> _groups = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private MeshConfig? _model;
    private EndpointSnapshot? _endpoints;

    /// <summary>Creates a feed and starts answering the cache's new node groups.</summary>
    /// <param name="cache">The cache to feed.</param>
    /// <param name="encoder">The encoder, or null for one with default options.</param>
    /// <param name="proxyOf">Maps a client to the proxy to encode for, or null for <see cref="XdsNodeConventions.ToProxy"/>.</param>
    public XdsModelFeed(XdsSnapshotCache cache, XdsEncoder? encoder = null, Func<XdsNode, XdsProxy>? proxyOf = null)
    {
        ArgumentNullException.ThrowIfNull(cache);
        _cache = cache;
        _encoder = encoder ?? new XdsEncoder();
        _proxyOf = proxyOf ?? XdsNodeConventions.ToProxy;
        _cache.NodeConnected += OnNodeConnected;
        _cache.GroupIdle += OnGroupIdle;
    }

    /// <summary>The node groups the feed builds snapshots for: those with a stream open.</summary>
    public int NodeGroupCount
    {
        get { lock (_gate) return _groups.Count; }
    }

    /// <summary>
    /// Replaces the inputs and re-encodes the snapshot of every group seen so far. A group whose build has errors keeps
    /// the snapshot it has (its clients keep running the last good configuration).
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="endpoints">The endpoints.</param>
    /// <returns>The diagnostics of every build, without duplicates.</returns>
    public IReadOnlyList<Diagnostic> Update(MeshConfig model, EndpointSnapshot endpoints)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(endpoints);
        lock (_gate)
        {
            _model = model;
            _endpoints = endpoints;
            var diagnostics = new List<Diagnostic>();
            foreach (var (group, proxy) in _groups) diagnostics.AddRange(Build(group, proxy));
            return [.. diagnostics.Distinct()];
        }
    }

    private void OnNodeConnected(object? sender, XdsNodeConnectedEventArgs e)
    {
        if (e.HasSnapshot) return;
        lock (_gate)
        {
            if (!_groups.TryGetValue(e.NodeGroup, out var proxy)) _groups[e.NodeGroup] = proxy = _proxyOf(e.Node);
            if (!_cache.TryGetSnapshot(e.NodeGroup, out _)) Build(e.NodeGroup, proxy);
        }
    }

    private void OnGroupIdle(string group)
    {
        lock (_gate)
        {
            if (_groups.ContainsKey(group) && _cache.RemoveIfIdle(group)) _groups.Remove(group);
        }
    }

    private IReadOnlyList<Diagnostic> Build(string group, XdsProxy proxy)
    {
        if (_model is null || _endpoints is null) return [];
        var built = _encoder.Build(_model, _endpoints, proxy);
        if (built.Snapshot is { } snapshot) _cache.SetSnapshot(group, snapshot);
        return built.Diagnostics;
    }

    /// <summary>Stops answering new node groups.</summary>
    public void Dispose()
    {
        _cache.NodeConnected -= OnNodeConnected;
        _cache.GroupIdle -= OnGroupIdle;
    }
}
