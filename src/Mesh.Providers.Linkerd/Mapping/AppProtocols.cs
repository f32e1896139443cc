using Mesh.Model;

namespace Mesh.Providers.Linkerd.Mapping;

/// <summary>
/// A Service port's <c>appProtocol</c> ↔ the model's protocol. Linkerd reads four values (<c>http</c>: HTTP/1,
/// <c>kubernetes.io/h2c</c>: HTTP/2, <c>linkerd.io/opaque</c> and its alias <c>linkerd.io/tcp</c>: opaque TCP) and detects the
/// protocol for any other; the other values the kit knows still say which application protocol the port speaks
/// (<c>grpc</c>, <c>http2</c>, <c>tcp</c>, <c>kubernetes.io/ws</c> over HTTP/1.1, <c>kubernetes.io/wss</c>, <c>https</c> and
/// <c>tls</c> as TLS).
/// </summary>
internal static class AppProtocols
{
    /// <summary>The ports Linkerd proxies opaquely when nothing says otherwise (its <c>proxy.opaquePorts</c> default): SMTP, MySQL, Galera, PostgreSQL, Redis, Elasticsearch, Memcached.</summary>
    public static IReadOnlySet<int> DefaultOpaquePorts { get; } = new SortedSet<int> { 25, 587, 3306, 4444, 5432, 6379, 9300, 11211 };

    /// <summary>Whether Linkerd itself acts on <paramref name="appProtocol"/> (for any other value it detects the protocol).</summary>
    public static bool IsReadByLinkerd(string appProtocol) => appProtocol is "http" or "kubernetes.io/h2c" or "linkerd.io/opaque" or "linkerd.io/tcp";

    /// <summary>The model protocol <paramref name="appProtocol"/> names (the kit's <see cref="Kubernetes.AppProtocols.Parse"/>, which knows Linkerd's values), or null for a value no protocol of the model is named by.</summary>
    public static Protocol? Parse(string? appProtocol) => Kubernetes.AppProtocols.Parse(appProtocol);

    /// <summary>The <c>appProtocol</c> the Services Mesh SDK writes for Linkerd give a port: opaque for TCP, the kit's value (<see cref="Kubernetes.AppProtocols.Of"/>) otherwise.</summary>
    public static string? Written(Protocol protocol) => protocol == Protocol.Tcp ? "linkerd.io/opaque" : Kubernetes.AppProtocols.Of(protocol);

    /// <summary>The <c>appProtocol</c> that makes Linkerd treat a port as <paramref name="protocol"/>, or null where detection is what Linkerd does (gRPC is detected as HTTP/2, TLS from the client is proxied opaquely).</summary>
    public static string? Of(Protocol protocol) => protocol switch
    {
        Protocol.Http => "http",
        Protocol.Http2 => "kubernetes.io/h2c",
        Protocol.Tcp => "linkerd.io/opaque",
        _ => null,
    };
}
