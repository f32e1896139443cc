using k8s.Models;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Mapping;
using Mesh.Providers.GatewayApi.Translation;
using Mesh.Providers.Linkerd.Resources;
using Mesh.Translation;
using GatewayResources = Mesh.Providers.GatewayApi.Resources;

namespace Mesh.Providers.Linkerd.Mapping;

/// <summary>
/// Model routes and TCP routes ↔ Linkerd's routes on Services: the Gateway API mapping (<see cref="HttpRouteMapping"/>,
/// <see cref="TcpRouteMapping"/>) with Linkerd's filter set (<see cref="Dialect"/>); HTTP routes in the configured API group
/// (<c>policy.linkerd.io/v1beta3</c> unless <see cref="LinkerdOptions.RouteApi"/> says Gateway API; both are read), gRPC
/// routes as GRPCRoutes, retries and shared timeouts as route annotations (<see cref="RetryTimeoutAnnotationMapping"/>),
/// TCP routes as <see cref="TcpApiVersion"/> TCPRoutes. Linkerd serves one kind of route per Service port, which the export
/// reports for TCP splits.
/// </summary>
internal static class RouteMapping
{
    /// <summary>The <c>apiVersion</c> TCPRoutes are written with: the only one Linkerd's bundled Gateway API CRDs serve.</summary>
    public const string TcpApiVersion = GatewayResources.TcpRoute.KubeGroup + "/" + GatewayResources.TcpRoute.KubeApiVersionV1Alpha2;

    /// <summary>What Linkerd runs of Gateway API routing: no URLRewrite, RequestMirror, CORS or ResponseHeaderModifier; redirects 301 and 302; retries as annotations.</summary>
    public static RouteDialect Dialect { get; } = new(ProviderName.Linkerd, "Linkerd", Rewrite: false, Mirror: false, Cors: false, ResponseHeaders: false, RetriesElsewhere: true, RedirectCodes: [301, 302]);

    /// <summary>The annotations read on a TCPRoute: none (Linkerd's route annotations are HTTP and gRPC settings, so each is reported).</summary>
    public static IReadOnlySet<string> TcpCarriedAnnotations { get; } = new HashSet<string>();

    /// <summary>
    /// Model → Linkerd: the routes of <paramref name="config"/> (sorted by namespace and name) and its TCPRoutes (each with the
    /// index of its model TCP route); a TCP split Linkerd sets aside for another kind of route on the same port is reported.
    /// </summary>
    public static (IReadOnlyCollection<object> Routes, List<(int Index, GatewayResources.TcpRoute Route)> Tcp) ToLinkerd(MeshConfig config, LinkerdOptions options, RouteExportContext ctx)
    {
        var routes = new SortedDictionary<(string Namespace, string Name), object>(OrdinalKeyComparer.Instance);
        for (var i = 0; i < config.Routes.Count; i++)
        {
            var route = config.Routes[i];
            var path = $"$.spec.routes[{i}]";
            // A route on an external service is written on its EgressNetwork (ExternalRouteMapping, through EgressMapping), but
            // for one whose endpoints are enrolled in the mesh: it is a Service of ExternalWorkloads, and its routes attach there.
            if (ctx.FindExternal(route.Host) is { } external && !ExternalWorkloadMapping.IsEnrolled(external)) continue;
            if (routes.ContainsKey((route.Namespace, route.Name)))
            {
                ctx.Unsupported(path, $"Another route is already written as '{route.Namespace}/{route.Name}'; this route is not written.");
                continue;
            }
            var written = HttpRouteMapping.ToGatewayApi(route, path, ctx);
            switch (written)
            {
                case GatewayResources.HttpRoute http:
                    var annotations = RetryTimeoutAnnotationMapping.ToLinkerd(route, grpc: false, path, ctx, http.Spec.Rules);
                    object result = options.RouteApi == LinkerdRouteApi.Policy
                        ? new PolicyHttpRoute { Metadata = http.Metadata, Spec = http.Spec }
                        : http;
                    http.Metadata.Annotations = annotations;
                    routes[(route.Namespace, route.Name)] = Ownership.From(result, ModelObjectNames.Of(route));
                    break;
                case GatewayResources.GrpcRoute grpc:
                    grpc.Metadata.Annotations = RetryTimeoutAnnotationMapping.ToLinkerd(route, grpc: true, path, ctx, null);
                    routes[(route.Namespace, route.Name)] = Ownership.From(grpc, ModelObjectNames.Of(route));
                    break;
            }
        }
        // A TCP route on an external service is written on its EgressNetwork (ExternalTcpRouteMapping, through EgressMapping),
        // but for one whose endpoints are enrolled in the mesh: it is a Service of ExternalWorkloads, and its TCPRoute attaches there.
        var tcp = TcpRouteMapping.ToGatewayApi(config, ctx, TcpApiVersion, t => ctx.FindExternal(t.Host) is not { } external || ExternalWorkloadMapping.IsEnrolled(external));
        TcpPrecedence(config, routes.Values, tcp, options.ServiceOutput, ctx);
        return (routes.Values, tcp);
    }

    /// <summary>
    /// Linkerd serves one kind of route per Service port, GRPCRoute before HTTPRoute before TLSRoute before TCPRoute,
    /// unless the port is opaque (appProtocol <c>linkerd.io/opaque</c>, or listed in <c>config.linkerd.io/opaque-ports</c>),
    /// where only TCPRoutes count. A TCP split on a port an HTTP or gRPC route of the same Service also names is
    /// therefore approximated; one on an HTTP-family port of the model that no such route names turns off HTTP detection
    /// there (an info) — unless the Service written with <see cref="ServiceOutput.All"/> gives the port an <c>appProtocol</c>
    /// Linkerd reads as HTTP (<c>http</c>, <c>kubernetes.io/h2c</c>), with which Linkerd ignores the TCPRoute (approximated).
    /// </summary>
    private static void TcpPrecedence(MeshConfig config, IEnumerable<object> routes, List<(int Index, GatewayResources.TcpRoute Route)> tcp, ServiceOutput output, RouteExportContext ctx)
    {
        if (tcp.Count == 0) return;
        // The ports each Service's HTTP or gRPC route is written for (null: every port).
        var l7 = new Dictionary<ServiceRef, (string Kind, string Name, SortedSet<int>? Ports)>();
        foreach (var route in routes)
        {
            var (kind, metadata, parents) = route switch
            {
                GatewayResources.GrpcRoute g => ("GRPCRoute", g.Metadata, g.Spec.ParentRefs),
                GatewayResources.HttpRoute h => ("HTTPRoute", h.Metadata, h.Spec.ParentRefs),
                PolicyHttpRoute p => ("HTTPRoute", p.Metadata, p.Spec.ParentRefs),
                _ => (null, null, null),
            };
            if (kind is null || metadata is null) continue;
            foreach (var parent in parents ?? [])
            {
                if (parent.Kind != "Service" || parent.Name is null) continue;
                var service = new ServiceRef(parent.Name, parent.Namespace ?? metadata.NamespaceProperty);
                if (!l7.TryGetValue(service, out var entry)) l7[service] = entry = (kind, $"{metadata.NamespaceProperty}/{metadata.Name}", []);
                if (parent.Port is { } port) entry.Ports?.Add(port);
                else l7[service] = entry with { Ports = null };
            }
        }
        foreach (var (index, _) in tcp)
        {
            var route = config.TcpRoutes[index];
            var path = $"$.spec.tcpRoutes[{index}]";
            SortedSet<int> shadowed = [];
            if (l7.TryGetValue(route.Host, out var other))
            {
                var every = other.Ports is null && route.Port is null;
                if (!every)
                {
                    if (other.Ports is null) shadowed.Add(route.Port!.Value);
                    else if (route.Port is { } port) { if (other.Ports.Contains(port)) shadowed.Add(port); }
                    else shadowed.UnionWith(other.Ports);
                }
                if (every || shadowed.Count > 0)
                {
                    var where = every ? "every port" : (shadowed.Count == 1 ? "port " : "ports ") + string.Join(", ", shadowed);
                    ctx.Approximated(path, $"Linkerd serves one kind of route per Service port and prefers {other.Kind} '{other.Name}' on {where} of '{route.Host}': there this TCP split applies only if the port is opaque (appProtocol linkerd.io/opaque, or listed in config.linkerd.io/opaque-ports), which sets the {other.Kind} aside.");
                    if (every) continue;
                }
            }
            if (ctx.FindService(route.Host) is not { } host) continue;
            var http = host.Ports.Where(p => p.Protocol is Protocol.Http or Protocol.Http2 or Protocol.Grpc && (route.Port is null || p.Port == route.Port) && !shadowed.Contains(p.Port)).Select(p => p.Port).Order().ToList();
            if (output == ServiceOutput.All)
            {
                // The Service written says appProtocol http or kubernetes.io/h2c there, which Linkerd reads: it keeps HTTP and ignores the TCPRoute.
                var ignored = http.Where(p => host.FindPort(p)!.Protocol is Protocol.Http or Protocol.Http2).ToList();
                if (ignored.Count > 0)
                {
                    ctx.Approximated(path, $"The Service written for '{route.Host}' gives {(ignored.Count == 1 ? "port " : "ports ")}{string.Join(", ", ignored)} an appProtocol Linkerd reads as HTTP (http or kubernetes.io/h2c), and there Linkerd ignores a TCPRoute: this TCP split does not apply on {(ignored.Count == 1 ? "it" : "them")}.");
                    http.RemoveAll(ignored.Contains);
                }
            }
            if (http.Count > 0)
            {
                ctx.Note(path, $"Linkerd proxies {(http.Count == 1 ? "port " : "ports ")}{string.Join(", ", http)} of '{route.Host}' opaquely while this TCPRoute is attached: no HTTP detection there, so no per-request metrics, retries or timeouts. A Service port with appProtocol http or kubernetes.io/h2c ignores the TCPRoute instead.");
            }
        }
    }

    /// <summary>
    /// Linkerd → model: a route of either API group (a <see cref="PolicyHttpRoute"/>, or a Gateway API HTTPRoute or GRPCRoute)
    /// whose metadata has been reported, added to <paramref name="model"/> with its retry and timeout annotations applied to its
    /// rules; with no rule imported, the annotations are reported.
    /// </summary>
    public static void ToModel(object resource, V1ObjectMeta? metadata, string name, string ns, string source, ModelBuilder model, ImportContext ctx)
    {
        var before = model.Routes.Count;
        var grpc = false;
        switch (resource)
        {
            case PolicyHttpRoute policy:
                HttpRouteMapping.ToModel(policy.Spec, name, ns, source, model, ctx);
                break;
            case GatewayResources.HttpRoute http:
                HttpRouteMapping.ToModel(http.Spec, name, ns, source, model, ctx);
                break;
            case GatewayResources.GrpcRoute g:
                grpc = true;
                HttpRouteMapping.ToModel(g.Spec, name, ns, source, model, ctx);
                break;
        }
        var annotations = metadata?.Annotations;
        if (annotations is not { Count: > 0 }) return;
        if (model.Routes.Count > before && model.Routes[^1].Rules.Count > 0)
        {
            var route = model.Routes[^1];
            model.Routes[^1] = route with { Rules = [.. route.Rules.Select(RetryTimeoutAnnotationMapping.ToModel(annotations, grpc, source, ctx))] };
        }
        else
        {
            // Nothing imported to apply them to: the retry and timeout annotations are lost, and said so.
            foreach (var key in annotations.Keys.Where(LinkerdAnnotations.Carried.Contains).Order(StringComparer.Ordinal))
            {
                ctx.NotImported(source, "$.metadata.annotations" + JsonPaths.Segment(key), "No rule of this route was imported, so the annotation applies to nothing in the model.");
            }
        }
    }
}
