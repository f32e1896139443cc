using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Resources;

namespace Mesh.Providers.GatewayApi.Export;

/// <summary>
/// Model TCP routes → <c>TCPRoute</c>s: the host Service is the one parent, on the route's port or, for a route
/// without a port (every port of the host), without one; the weighted backends are the one rule's <c>backendRefs</c>.
/// </summary>
public static class TcpRouteExporter
{
    /// <summary>The TCPRoutes of <paramref name="config"/>, written as <paramref name="apiVersion"/>, sorted by namespace and name, each with the index of its model route.</summary>
    public static List<(int Index, Resources.TcpRoute Route)> Export(MeshConfig config, RouteExportContext ctx, string apiVersion)
    {
        var written = new SortedDictionary<(string Namespace, string Name), (int, Resources.TcpRoute)>(OrdinalKeyComparer.Instance);
        for (var i = 0; i < config.TcpRoutes.Count; i++)
        {
            var route = config.TcpRoutes[i];
            var path = $"$.spec.tcpRoutes[{i}]";
            if (written.ContainsKey((route.Namespace, route.Name)))
            {
                ctx.Unsupported(path, $"Another TCP route is already written as TCPRoute '{route.Namespace}/{route.Name}'; this TCP route is not written.");
                continue;
            }
            if (Route(route, path, ctx, apiVersion) is { } resource) written[(route.Namespace, route.Name)] = (i, resource);
        }
        return [.. written.Values];
    }

    /// <summary>One model TCP route as a TCPRoute, or null (reported) when it has no backend to write.</summary>
    public static Resources.TcpRoute? Route(Model.TcpRoute route, string path, RouteExportContext ctx, string apiVersion)
    {
        if (route.Backends.IsEmpty)
        {
            ctx.Unsupported($"{path}.backends", "A TCPRoute rule needs at least one backendRef and this TCP route has none; it is not written.");
            return null;
        }
        var backends = new List<BackendRef>(route.Backends.Count);
        for (var i = 0; i < route.Backends.Count; i++)
        {
            var b = route.Backends[i];
            if (b.Subset is not null) ctx.Unsupported($"{path}.backends[{i}].subset", $"TCPRoute backends are whole Services; subset '{b.Subset}' is not written.");
            backends.Add(new BackendRef
            {
                Name = b.Service.Name,
                Namespace = b.Service.Namespace == route.Namespace ? null : b.Service.Namespace,
                Port = b.Port ?? RouteExporter.BackendPort(b.Service, $"{path}.backends[{i}].port", ctx),
                // A single backend takes every connection: its weight is left out, as is the default weight 1.
                Weight = b.Weight == 1 || route.Backends.Count == 1 ? null : b.Weight,
            });
        }
        return new Resources.TcpRoute
        {
            ApiVersion = apiVersion,
            Metadata = new k8s.Models.V1ObjectMeta { Name = route.Name, NamespaceProperty = route.Namespace },
            Spec = new TcpRouteSpec
            {
                // Without a port a Service parentRef covers every port of the Service: the model's route without a port.
                ParentRefs = [new ParentReference { Group = string.Empty, Kind = "Service", Namespace = route.Host.Namespace == route.Namespace ? null : route.Host.Namespace, Name = route.Host.Name, Port = route.Port }],
                Rules = [new TcpRouteRule { BackendRefs = backends }],
            },
        };
    }
}
