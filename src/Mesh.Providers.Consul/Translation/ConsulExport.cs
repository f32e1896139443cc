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
/// ServiceIntentions, TerminatingGateway; each kind sorted by namespace then name (ordinal). Protocols come first so that the
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
        ctx.UnsupportedGateways("Consul's ingress is an API gateway or ingress-gateway config entry, which this provider does not write yet.");
        ctx.UnsupportedRequestAuthentication("Consul verifies JWTs through a jwt-provider config entry and intention JWT requirements, which this provider does not write yet; the request authentication is not written.");
        var (routers, splitters) = RouterMapping.ToConsul(config, ctx);
        var intentions = IntentionsMapping.ToConsul(ctx);

        var registryOnly = ctx.MeshWideOutbound("Consul", "Mesh.spec.transparentProxy.meshDestinationsOnly") == OutboundMode.RegistryOnly;
        var resources = new List<object>();
        if (permissive || registryOnly)
        {
            var mesh = ConsulEntries.Create<ConsulMesh>("mesh", options.DefaultNamespace);
            if (permissive) mesh.Spec.AllowEnablingPermissiveMutualTLS = true;
            // Consul's default lets transparent proxies reach any address, as the model's does.
            if (registryOnly) mesh.Spec.TransparentProxy = new MeshTransparentProxy { MeshDestinationsOnly = true };
            resources.Add(mesh);
        }
        if (proxy is not null) resources.Add(proxy);
        resources.AddRange(Sorted(ctx.Defaults.Values.Where(d => !IsEmpty(d.Spec))));
        resources.AddRange(Sorted(ctx.Resolvers.Values));
        resources.AddRange(Sorted(splitters));
        resources.AddRange(Sorted(routers));
        resources.AddRange(Sorted(intentions));
        if (gateway is not null) resources.Add(gateway);
        return (resources, ctx.Diagnostics);
    }

    private static bool IsEmpty(ServiceDefaultsSpec spec) =>
        spec.Protocol is null && spec.MutualTLSMode is null && spec.UpstreamConfig is null && spec.Destination is null;

    private static IEnumerable<T> Sorted<T>(IEnumerable<T> resources)
        where T : IKubernetesObject<V1ObjectMeta> =>
        resources.OrderBy(r => (r.Metadata.NamespaceProperty ?? string.Empty, r.Metadata.Name ?? string.Empty), OrdinalKeyComparer.Instance);
}
