using Mesh.Providers.Consul.Translation;

namespace Mesh.Providers.Consul.Mapping;

/// <summary>TCP routes: Consul's routers and splitters are L7 only, so a TCP route to anything but its own host is not expressible.</summary>
internal static class TcpRouteMapping
{
    public static void Report(ConsulExportContext ctx)
    {
        var routes = ctx.Config.TcpRoutes;
        for (var i = 0; i < routes.Count; i++)
        {
            var route = routes[i];
            if (route.Backends.Count == 1 && route.Backends[0].Service == route.Host && route.Backends[0].Subset is null) continue;
            ctx.UnsupportedOnce($"$.spec.tcpRoutes[{i}]", "Consul's ServiceRouter and ServiceSplitter are L7 only: TCP traffic cannot be split or routed.");
        }
    }
}
