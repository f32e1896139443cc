using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Analysis.Checks;

/// <summary>
/// An HTTP route and a TCP route claiming the same host on the same port: a TCP route without a port, or on a port of an
/// HTTP family, takes traffic the HTTP route also claims, and which one wins differs between meshes. Two HTTP routes (or two
/// TCP routes) for one host are the validator's (MESH2012).
/// </summary>
internal static class HostClaims
{
    public static void Check(AnalysisContext ctx)
    {
        foreach (var (t, tcp) in AnalysisContext.Items(ctx.Config.TcpRoutes))
        {
            foreach (var (h, http) in AnalysisContext.Items(ctx.Config.Routes))
            {
                if (http.Host != tcp.Host) continue;
                var ports = ctx.Service(tcp.Host)?.Ports.Where(p => p is not null).ToList() ?? [];
                string? clash = null;
                if (tcp.Port is null) clash = "every port of it (the TCP route names none)";
                else if (ports.Find(p => p.Port == tcp.Port) is { Protocol: Protocol.Http or Protocol.Http2 or Protocol.Grpc } port) clash = $"port {port.Port} ({port.Protocol.ToString().ToLowerInvariant()})";
                if (clash is null) continue;
                ctx.Warning(
                    DiagnosticCodes.HostClaimedTwice,
                    $"$.spec.tcpRoutes[{t}]",
                    $"The TCP route '{tcp.Namespace}/{tcp.Name}' and the HTTP route '{http.Namespace}/{http.Name}' ($.spec.routes[{h}]) both claim host '{tcp.Host}' on {clash}; " +
                    "which one takes the traffic depends on the mesh. Give the TCP route a port the HTTP route does not serve.");
                break;
            }
        }
    }
}
