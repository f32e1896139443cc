namespace Mesh.Model;

/// <summary>How a <see cref="GatewayListener"/> handles TLS.</summary>
public enum GatewayTlsMode
{
    /// <summary>The gateway terminates TLS with its certificate (Istio <c>SIMPLE</c>, Gateway API <c>Terminate</c>).</summary>
    Terminate,

    /// <summary>The gateway terminates TLS and requires a client certificate signed by the listener's CA (Istio <c>MUTUAL</c>).</summary>
    Mutual,

    /// <summary>The gateway forwards the TLS stream unopened, choosing the route by SNI (Istio and Gateway API <c>Passthrough</c>).</summary>
    Passthrough,
}
