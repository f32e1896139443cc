using Mesh.Model;

namespace Mesh.Providers.Linkerd.Mapping;

/// <summary>A service port's protocol as a Server's <c>proxyProtocol</c>, and back.</summary>
internal static class ProxyProtocols
{
    public static string Of(Protocol protocol) => protocol switch
    {
        Protocol.Http => "HTTP/1",
        Protocol.Http2 => "HTTP/2",
        Protocol.Grpc => "gRPC",
        Protocol.Tls => "TLS",
        _ => "opaque",
    };

    /// <summary>The model protocol of <paramref name="proxyProtocol"/>; <c>unknown</c> (or absent: detection) reads as HTTP, which detection finds first.</summary>
    public static Protocol? Parse(string? proxyProtocol) => proxyProtocol switch
    {
        null or "unknown" or "HTTP/1" => Protocol.Http,
        "HTTP/2" => Protocol.Http2,
        "gRPC" => Protocol.Grpc,
        "TLS" => Protocol.Tls,
        "opaque" => Protocol.Tcp,
        _ => null,
    };
}
