using Mesh.Kubernetes;
using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Mapping;

namespace Mesh.Providers.GatewayApi.Translation;

/// <summary>
/// Model → Gateway API resources: one <c>HTTPRoute</c> (or <c>GRPCRoute</c>) per model route — one per parent port where
/// backends keep the request's port (<see cref="HttpRouteMapping.ToGatewayApiRoutes"/>) — and one <c>TCPRoute</c> per TCP
/// route, each kind sorted by namespace and name, then a <c>BackendTLSPolicy</c> per destination policy whose client TLS
/// it expresses (<see cref="BackendTlsMapping"/>); backends to subsets name the leaf Services of the plan given, which the
/// translator shell writes. Everything else in the model is reported, one diagnostic per item, with the reason.
/// </summary>
internal static class GatewayApiExport
{
    public static (IReadOnlyList<object> Resources, IReadOnlyList<Diagnostic> Diagnostics) ToGatewayApi(MeshConfig config, GatewayApiOptions options, LeafServicePlan? leaves)
    {
        var ctx = new RouteExportContext(options, config, leaves: leaves);
        var routes = new SortedDictionary<(string Namespace, string Name), object>(OrdinalKeyComparer.Instance);
        for (var i = 0; i < config.Routes.Count; i++)
        {
            var route = config.Routes[i];
            var path = $"$.spec.routes[{i}]";
            if (ctx.FindExternal(route.Host) is not null)
            {
                ctx.Unsupported(path, $"'{route.Host}' is an external service: egress is not in the standard channel of Gateway API, and a route whose parent is its name would attach to no Service; the route is not written.");
                continue;
            }
            if (routes.ContainsKey((route.Namespace, route.Name)))
            {
                ctx.Unsupported(path, $"Another route is already written as '{route.Namespace}/{route.Name}'; Gateway API routes have one parent Service each, so this route is not written.");
                continue;
            }
            foreach (var resource in HttpRouteMapping.ToGatewayApiRoutes(route, path, ctx))
            {
                Ownership.From(resource, ModelObjectNames.Of(route));
                var metadata = ((k8s.IKubernetesObject<k8s.Models.V1ObjectMeta>)resource).Metadata;
                if (!routes.TryAdd((route.Namespace, metadata.Name), resource))
                {
                    ctx.Unsupported(path, $"Another route is already written as '{route.Namespace}/{metadata.Name}'; this route's {resource switch { Resources.GrpcRoute => "GRPCRoute", _ => "HTTPRoute" }} of that name is not written.");
                }
            }
        }
        var tcp = TcpRouteMapping.ToGatewayApi(config, ctx, Resources.TcpRoute.KubeGroup + "/" + Resources.TcpRoute.KubeApiVersion);
        var edge = GatewayEdgeMapping.ToGatewayApi(config, routes.Keys.Select(k => (Resources.HttpRoute.KubeKind, k.Namespace, k.Name)).Concat(tcp.Select(t => (Resources.TcpRoute.KubeKind, t.Route.Metadata.NamespaceProperty, t.Route.Metadata.Name))), ctx, Resources.TlsRoute.KubeGroup + "/" + Resources.TlsRoute.KubeApiVersionV1);
        var tls = BackendTlsMapping.ToGatewayApi(config, ctx).ToList();
        Report(config, ctx);
        return ([.. routes.Values, .. tcp.Select(t => t.Route), .. tls, .. edge], ctx.Diagnostics);
    }

    private static void Report(MeshConfig config, RouteExportContext ctx)
    {
        for (var i = 0; i < config.DestinationPolicies.Count; i++)
        {
            var policy = config.DestinationPolicies[i];
            if (policy.LoadBalancer is not null)
            {
                ctx.Unsupported($"$.spec.destinationPolicies[{i}].loadBalancer", "Load balancing is not part of Gateway API (policy attachment for it is implementation-specific); the load balancer is not written.");
            }
            if (policy.ConnectionPool is not null)
            {
                ctx.Unsupported($"$.spec.destinationPolicies[{i}].connectionPool", "Connection limits are not part of Gateway API (policy attachment for them is implementation-specific); the connection pool is not written.");
            }
            if (policy.OutlierDetection is not null)
            {
                ctx.Unsupported($"$.spec.destinationPolicies[{i}].outlierDetection", "Outlier detection is not part of Gateway API; it is not written.");
            }
            if (policy.RateLimit is not null)
            {
                ctx.Unsupported($"$.spec.destinationPolicies[{i}].rateLimit", "Gateway API has no rate limiting (neither a route filter nor a standard policy); the rate limit is not written.");
            }
        }
        for (var i = 0; i < config.Mtls.Count; i++)
        {
            ctx.Unsupported($"$.spec.mtls[{i}]", "mTLS is provided by the mesh implementation; Gateway API has no mTLS setting.");
        }
        for (var i = 0; i < config.AccessPolicies.Count; i++)
        {
            ctx.Unsupported($"$.spec.accessPolicies[{i}]", "Authorization is not part of Gateway API; the access policy is not written.");
        }
        for (var i = 0; i < config.ExternalServices.Count; i++)
        {
            ctx.Unsupported($"$.spec.externalServices[{i}]", "Egress is not in the standard channel of Gateway API; the external service is not written.");
        }
        for (var i = 0; i < config.Outbound.Count; i++)
        {
            ctx.Unsupported($"$.spec.outbound[{i}]", "Gateway API has no outbound scope: every Service stays visible and calls to other hosts are not managed; the outbound policy is not written.");
        }
        ctx.UnsupportedTelemetry("Gateway API has no telemetry settings: access logs and traces are configured in the implementation; the telemetry policy is not written.");
        ctx.UnsupportedRequestAuthentication("Request authentication is not in Gateway API; it belongs to the mesh or gateway implementation. The request authentication is not written.");
        for (var i = 0; i < config.Services.Count; i++)
        {
            var service = config.Services[i];
            for (var k = 0; k < service.Subsets.Count; k++)
            {
                var subset = service.Subsets[k].Name;
                if (ctx.Leaves?.HasLeaf(service.Reference, subset) == true) continue;
                ctx.Unsupported($"$.spec.services[{i}].subsets.{subset}", ctx.Leaves is null
                    ? "Gateway API has no subsets; backends are whole Services."
                    : "Gateway API has no subsets: a subset is written as a leaf Service (selecting the service's selector and the subset's labels) only when a route, mirror or TCP route sends to it, and none sends to this one; it is not written.");
            }
        }
    }
}
