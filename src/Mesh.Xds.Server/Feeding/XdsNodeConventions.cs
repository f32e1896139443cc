using System.Globalization;
using System.Text;
using Mesh.Collections;
using Mesh.Model;

namespace Mesh.Xds.Server;

/// <summary>
/// How a client describes itself, read as an <see cref="XdsProxy"/>, and the node group of clients that receive the
/// same configuration. Node metadata (the bootstrap's <c>node.metadata</c>) may carry <c>NAMESPACE</c>, <c>SERVICE</c>
/// (<c>name.namespace</c>, a sidecar's own service), <c>PROXYLESS</c> (<c>true</c>), <c>GATEWAY</c> (<c>namespace/name</c>, or
/// <c>name</c> in <c>NAMESPACE</c>: the model's gateway a gateway proxy runs) and <c>label.&lt;key&gt;</c> entries
/// (workload labels); key case is ignored.
/// </summary>
public static class XdsNodeConventions
{
    /// <summary>The namespace a client is in when it says nothing.</summary>
    public const string DefaultNamespace = "default";

    /// <summary>
    /// The proxy a client is: a gateway proxy when its metadata names a <c>GATEWAY</c>, proxyless gRPC when it says
    /// <c>PROXYLESS: true</c> or its user agent is a gRPC library (<c>gRPC …</c>, <c>grpc-…</c>), else an Envoy sidecar. The namespace comes from <c>NAMESPACE</c>, else from an
    /// Istio-style node id (<c>sidecar~10.0.0.7~pod.namespace~…</c>), else <see cref="DefaultNamespace"/>.
    /// </summary>
    /// <param name="node">The client.</param>
    /// <returns>The proxy to encode for.</returns>
    public static XdsProxy ToProxy(XdsNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var ns = Meta(node, "NAMESPACE") ?? NamespaceFromId(node.Id) ?? DefaultNamespace;
        var labels = new EquatableMap<string>(node.Metadata
            .Where(m => m.Key.StartsWith("label.", StringComparison.OrdinalIgnoreCase) && m.Key.Length > "label.".Length)
            .Select(m => new KeyValuePair<string, string>(m.Key["label.".Length..], m.Value)));
        if (Meta(node, "GATEWAY") is { } gateway)
        {
            var slash = gateway.IndexOf('/', StringComparison.Ordinal);
            return (slash < 0 ? XdsProxy.Gateway(node.Id, ns, gateway, labels) : XdsProxy.Gateway(node.Id, gateway[..slash], gateway[(slash + 1)..], labels)) with { Locality = node.Locality };
        }
        var proxyless = string.Equals(Meta(node, "PROXYLESS"), "true", StringComparison.OrdinalIgnoreCase)
            || node.UserAgentName.StartsWith("grpc", StringComparison.OrdinalIgnoreCase);
        if (proxyless) return XdsProxy.ProxylessGrpc(node.Id, ns) with { Locality = node.Locality };
        ServiceRef? service = ServiceRef.TryParse(Meta(node, "SERVICE"), out var own) ? own : null;
        return XdsProxy.Sidecar(node.Id, ns, service, labels) with { Locality = node.Locality };
    }

    /// <summary>
    /// A node group for <see cref="XdsServerOptions.NodeGroup"/>: clients whose <see cref="ToProxy"/> differs only in the
    /// node id share it, and so share one snapshot (the encoder's output does not depend on the id).
    /// </summary>
    /// <param name="node">The client.</param>
    /// <returns>The group key.</returns>
    public static string ShapeOf(XdsNode node)
    {
        var proxy = ToProxy(node);
        var key = new StringBuilder();
        key.Append(proxy.Kind switch { XdsProxyKind.ProxylessGrpc => "grpc", XdsProxyKind.Gateway => "gateway", _ => "sidecar" }).Append('|').Append(proxy.Namespace);
        if (proxy.GatewayName is { } gatewayName) key.Append('/').Append(gatewayName);
        key.Append('|').Append(proxy.Service?.ToString());
        key.Append('|').Append(string.Join(",", proxy.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")));
        if (proxy.Locality is { } l) key.Append('|').Append(CultureInfo.InvariantCulture, $"{l.Region}/{l.Zone}/{l.SubZone}");
        return key.ToString();
    }

    private static string? Meta(XdsNode node, string key) =>
        node.Metadata.FirstOrDefault(m => string.Equals(m.Key, key, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } value ? value : null;

    private static string? NamespaceFromId(string id)
    {
        var parts = id.Split('~');
        if (parts.Length < 3) return null;
        var dot = parts[2].IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && dot < parts[2].Length - 1 ? parts[2][(dot + 1)..] : null;
    }
}
