using Mesh.Model;
using Mesh.Providers.Istio.Resources;
using Mesh.Providers.Istio.Translation;

namespace Mesh.Providers.Istio.Mapping;

/// <summary>
/// TCP routes ↔ <c>VirtualService</c> <c>tcp</c> rules: the route's port as the one <c>match</c>, its backends as the
/// weighted <c>route</c>; a rule matching several ports is read as one model route per port.
/// </summary>
internal static class TcpRouteMapping
{
    public static Resources.TcpRoute ToIstio(Model.TcpRoute route, string path, IstioExportContext ctx) => new()
    {
        Match = route.Port is { } port ? [new L4MatchAttributes { Port = port }] : null,
        Route = Lists.OrNull(BackendMapping.ToIstio(route.Backends, path, ctx, ".backends").ConvertAll(static b => new RouteDestination { Destination = b.Destination, Weight = b.Weight })),
    };

    /// <summary>
    /// Adds the routes of the <c>tcp</c> rules of VirtualService <paramref name="name"/> for <paramref name="host"/>: the first
    /// named after the VirtualService, the others <c>NAME-tcp-N</c>.
    /// </summary>
    public static void ToModel(List<Resources.TcpRoute> tcp, string name, string ns, ServiceRef host, string source, ModelBuilder model, IstioImportContext ctx)
    {
        var count = 0;
        for (var i = 0; i < tcp.Count; i++)
        {
            if (tcp[i] is not { } rule) continue;
            var path = $"$.spec.tcp[{i}]";
            var backends = BackendMapping.ToModel(rule.Route?.Select(r => (r?.Destination, r?.Weight)).ToList(), ns, source, $"{path}.route", ctx);
            if (backends.IsEmpty)
            {
                ctx.NotImported(source, path, "The TCP rule has no mesh-service destination; it was not imported.");
                continue;
            }
            var ports = rule.Match is { Count: > 0 } matches ? matches.Select(m => m?.Port).ToList() : [null];
            foreach (var port in ports)
            {
                var routeName = count++ == 0 ? name : $"{name}-tcp-{count - 1}";
                model.TcpRoutes.Add(new Model.TcpRoute { Name = routeName, Namespace = ns, Host = host, Port = port, Backends = backends });
            }
        }
    }
}
