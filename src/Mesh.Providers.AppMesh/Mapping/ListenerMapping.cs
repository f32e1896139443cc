using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.AppMesh.Resources;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>A listener's <c>portMapping</c> (node and router alike) → a port and its protocol; bad input is reported, never thrown.</summary>
internal static class ListenerMapping
{
    /// <summary>The App Mesh protocol names and the model's protocols.</summary>
    public static IReadOnlyDictionary<string, Protocol> Protocols { get; } = new Dictionary<string, Protocol>(StringComparer.Ordinal)
    {
        ["http"] = Protocol.Http,
        ["http2"] = Protocol.Http2,
        ["grpc"] = Protocol.Grpc,
        ["tcp"] = Protocol.Tcp,
    };

    /// <summary>The port and protocol of <paramref name="mapping"/> at <paramref name="path"/> (the portMapping), or null when invalid.</summary>
    public static (int Port, Protocol Protocol)? ToModel(PortMapping? mapping, string source, string path, ImportContext ctx)
    {
        if (mapping is null)
        {
            ctx.Invalid(source, path, "A listener needs a portMapping.");
            return null;
        }
        if (mapping.Port is not { } port || port is < 1 or > 65535)
        {
            ctx.Invalid(source, path + ".port", "A listener needs a port between 1 and 65535.");
            return null;
        }
        if (mapping.Protocol is null || !Protocols.TryGetValue(mapping.Protocol, out var protocol))
        {
            ctx.Invalid(source, path + ".protocol", $"Unknown listener protocol '{mapping.Protocol}' (App Mesh takes http, http2, grpc or tcp).");
            return null;
        }
        return (port, protocol);
    }
}

/// <summary>A node's listener policies: the connection pool and outlier detection the model holds once per target.</summary>
internal static class ListenerPolicyMapping
{
    /// <summary>
    /// The node's one connection pool and outlier detection. The export writes the model's pool on each listener as that
    /// listener's protocol takes it (http: connections and pending requests; http2 and grpc: requests; tcp: connections), so the
    /// listeners' pools are merged field by field; two listeners that set one field differently, or outlier detections that
    /// differ, are reported and the first is kept (the model has one destination policy per target, not per port).
    /// </summary>
    public static (Model.ConnectionPool? Pool, Model.OutlierDetection? Outlier) ToModel(NodeInfo node, ImportContext ctx)
    {
        var source = node.Document.Source;
        Model.ConnectionPool? pool = null;
        Model.OutlierDetection? outlier = null;
        var outlierSet = false;
        foreach (var listener in node.Listeners)
        {
            var path = $"$.spec.listeners[{listener.Index}]";
            var p = ConnectionPoolMapping.ToModel(listener.Listener.ConnectionPool, listener.Protocol, source, path + ".connectionPool", ctx);
            var o = OutlierDetectionMapping.ToModel(listener.Listener.OutlierDetection, source, path + ".outlierDetection", ctx);
            if (p is not null)
            {
                if (pool is null) pool = p;
                else if (Conflicts(pool.MaxConnections, p.MaxConnections) || Conflicts(pool.MaxPendingRequests, p.MaxPendingRequests) || Conflicts(pool.MaxRequests, p.MaxRequests))
                {
                    ctx.NotImported(source, path + ".connectionPool", "The model has one connection pool per workload: this listener sets a limit another listener sets differently; the first listener's value was kept.");
                }
                else
                {
                    pool = pool with { MaxConnections = pool.MaxConnections ?? p.MaxConnections, MaxPendingRequests = pool.MaxPendingRequests ?? p.MaxPendingRequests, MaxRequests = pool.MaxRequests ?? p.MaxRequests };
                }
            }
            if (!outlierSet) (outlier, outlierSet) = (o, true);
            else if (o != outlier) ctx.NotImported(source, path + ".outlierDetection", "The model has one outlier detection per workload; the first listener's was kept.");
        }
        return (pool, outlier);
    }

    private static bool Conflicts(int? a, int? b) => a is not null && b is not null && a != b;
}
