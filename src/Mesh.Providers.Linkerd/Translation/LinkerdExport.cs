using Mesh.Kubernetes;
using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.GatewayApi;
using Mesh.Providers.GatewayApi.Mapping;
using Mesh.Providers.GatewayApi.Translation;
using Mesh.Providers.Linkerd.Mapping;
using Mesh.Providers.Linkerd.Resources;
using GatewayResources = Mesh.Providers.GatewayApi.Resources;

namespace Mesh.Providers.Linkerd.Translation;

/// <summary>
/// Model → Linkerd, in output order: routes and TCP routes (<see cref="RouteMapping"/>), authorization
/// (<see cref="AuthorizationMapping"/>) and egress (<see cref="EgressMapping"/>). mTLS, subsets (but for those access policies
/// target, which their Servers select), load balancing and connection limits are reported, outlier detection with the Service annotations to apply (<see cref="FailureAccrualMapping"/>), and
/// service ports the written resources do not carry (<see cref="ServicePortMapping"/>).
/// </summary>
internal static class LinkerdExport
{
    public static (IReadOnlyList<object> Resources, IReadOnlyList<Diagnostic> Diagnostics) ToLinkerd(MeshConfig config, LinkerdOptions options, LeafServicePlan leaves)
    {
        var ctx = new RouteExportContext(new GatewayApiOptions { DefaultNamespace = options.DefaultNamespace, EmitGrpcRoutes = true }, config, RouteMapping.Dialect, leaves);
        var (routes, tcp) = RouteMapping.ToLinkerd(config, options, ctx);
        var rateLimits = new List<RateLimitMapping.Written>();
        Report(config, leaves, ctx, rateLimits);
        ctx.UnsupportedTelemetry("Linkerd has no telemetry CRD: access logs are a proxy annotation and tracing the linkerd-jaeger extension's; the telemetry policy is not written.");
        ctx.UnsupportedRequestAuthentication("Linkerd does not verify end-user tokens (JWT), and the Gateway API form it writes for gateways has no request authentication; the request authentication is not written.");
        var policies = AuthorizationMapping.ToLinkerd(config, options, ctx).ToList();
        if (rateLimits.Count > 0) RateLimits(policies, rateLimits, ctx);
        // The names taken are only needed (and only worth collecting) when there is egress to write.
        ReportExternalEndpoints(config, ctx);
        var egress = config.ExternalServices.IsEmpty && config.Outbound.IsEmpty ? [] : EgressMapping.ToLinkerd(config, options, ctx, Written([.. routes, .. tcp.Select(t => t.Route), .. policies]));
        var expansion = ExternalWorkloadMapping.ToLinkerd(config, options, ctx);
        List<object> resources = [.. routes, .. tcp.Select(t => t.Route), .. policies, .. egress, .. expansion, .. Edge(config, options, leaves, Written([.. routes, .. tcp.Select(t => t.Route), .. egress]), ctx)];
        ServicePortMapping.ToLinkerd(config, resources, options, ctx);
        return (resources, ctx.Diagnostics);
    }

    /// <summary>
    /// The gateways and gateway routes, in Gateway API form for the ingress implementation the cluster runs (Linkerd has none
    /// of its own): with plain Gateway API's dialect, since the ingress — not Linkerd's proxy — applies the routes.
    /// </summary>
    private static IReadOnlyList<object> Edge(MeshConfig config, LinkerdOptions options, LeafServicePlan leaves, HashSet<(string Kind, string Namespace, string Name)> written, RouteExportContext ctx)
    {
        if (config.Gateways.IsEmpty && config.GatewayRoutes.IsEmpty && config.GatewayTlsRoutes.IsEmpty && config.GatewayTcpRoutes.IsEmpty) return [];
        var edge = new RouteExportContext(new GatewayApiOptions { DefaultNamespace = options.DefaultNamespace, GatewayClassName = options.GatewayClassName }, config, RouteDialect.GatewayApi, leaves);
        // HTTPRoutes of either group share the name space of the kind; TLSRoutes and TCPRoutes are Gateway API's, in the version Linkerd bundles.
        var taken = written.Select(w => (Kind: w.Kind[(w.Kind.IndexOf('/', StringComparison.Ordinal) + 1)..], w.Namespace, w.Name));
        var resources = GatewayEdgeMapping.ToGatewayApi(config, taken, edge, GatewayResources.TcpRoute.KubeGroup + "/" + GatewayResources.TcpRoute.KubeApiVersionV1Alpha2);
        foreach (var diagnostic in edge.Diagnostics) ctx.Diagnostics.Add(diagnostic);
        if (resources.Count > 0) ctx.Note("$.spec.gateways", "Linkerd has no ingress of its own: the gateways are written as Gateway API Gateways, with the HTTPRoutes, TLSRoutes and TCPRoutes bound to them, for the Gateway API implementation the cluster runs (meshed with Linkerd).");
        return resources;
    }

    /// <summary>
    /// Reports what Linkerd's egress cannot hold: endpoints of external services that are not enrolled in the mesh (those that
    /// are become ExternalWorkloads, <see cref="ExternalWorkloadMapping"/>), and subsets.
    /// </summary>
    private static void ReportExternalEndpoints(MeshConfig config, RouteExportContext ctx)
    {
        for (var i = 0; i < config.ExternalServices.Count; i++)
        {
            var external = config.ExternalServices[i];
            if (!external.Endpoints.IsEmpty && !ExternalWorkloadMapping.IsEnrolled(external))
            {
                ctx.Unsupported($"$.spec.externalServices[{i}].endpoints", "Endpoints with their own ports or labels are written only when they are enrolled in the mesh (with a serviceAccount, as ExternalWorkloads); the EgressNetwork takes the addresses.");
            }
            if (!external.Subsets.IsEmpty) ctx.Unsupported($"$.spec.externalServices[{i}].subsets", "Linkerd routes to Services and networks; the external service's subsets are not written.");
        }
    }

    /// <summary>The <c>group/Kind</c>, namespace and name of each resource written.</summary>
    private static HashSet<(string Kind, string Namespace, string Name)> Written(List<object> resources)
    {
        var written = new HashSet<(string, string, string)>();
        foreach (var resource in resources)
        {
            if (resource is not k8s.IKubernetesObject<k8s.Models.V1ObjectMeta> k) continue;
            var slash = k.ApiVersion.IndexOf('/', StringComparison.Ordinal);
            written.Add(($"{(slash < 0 ? string.Empty : k.ApiVersion[..slash])}/{k.Kind}", k.Metadata.NamespaceProperty, k.Metadata.Name));
        }
        return written;
    }

    /// <summary>
    /// Adds the rate limits' Servers that no access policy writes (admitting every client, noted) and the HTTPLocalRateLimitPolicies,
    /// each kind in namespace/name order after the authorization resources.
    /// </summary>
    private static void RateLimits(List<object> policies, List<RateLimitMapping.Written> rateLimits, RouteExportContext ctx)
    {
        var servers = policies.OfType<Server>().Select(s => (s.Metadata.NamespaceProperty, s.Metadata.Name)).ToHashSet();
        var added = new List<Server>();
        var limits = new List<HttpLocalRateLimitPolicy>();
        foreach (var (server, policy, path) in rateLimits)
        {
            var key = (server.Metadata.NamespaceProperty, server.Metadata.Name);
            if (limits.Exists(l => l.Metadata.NamespaceProperty == key.NamespaceProperty && l.Metadata.Name == key.Name))
            {
                ctx.Unsupported(path, $"Server '{key.NamespaceProperty}/{key.Name}' has a rate limit already; the second is not written.");
                continue;
            }
            if (servers.Add(key))
            {
                added.Add(server);
                ctx.Note(path, $"Server '{key.NamespaceProperty}/{key.Name}' is written for the rate limit with accessPolicy {RateLimitMapping.OpenAccessPolicy} (Linkerd's default policy), so that it admits the clients it did; a cluster with another default policy should set that.");
            }
            limits.Add(policy);
        }
        policies.AddRange(added.OrderBy(s => (s.Metadata.NamespaceProperty, s.Metadata.Name), OrdinalKeyComparer.Instance));
        policies.AddRange(limits.OrderBy(l => (l.Metadata.NamespaceProperty, l.Metadata.Name), OrdinalKeyComparer.Instance));
    }

    private static void Report(MeshConfig config, LeafServicePlan leaves, RouteExportContext ctx, List<RateLimitMapping.Written> rateLimits)
    {
        for (var i = 0; i < config.DestinationPolicies.Count; i++)
        {
            var policy = config.DestinationPolicies[i];
            if (policy.RateLimit is not null)
            {
                foreach (var written in RateLimitMapping.ToLinkerd(policy, $"$.spec.destinationPolicies[{i}]", ctx))
                {
                    Ownership.From(written.Server, ModelObjectNames.Of(policy));
                    rateLimits.Add(written with { Policy = Ownership.From(written.Policy, ModelObjectNames.Of(policy)) });
                }
            }
            Destination(policy, $"$.spec.destinationPolicies[{i}]", ctx);
        }
        for (var i = 0; i < config.Mtls.Count; i++)
        {
            var mode = config.Mtls[i].Mode;
            if (mode == MtlsMode.Strict) ctx.Approximated($"$.spec.mtls[{i}]", "mTLS is always on between meshed pods in Linkerd: nothing is written, so the policy is not read back.");
            else ctx.Unsupported($"$.spec.mtls[{i}].mode", $"mTLS is always on in Linkerd; mode '{WireNames.Of(mode)}' cannot be expressed.");
        }
        // A subset an access policy targets is written as the pod selector of its Servers, one a route sends to as its leaf
        // Service; any other subset has nothing to be written as.
        var authorized = config.AccessPolicies.Where(p => p.Target?.Subset is not null).Select(p => (p.Target!.Service, p.Target.Subset!)).ToHashSet();
        for (var i = 0; i < config.Services.Count; i++)
        {
            var service = config.Services[i];
            for (var k = 0; k < service.Subsets.Count; k++)
            {
                if (authorized.Contains((service.Reference, service.Subsets[k].Name)) || leaves.HasLeaf(service.Reference, service.Subsets[k].Name)) continue;
                ctx.Unsupported($"$.spec.services[{i}].subsets.{service.Subsets[k].Name}", leaves.Leaves.Count == 0 && config.Routes.Any(r => r.Rules.Any(x => x.Backends.Any(b => b.Subset is not null)))
                    ? "Linkerd routes to whole Services and ServiceOutput None writes no leaf Service: the subset is not written."
                    : "Linkerd routes to whole Services; no route sends to this subset, so no leaf Service is written for it.");
            }
        }
    }

    /// <summary>
    /// A destination policy: Linkerd has no load-balancer choice or connection limits; its outlier detection is Linkerd's
    /// failure accrual, annotations on the Service, which this provider does not write — the diagnostic names the exact
    /// annotations to apply.
    /// </summary>
    private static void Destination(DestinationPolicy policy, string path, RouteExportContext ctx)
    {
        // A rate limit alone (written on the Servers, per port too) leaves nothing else to write.
        if (policy is { LoadBalancer: null, ConnectionPool: null, OutlierDetection: null, Tls: null, RateLimit: not null }) return;
        if (policy.Target.Port is not null)
        {
            ctx.Unsupported($"{path}.target.port", "Linkerd configures a destination per Service, not per port; the port's policy is not written.");
            return;
        }
        if (policy.Tls is not null) ctx.Unsupported($"{path}.tls", "Linkerd originates only its own mTLS between meshed workloads; TLS origination settings are not written.");
        if (policy.LoadBalancer is not null) ctx.Unsupported($"{path}.loadBalancer", "Linkerd always balances with EWMA / power of two choices; the load balancer is not written.");
        if (policy.ConnectionPool is not null) ctx.Unsupported($"{path}.connectionPool", "Linkerd has no connection-pool limits or connect timeout; they are not written.");
        if (policy.OutlierDetection is { } outlier) FailureAccrualMapping.ToLinkerd(policy, outlier, path, ctx);
    }
}
