using Mesh.Model;

namespace Mesh.Kubernetes;

/// <summary>
/// A Service port's <c>appProtocol</c> ↔ the model's <see cref="Protocol"/>: the values Kubernetes standardises
/// (<c>kubernetes.io/h2c</c>, <c>kubernetes.io/ws</c>, <c>kubernetes.io/wss</c>) and the IANA-style names meshes read
/// (<c>http</c>, <c>http2</c>, <c>grpc</c>, <c>tcp</c>, <c>tls</c>, <c>https</c>).
/// </summary>
public static class AppProtocols
{
    /// <summary>The protocol an <c>appProtocol</c> names, or null when it names none the model has (or is absent).</summary>
    /// <param name="appProtocol">The value.</param>
    /// <returns>The protocol, or null.</returns>
    public static Protocol? Parse(string? appProtocol) => appProtocol?.ToLowerInvariant() switch
    {
        "http" or "kubernetes.io/ws" => Protocol.Http,
        "http2" or "kubernetes.io/h2c" => Protocol.Http2,
        "grpc" => Protocol.Grpc,
        "tcp" or "linkerd.io/opaque" or "linkerd.io/tcp" => Protocol.Tcp,
        "tls" or "https" or "kubernetes.io/wss" => Protocol.Tls,
        _ => null,
    };

    /// <summary>The <c>appProtocol</c> written for a protocol: <c>http</c>, <c>kubernetes.io/h2c</c>, <c>grpc</c>, <c>tcp</c> or <c>tls</c>.</summary>
    /// <param name="protocol">The protocol.</param>
    /// <returns>The value.</returns>
    public static string Of(Protocol protocol) => protocol switch
    {
        Protocol.Http => "http",
        Protocol.Http2 => "kubernetes.io/h2c",
        Protocol.Grpc => "grpc",
        Protocol.Tls => "tls",
        _ => "tcp",
    };
}
