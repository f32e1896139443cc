namespace Mesh.Model;

/// <summary>What a <see cref="GatewayListener"/> accepts.</summary>
public enum ListenerProtocol
{
    /// <summary>Plaintext HTTP (HTTP/1.1 and HTTP/2 with prior knowledge); routed by <see cref="GatewayRoute"/>s.</summary>
    Http,

    /// <summary>HTTP over TLS that the gateway terminates; routed by <see cref="GatewayRoute"/>s.</summary>
    Https,

    /// <summary>TLS, terminated by the gateway or passed through by SNI.</summary>
    Tls,

    /// <summary>Opaque TCP.</summary>
    Tcp,
}
