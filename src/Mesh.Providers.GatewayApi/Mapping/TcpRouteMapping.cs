using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Resources;
using Mesh.Providers.GatewayApi.Translation;

namespace Mesh.Providers.GatewayApi.Mapping;

/// <summary>
/// Model TCP routes ↔ <c>TCPRoute</c>s in mesh form: the host Service is the one parent, on the route's port or, for a route
/// without a port (every port of the host), without one; the weighted backends are the one rule's <c>backendRefs</c>.
/// TCPRoutes are read in <c>v1</c> and <c>v1alpha2</c>; a model TCP route has one port and one backend list, so further
/// parentRefs of the Service and further rules (<c>v1alpha2</c> allows 16; <c>v1</c> and Linkerd take one) are reported.
/// A TCPRoute whose parents are Gateways is a gateway TCP route when the import reads Gateways
/// (<see cref="ModelBuilder.ReadsGateways"/>, see <see cref="GatewayStreamRouteMapping"/>).
/// Public: meshes that route with Gateway API (Linkerd) write and read their TCP routes with it.
/// </summary>
public static class TcpRouteMapping
{
    /// <summary>Model → Gateway API: the TCPRoutes of <paramref name="config"/>, written as <paramref name="apiVersion"/>, sorted by namespace and name, each with the index of its model route.</summary>
    /// <param name="config">The model.</param>
    /// <param name="ctx">The translation's context: what cannot be written is reported to it.</param>
    /// <param name="apiVersion">The <c>apiVersion</c> written (<c>gateway.networking.k8s.io/v1</c>, or <c>v1alpha2</c> for implementations that serve only that).</param>
    /// <returns>The TCPRoutes with the index of their model TCP route.</returns>
    public static List<(int Index, Resources.TcpRoute Route)> ToGatewayApi(MeshConfig config, RouteExportContext ctx, string apiVersion) =>
        ToGatewayApi(config, ctx, apiVersion, static _ => true);

    /// <summary>
    /// Model → Gateway API: the TCPRoutes of the TCP routes of <paramref name="config"/> that <paramref name="include"/> takes,
    /// written as <paramref name="apiVersion"/>, sorted by namespace and name, each with the index of its model route; the others
    /// are left to the caller (nothing is reported for them), e.g. a mesh's TCP routes on services outside the cluster.
    /// </summary>
    /// <param name="config">The model.</param>
    /// <param name="ctx">The translation's context: what cannot be written is reported to it.</param>
    /// <param name="apiVersion">The <c>apiVersion</c> written.</param>
    /// <param name="include">Whether a TCP route is written here.</param>
    /// <returns>The TCPRoutes with the index of their model TCP route.</returns>
    public static List<(int Index, Resources.TcpRoute Route)> ToGatewayApi(MeshConfig config, RouteExportContext ctx, string apiVersion, Func<Model.TcpRoute, bool> include)
    {
        ArgumentNullException.ThrowIfNull(include);
        var written = new SortedDictionary<(string Namespace, string Name), (int, Resources.TcpRoute)>(OrdinalKeyComparer.Instance);
        for (var i = 0; i < config.TcpRoutes.Count; i++)
        {
            var route = config.TcpRoutes[i];
            if (!include(route)) continue;
            var path = $"$.spec.tcpRoutes[{i}]";
            if (written.ContainsKey((route.Namespace, route.Name)))
            {
                ctx.Unsupported(path, $"Another TCP route is already written as TCPRoute '{route.Namespace}/{route.Name}'; this TCP route is not written.");
                continue;
            }
            if (ToGatewayApi(route, path, ctx, apiVersion) is { } resource) written[(route.Namespace, route.Name)] = (i, Ownership.From(resource, ModelObjectNames.Of(route)));
        }
        return [.. written.Values];
    }

    /// <summary>One model TCP route as a TCPRoute, or null (reported) when it has no backend to write.</summary>
    private static Resources.TcpRoute? ToGatewayApi(Model.TcpRoute route, string path, RouteExportContext ctx, string apiVersion)
    {
        if (route.Backends.IsEmpty)
        {
            ctx.Unsupported($"{path}.backends", "A TCPRoute rule needs at least one backendRef and this TCP route has none; it is not written.");
            return null;
        }
        Span<int?> ports = route.Backends.Count <= 32 ? stackalloc int?[route.Backends.Count] : new int?[route.Backends.Count];
        Span<bool> kept = route.Backends.Count <= 32 ? stackalloc bool[route.Backends.Count] : new bool[route.Backends.Count];
        var written = 0;
        for (var i = 0; i < route.Backends.Count; i++)
        {
            var b = route.Backends[i];
            ports[i] = b.Port;
            // The route's port is the parent port a backend without one keeps (a route without a port has none to give).
            kept[i] = b.Port is not null || BackendMapping.TryPort(b.Service, route.Port, RefPath.TcpBackend(path, i), "backend", ctx, out ports[i]);
            if (kept[i]) written++;
        }
        var backends = new List<BackendRef>(written);
        for (var i = 0; i < route.Backends.Count; i++)
        {
            if (!kept[i]) continue;
            var b = route.Backends[i];
            var service = BackendMapping.Target(b.Service, b.Subset, RefPath.TcpBackend(path, i), ctx, "TCPRoute backends are whole Services; subset '{0}' is not written.");
            backends.Add(new BackendRef
            {
                Name = service.Name,
                Namespace = service.Namespace == route.Namespace ? null : service.Namespace,
                Port = ports[i],
                // A single backend takes every connection: its weight is left out, as is the default weight 1.
                Weight = b.Weight == 1 || written == 1 ? null : b.Weight,
            });
        }
        if (ctx.Dialect.ResolveBackendPorts && !backends.Exists(b => b.Weight is not 0))
        {
            ctx.Unsupported($"{path}.backends", "No backend of this TCP route with a share of connections can be written with the port a Service backendRef needs, so the TCPRoute is not written.");
            return null;
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

    /// <summary>Gateway API → model: imports the parent and rule of a TCPRoute named <paramref name="name"/> in <paramref name="ns"/> into <paramref name="model"/>, reporting every field not carried.</summary>
    /// <param name="routeSpec">The spec (null is read as empty).</param>
    /// <param name="name">The route's name.</param>
    /// <param name="ns">The route's namespace.</param>
    /// <param name="source">Its source name (<c>file#doc</c>).</param>
    /// <param name="model">The model being assembled.</param>
    /// <param name="ctx">The import's context.</param>
    public static void ToModel(TcpRouteSpec? routeSpec, string name, string ns, string source, ModelBuilder model, ImportContext ctx)
    {
        var spec = routeSpec ?? new TcpRouteSpec();
        var mark = model.References.Count;
        var what = $"TCPRoute '{ns}/{name}'";
        // With Gateways read, Gateway parents make a gateway TCP route, bound once every Gateway is read.
        var atGateways = model.ReadsGateways && spec.ParentRefs?.Any(GatewayRouteMapping.IsGateway) is true;
        if (atGateways)
        {
            model.PendingGatewayStreamRoutes.Add(new GatewayStreamRouteMapping.Pending(Resources.TcpRoute.KubeKind, null, spec.ParentRefs, spec.Rules?.Select(r => r?.BackendRefs ?? (r is null ? null : [])).ToList(), name, ns, source));
        }
        if (Parent(spec.ParentRefs, ns, source, ctx, model, what, atGateways) is not var (host, port))
        {
            if (spec.Rules is not null && !atGateways) ctx.NotImported(source, "$.spec.rules", "The route has no Service parent, so its rules have no place in the model (mesh routes attach to Services).");
            return;
        }
        var rules = spec.Rules ?? [];
        var first = rules.FindIndex(r => r is not null);
        if (first < 0)
        {
            ctx.NotImported(source, "$.spec", "The TCPRoute has no rule, so it routes no connection; it was not imported.");
            model.Forget(mark);
            return;
        }
        for (var i = first + 1; i < rules.Count; i++)
        {
            if (rules[i] is null) continue;
            ctx.NotImported(source, $"$.spec.rules[{i}]", "A model TCP route has one list of backends (TCPRoute v1, and Linkerd, take exactly one rule); only the first rule was imported.");
        }
        var path = $"$.spec.rules[{first}]";
        var backends = BackendMapping.ToModel(rules[first]!.BackendRefs, ns, source, $"{path}.backendRefs", ctx, model, Protocol.Tcp, $"backendRef of {what}");
        if (backends.IsEmpty)
        {
            ctx.NotImported(source, path, "The rule routes to no Service, so the TCP route was not imported.");
            model.Forget(mark);
            return;
        }
        if (port is { } p) model.AddTcpPort(host, p);
        model.TcpRoutes.Add(new Model.TcpRoute { Name = name, Namespace = ns, Host = host, Port = port, Backends = backends });
    }

    /// <summary>The first Service parent and its port (null: every port); other parents are reported.</summary>
    private static (ServiceRef Host, int? Port)? Parent(List<ParentReference>? parents, string ns, string source, ImportContext ctx, ModelBuilder model, string what, bool gatewaysRead)
    {
        (ServiceRef Host, int? Port)? found = null;
        for (var i = 0; i < (parents?.Count ?? 0); i++)
        {
            var path = $"$.spec.parentRefs[{i}]";
            if (parents![i] is not { } parent) continue;
            if (gatewaysRead && GatewayRouteMapping.IsGateway(parent)) continue;
            if (parent.Kind != "Service" || !BackendMapping.IsCoreGroup(parent.Group))
            {
                ctx.OutOfScope(source, path, $"A {parent.Kind ?? "Gateway"} parent attaches the route to something other than a Service; only Service parents (mesh routing) are in the model.");
                continue;
            }
            if (string.IsNullOrEmpty(parent.Name))
            {
                ctx.Invalid(source, $"{path}.name", "A parentRef needs a name.");
                continue;
            }
            var service = new ServiceRef(parent.Name, string.IsNullOrEmpty(parent.Namespace) ? ns : parent.Namespace);
            if (found is { } earlier)
            {
                ctx.NotImported(source, path, earlier.Host != service
                    ? "A model TCP route has one host service; only the first Service parent was imported."
                    : "A model TCP route applies to one port of its host, or to every port; only the first parentRef of this Service was imported.");
                continue;
            }
            if (parent.Port is < 1 or > 65535)
            {
                ctx.Invalid(source, $"{path}.port", "A port is between 1 and 65535.");
                found = (service, null);
                continue;
            }
            found = (service, parent.Port);
            model.Refer(service, parent.Port, Protocol.Tcp, source, path, $"parentRef of {what}");
            HttpRouteMapping.SectionName(parent, service, source, path, model, ctx);
        }
        return found;
    }
}
