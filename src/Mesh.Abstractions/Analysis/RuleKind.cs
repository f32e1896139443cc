namespace Mesh.Analysis;

/// <summary>The kind of route a rule belongs to.</summary>
public enum RuleKind
{
    /// <summary>A rule of an HTTP route (<c>spec.routes[i].rules[j]</c>), also HTTP/2 and gRPC.</summary>
    Http,

    /// <summary>A TCP route (<c>spec.tcpRoutes[i]</c>): one weighted split of connections, on one port or every port of the host.</summary>
    Tcp,

    /// <summary>A rule of a gateway route (<c>spec.gatewayRoutes[i].rules[j]</c>) for one gateway (or listener) and host name.</summary>
    Gateway,

    /// <summary>A gateway TLS route (<c>spec.gatewayTlsRoutes[i]</c>) for one gateway (or listener) and server name.</summary>
    GatewayTls,

    /// <summary>A gateway TCP route (<c>spec.gatewayTcpRoutes[i]</c>) for one gateway (or listener).</summary>
    GatewayTcp,
}
