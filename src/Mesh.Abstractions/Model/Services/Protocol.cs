namespace Mesh.Model;

/// <summary>The application protocol of a port. YAML names are lower case (<c>http</c>, <c>http2</c>, <c>grpc</c>, <c>tcp</c>, <c>tls</c>).</summary>
public enum Protocol
{
    /// <summary>HTTP/1.1.</summary>
    Http,

    /// <summary>HTTP/2 (cleartext or inside mesh mTLS).</summary>
    Http2,

    /// <summary>gRPC over HTTP/2.</summary>
    Grpc,

    /// <summary>Opaque TCP.</summary>
    Tcp,

    /// <summary>TLS passed through (SNI routing only).</summary>
    Tls,
}
