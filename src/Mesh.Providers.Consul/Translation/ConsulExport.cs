using k8s;
using k8s.Models;
using Mesh.Diagnostics;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.Consul.Mapping;
using Mesh.Providers.Consul.Resources;

namespace Mesh.Providers.Consul.Translation;

/// <summary>
/// Model → Consul config entries, in output order: Mesh, ProxyDefaults, ServiceDefaults, ServiceResolvers, ServiceSplitters,
/// ServiceRouters (the discovery chain bottom-up: Consul validates a router's targets against the entries below it),
/// JWTProviders, ServiceIntentions (which name the providers), TerminatingGateway; each kind sorted by namespace then name
/// (ordinal); then the API gateway's Gateway API resources (<see cref="ApiGatewayMapping"/>: Gateways, HTTPRoutes, TCPRoutes,
/// ReferenceGrants). Protocols come first so that the
/// routers and intentions know which services are TCP.
/// </summary>
internal static class ConsulExport
{
    public static (IReadOnlyList<object> Resources, IReadOnlyList<Diagnostic> Diagnostics) ToConsul(MeshConfig config, ConsulOptions options)
    {
        var ctx = new ConsulExportContext(options, config);
        NameCollisions.Report(ctx);
        ProtocolMapping.ToConsul(config, ctx);
        ctx.UnsupportedExternalEndpointsAndSubsets(
            "A Consul destination has addresses, not endpoints with their own ports or labels; the endpoints are not written.",
            "A Consul destination has no subsets; they are not written.");
        var gateway = EgressMapping.ToConsul(ctx);
        SubsetMapping.ToConsul(config, ctx);
        DestinationPolicyMapping.ToConsul(ctx);
        var (proxy, permissive) = MtlsMapping.ToConsul(ctx);
        proxy = AccessLogMapping.ToConsul(proxy, ctx);
        TcpRouteMapping.Report(ctx);
        var edge = ApiGatewayMapping.ToConsul(config, ctx);
        var jwtProviders = JwtProviderMapping.ToConsul(ctx);
        var (routers, splitters) = RouterMapping.ToConsul(config, ctx);
        var intentions = IntentionsMapping.ToConsul(ctx, jwtProviders);

        var registryOnly = ctx.MeshWideOutbound("Consul", "Mesh.spec.transparentProxy.meshDestinationsOnly") == OutboundMode.RegistryOnly;
        var resources = new List<object>();
        if (permissive || registryOnly)
        {
            var mesh = ConsulEntries.Create<ConsulMesh>("mesh", options.DefaultNamespace);
            if (permissive) mesh.Spec.AllowEnablingPermissiveMutualTLS = true;
            // Consul's default lets transparent proxies reach any address, as the model's does.
            if (registryOnly) mesh.Spec.TransparentProxy = new MeshTransparentProxy { MeshDestinationsOnly = true };
            resources.Add(Ownership.From(mesh, [ModelObjectNames.Of(config), .. config.Mtls.Where(m => m.Mode == MtlsMode.Permissive).Select(ModelObjectNames.Of), .. config.Outbound.Where(o => o.Namespace is null).Select(ModelObjectNames.Of)]));
        }
        if (proxy is not null) resources.Add(Ownership.From(proxy, [ModelObjectNames.Of(config), .. config.Mtls.Where(m => m.Scope?.Namespace is null).Select(ModelObjectNames.Of), .. config.Telemetry.Where(t => t.Namespace is null).Select(ModelObjectNames.Of)]));
        var index = new SourceIndex(config);
        resources.AddRange(Sorted(ctx.Defaults.Values.Where(d => !IsEmpty(d.Spec))).Select(d => Ownership.From(d, index.Of(d, routes: false))));
        resources.AddRange(Sorted(ctx.Resolvers.Values).Select(r => Ownership.From(r, index.Of(r, routes: false))));
        resources.AddRange(Sorted(splitters).Select(s => Ownership.From(s, index.Of(s, routes: true))));
        resources.AddRange(Sorted(routers).Select(r => Ownership.From(r, index.Of(r, routes: true))));
        resources.AddRange(Sorted(jwtProviders.Entries));
        resources.AddRange(Sorted(intentions));
        if (gateway is not null)
        {
            var linked = gateway.Spec.Services?.Select(s => s.Name).ToHashSet(StringComparer.Ordinal) ?? [];
            resources.Add(Ownership.From(gateway, config.ExternalServices.Where(e => linked.Contains(e.Name)).Select(ModelObjectNames.Of)));
        }
        resources.AddRange(edge);
        return (resources, ctx.Diagnostics);
    }

    /// <summary>
    /// The model objects a per-service entry comes from: the routes and TCP routes on the service (for splitters and
    /// routers), else the service or external service and the destination policies targeting it. Entries are named after
    /// their service; without an enterprise namespace the entry's namespace is the service's.
    /// </summary>
    private sealed class SourceIndex(MeshConfig config)
    {
        private readonly ILookup<(string, string), string> _routes = config.Routes.Select(r => (Key: (r.Host.Namespace, r.Host.Name), Name: ModelObjectNames.Of(r)))
            .Concat(config.TcpRoutes.Select(r => (Key: (r.Host.Namespace, r.Host.Name), Name: ModelObjectNames.Of(r)))).ToLookup(x => x.Key, x => x.Name);

        private readonly ILookup<(string, string), string> _owners = config.Services.Select(s => (Key: (s.Namespace, s.Name), Name: ModelObjectNames.Of(s)))
            .Concat(config.ExternalServices.Select(e => (Key: (e.Namespace, e.Name), Name: ModelObjectNames.Of(e))))
            .Concat(config.DestinationPolicies.Select(p => (Key: (p.Target.Service.Namespace, p.Target.Service.Name), Name: ModelObjectNames.Of(p)))).ToLookup(x => x.Key, x => x.Name);

        public List<string> Of(IKubernetesObject<V1ObjectMeta> entry, bool routes)
        {
            var key = (entry.Metadata.NamespaceProperty ?? string.Empty, entry.Metadata.Name);
            var found = routes ? _routes[key].ToList() : [];
            if (found.Count == 0) found = [.. _owners[key]];
            // An entry for a name the model declares nowhere (a subset's or an upstream's) comes from the model as a whole.
            return found.Count > 0 ? found : [ModelObjectNames.Of(config)];
        }
    }

    private static bool IsEmpty(ServiceDefaultsSpec spec) =>
        spec.Protocol is null && spec.MutualTLSMode is null && spec.UpstreamConfig is null && spec.Destination is null;

    private static IEnumerable<T> Sorted<T>(IEnumerable<T> resources)
        where T : IKubernetesObject<V1ObjectMeta> =>
        resources.OrderBy(r => (r.Metadata.NamespaceProperty ?? string.Empty, r.Metadata.Name ?? string.Empty), OrdinalKeyComparer.Instance);
}
