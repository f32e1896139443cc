using k8s.Models;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Mapping;
using Mesh.Providers.GatewayApi.Translation;
using Mesh.Providers.Linkerd.Mapping;
using Mesh.Providers.Linkerd.Resources;
using Mesh.Translation;
using GatewayResources = Mesh.Providers.GatewayApi.Resources;

namespace Mesh.Providers.Linkerd.Translation;

/// <summary>
/// Linkerd resources → model, dispatched by kind: routes of both API groups with their annotations (<see cref="RouteMapping"/>),
/// TCPRoutes, legacy ServiceProfiles (<see cref="ServiceProfileMapping"/>), authorization (<see cref="AuthorizationMapping"/>),
/// egress (<see cref="EgressMapping"/>: EgressNetworks and the routes whose parent is one), and core Services: their selectors and
/// ports (<see cref="ServicePortMapping"/>) and failure-accrual annotations (<see cref="FailureAccrualMapping"/>); Gateway API
/// Gateways with the HTTPRoutes bound to them (<see cref="GatewayEdgeMapping"/>: the ingress Linkerd meshes). Anything else is
/// reported and skipped.
/// </summary>
internal static class LinkerdImport
{
    public static ResourceCatalog Catalog { get; } = new(
        LinkerdResourceTypes.TypeMap,
        new Dictionary<Type, string>
        {
            [typeof(PolicyHttpRoute)] = PolicyHttpRoute.KubeGroup + "/" + PolicyHttpRoute.KubeApiVersion,
            [typeof(GatewayResources.HttpRoute)] = GatewayResources.HttpRoute.KubeGroup + "/" + GatewayResources.HttpRoute.KubeApiVersion,
            [typeof(GatewayResources.GrpcRoute)] = GatewayResources.GrpcRoute.KubeGroup + "/" + GatewayResources.GrpcRoute.KubeApiVersion,
            [typeof(GatewayResources.TcpRoute)] = RouteMapping.TcpApiVersion,
            [typeof(GatewayResources.TlsRoute)] = GatewayResources.TlsRoute.KubeGroup + "/" + GatewayResources.TlsRoute.KubeApiVersion,
            [typeof(GatewayResources.Gateway)] = GatewayResources.Gateway.KubeGroup + "/" + GatewayResources.Gateway.KubeApiVersion,
            [typeof(GatewayResources.ReferenceGrant)] = GatewayResources.ReferenceGrant.KubeGroup + "/" + GatewayResources.ReferenceGrant.KubeApiVersion,
            [typeof(ServiceProfile)] = ServiceProfile.KubeGroup + "/" + ServiceProfile.KubeApiVersion,
            [typeof(Server)] = Server.KubeGroup + "/" + Server.KubeApiVersion,
            [typeof(AuthorizationPolicy)] = AuthorizationPolicy.KubeGroup + "/" + AuthorizationPolicy.KubeApiVersion,
            [typeof(MeshTlsAuthentication)] = MeshTlsAuthentication.KubeGroup + "/" + MeshTlsAuthentication.KubeApiVersion,
            [typeof(NetworkAuthentication)] = NetworkAuthentication.KubeGroup + "/" + NetworkAuthentication.KubeApiVersion,
            [typeof(EgressNetwork)] = EgressNetwork.KubeGroup + "/" + EgressNetwork.KubeApiVersion,
            [typeof(ExternalWorkload)] = ExternalWorkload.KubeGroup + "/" + ExternalWorkload.KubeApiVersion,
            [typeof(HttpLocalRateLimitPolicy)] = HttpLocalRateLimitPolicy.KubeGroup + "/" + HttpLocalRateLimitPolicy.KubeApiVersion,
            [typeof(ServerAuthorization)] = ServerAuthorization.KubeGroup + "/" + ServerAuthorization.KubeApiVersion,
            [typeof(CoreService)] = CoreService.KubeApiVersion,
        },
        new HashSet<string>(LinkerdResourceTypes.Groups, StringComparer.Ordinal),
        "a Linkerd resource this provider reads",
        VersionNotes: new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [$"{GatewayResources.TcpRoute.KubeGroup}/{GatewayResources.TcpRoute.KubeApiVersion}/{GatewayResources.TcpRoute.KubeKind}"] =
                $"Linkerd's bundled Gateway API CRDs serve TCPRoute only as {RouteMapping.TcpApiVersion}; this {GatewayResources.TcpRoute.KubeGroup}/{GatewayResources.TcpRoute.KubeApiVersion} TCPRoute was read as {RouteMapping.TcpApiVersion} and is written back in that version.",
        })
    {
        TypeInfoResolver = LinkerdJsonContext.Default,
    };

    public static ImportResult ToModel(IReadOnlyList<(object Resource, string Source)> resources, ImportContext ctx, LinkerdOptions options, ImportOptions? importOptions)
    {
        var model = new ModelBuilder { ReadsGateways = true };
        var services = new ServicePortMapping(options, ctx);
        var authorization = new AuthorizationMapping(options, services, ctx);
        var egress = new EgressMapping(ctx, options.GlobalEgressNamespace);
        var expansion = new ExternalWorkloadMapping(options, ctx);
        var destinations = new List<DestinationPolicy>();
        var rateLimits = new List<RateLimitMapping.Read>();
        foreach (var (resource, source) in resources)
        {
            if (AuthorizationMapping.IsAuthorization(resource))
            {
                var meta = (k8s.IKubernetesObject<V1ObjectMeta>)resource;
                ctx.ReportMetadata(meta.Metadata, source);
                authorization.Read(resource, ctx.NamespaceOf(meta), ctx.NameOf(meta, source), source);
                continue;
            }
            if (resource is HttpLocalRateLimitPolicy rateLimit)
            {
                ctx.ReportMetadata(rateLimit.Metadata, source);
                var ns = ctx.NamespaceOf(rateLimit);
                RateLimitMapping.Target(rateLimit, ns, authorization.Servers);
                rateLimits.Add(new RateLimitMapping.Read(rateLimit, ns, source));
                continue;
            }
            if (resource is EgressNetwork network)
            {
                ctx.ReportMetadata(network.Metadata, source);
                egress.Read(network, ctx.NameOf(network, source), ctx.NamespaceOf(network), source);
                continue;
            }
            if (resource is ExternalWorkload workload)
            {
                // Its labels are what Services select: read, not reported.
                if (workload.Metadata is { } meta)
                {
                    var labels = meta.Labels;
                    meta.Labels = null;
                    ctx.ReportMetadata(meta, source);
                    meta.Labels = labels;
                }
                expansion.Read(workload, ctx.NameOf(workload, source), ctx.NamespaceOf(workload), source);
                continue;
            }
            if (EgressRouteMapping.IsEgressRoute(resource))
            {
                var route = (k8s.IKubernetesObject<V1ObjectMeta>)resource;
                ctx.ReportMetadata(route.Metadata, source, LinkerdAnnotations.Carried);
                egress.ReadRoute(resource, route.Metadata, ctx.NameOf(route, source), ctx.NamespaceOf(route), source);
                continue;
            }
            if (resource is GatewayResources.Gateway gateway)
            {
                // Linkerd has no ingress of its own: a Gateway is the Gateway API ingress that the mesh's routes meet.
                ctx.ReportMetadata(gateway.Metadata, source);
                GatewayEdgeMapping.ReadGateway(gateway, ctx.NameOf(gateway, source), ctx.NamespaceOf(gateway), source, model, ctx);
                continue;
            }
            if (resource is GatewayResources.ReferenceGrant grant)
            {
                ctx.ReportMetadata(grant.Metadata, source);
                GatewayEdgeMapping.ReadReferenceGrant(grant, source, ctx);
                continue;
            }
            if (resource is GatewayResources.TlsRoute tls)
            {
                ctx.ReportMetadata(tls.Metadata, source);
                if (tls.Spec?.ParentRefs?.Any(p => p is not null && (p.Kind ?? GatewayResources.Gateway.KubeKind) == GatewayResources.Gateway.KubeKind && (p.Group ?? GatewayResources.Gateway.KubeGroup) == GatewayResources.Gateway.KubeGroup) is true)
                {
                    // Bound to Gateways: a gateway TLS route of the ingress the mesh meets (its other parents are reported).
                    GatewayEdgeMapping.ReadTlsRoute(tls, ctx.NameOf(tls, source), ctx.NamespaceOf(tls), source, model, ctx);
                    continue;
                }
                ctx.OutOfScope(source, "$.kind", "A TLSRoute without an EgressNetwork or Gateway parent routes TLS inside the mesh, which the model does not describe; it was skipped.");
                continue;
            }
            if (resource is CoreService service)
            {
                ctx.ReportMetadata(service.Metadata, source, ServicePortMapping.CarriedAnnotations);
                var serviceName = ctx.NameOf(service, source);
                var serviceNamespace = ctx.NamespaceOf(service);
                if (FailureAccrualMapping.ToModel(service, serviceName, serviceNamespace, source, ctx) is { } destination) destinations.Add(destination);
                services.Read(service, serviceName, serviceNamespace, source);
                continue;
            }
            if (resource is ServiceProfile profile)
            {
                ctx.ReportMetadata(profile.Metadata, source);
                ServiceProfileMapping.ToModel(profile, ctx.NamespaceOf(profile), source, model, ctx);
                continue;
            }
            if (resource is GatewayResources.TcpRoute tcp)
            {
                // Linkerd's route annotations (retries, timeouts) are HTTP and gRPC settings: on a TCPRoute each is reported.
                ctx.ReportMetadata(tcp.Metadata, source, RouteMapping.TcpCarriedAnnotations);
                TcpRouteMapping.ToModel(tcp.Spec, ctx.NameOf(tcp, source), ctx.NamespaceOf(tcp), source, model, ctx);
                continue;
            }
            if (resource is not k8s.IKubernetesObject<V1ObjectMeta> k || resource is not (PolicyHttpRoute or GatewayResources.HttpRoute or GatewayResources.GrpcRoute))
            {
                ctx.UnknownKind(source, "$", $"{resource.GetType().Name} is not a Linkerd route this provider reads; it was skipped.");
                continue;
            }
            ctx.ReportMetadata(k.Metadata, source, LinkerdAnnotations.Carried);
            RouteMapping.ToModel(resource, k.Metadata, ctx.NameOf(k, source), ctx.NamespaceOf(k), source, model, ctx);
        }
        GatewayEdgeMapping.BindRoutes(model, ctx);
        var modelName = importOptions?.ModelName ?? "imported";
        // Servers name ports (resolving container ports through the Services that select their pods), then the Services give
        // their selectors and fill in the ports no route or Server names, and the Servers' subsets join their services; a
        // Server's policy names its port when the service ends up with others.
        authorization.ReadServers(model);
        var withPorts = expansion.ToModel(authorization.AddSubsets(services.ToModel(model.Build(modelName), authorization.ServerPorts)));
        foreach (var limited in RateLimitMapping.ToModel(rateLimits, authorization.Servers, withPorts, ctx))
        {
            var i = destinations.FindIndex(d => d.Target == limited.Target);
            if (i < 0) destinations.Add(limited);
            else destinations[i] = destinations[i] with { RateLimit = limited.RateLimit };
        }
        var accessPolicies = authorization.ToModel(withPorts);
        var externals = egress.ToModel();
        var config = ctx.Diagnostics.Any(d => d.IsError)
            ? new MeshConfig { Name = modelName }
            : (withPorts with { Routes = [.. withPorts.Routes, .. egress.Routes], TcpRoutes = [.. withPorts.TcpRoutes, .. egress.TcpRoutes], AccessPolicies = [.. accessPolicies], ExternalServices = [.. withPorts.ExternalServices, .. externals], DestinationPolicies = [.. destinations], Outbound = [.. egress.Outbound] }).Normalize();
        return ImportResult.Create(config, ctx.Diagnostics, importOptions);
    }
}
