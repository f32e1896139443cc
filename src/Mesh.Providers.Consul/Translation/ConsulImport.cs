using k8s;
using k8s.Models;
using Mesh.Model;
using Mesh.Providers.Consul.Mapping;
using Mesh.Kubernetes;
using Mesh.Providers.Consul.Resources;
using Mesh.Translation;
using Mesh.Providers.GatewayApi.Translation;
using GatewayResources = Mesh.Providers.GatewayApi.Resources;

namespace Mesh.Providers.Consul.Translation;

/// <summary>
/// Consul config entries → model, in two passes so that the discovery chain resolves across files: every entry is first
/// collected by kind, namespace and name (<see cref="ConsulImportIndex"/>); then services and resolver subsets
/// (<see cref="SubsetMapping"/>), routers with their splitters (<see cref="RouterMapping"/>), intentions
/// (<see cref="IntentionsMapping"/>, with the JWT providers they require, <see cref="JwtProviderMapping"/>), mTLS modes (<see cref="MtlsMapping"/>), resolver load balancers
/// (<see cref="LoadBalancerMapping"/>) and destinations with the terminating gateway (<see cref="EgressMapping"/>) are read in
/// namespace/name order. Caller-side upstream overrides become destination policies when the callers agree (<see cref="UpstreamMapping"/>); ExportedServices and the legacy
/// IngressGateway entry are out of the model's scope (the API gateway is its replacement). Gateway API Gateways with the HTTPRoutes and TCPRoutes bound to them are Consul's API
/// gateway (<see cref="ApiGatewayMapping"/>), read into gateways and gateway routes once every resource is.
/// </summary>
internal static class ConsulImport
{
    public static ResourceCatalog Catalog { get; } = new(
        ConsulResourceTypes.TypeMap,
        new Dictionary<Type, string>
        {
            [typeof(ServiceDefaults)] = Written(ServiceDefaults.KubeGroup, ServiceDefaults.KubeApiVersion),
            [typeof(ServiceRouter)] = Written(ServiceRouter.KubeGroup, ServiceRouter.KubeApiVersion),
            [typeof(ServiceSplitter)] = Written(ServiceSplitter.KubeGroup, ServiceSplitter.KubeApiVersion),
            [typeof(ServiceResolver)] = Written(ServiceResolver.KubeGroup, ServiceResolver.KubeApiVersion),
            [typeof(ServiceIntentions)] = Written(ServiceIntentions.KubeGroup, ServiceIntentions.KubeApiVersion),
            [typeof(ProxyDefaults)] = Written(ProxyDefaults.KubeGroup, ProxyDefaults.KubeApiVersion),
            [typeof(ConsulMesh)] = Written(ConsulMesh.KubeGroup, ConsulMesh.KubeApiVersion),
            [typeof(ExportedServices)] = Written(ExportedServices.KubeGroup, ExportedServices.KubeApiVersion),
            [typeof(TerminatingGateway)] = Written(TerminatingGateway.KubeGroup, TerminatingGateway.KubeApiVersion),
            [typeof(IngressGateway)] = Written(IngressGateway.KubeGroup, IngressGateway.KubeApiVersion),
            [typeof(JwtProvider)] = Written(JwtProvider.KubeGroup, JwtProvider.KubeApiVersion),
            [typeof(CoreService)] = CoreService.KubeApiVersion,
            [typeof(GatewayResources.Gateway)] = ApiGatewayMapping.ApiVersion,
            [typeof(GatewayResources.HttpRoute)] = ApiGatewayMapping.ApiVersion,
            [typeof(GatewayResources.ReferenceGrant)] = ApiGatewayMapping.ApiVersion,
            [typeof(GatewayResources.TcpRoute)] = ApiGatewayMapping.TcpRouteApiVersion,
            [typeof(GatewayResources.TlsRoute)] = GatewayResources.TlsRoute.KubeGroup + "/" + GatewayResources.TlsRoute.KubeApiVersion,
            [typeof(GatewayResources.GrpcRoute)] = GatewayResources.GrpcRoute.KubeGroup + "/" + GatewayResources.GrpcRoute.KubeApiVersion,
        },
        new HashSet<string>(ConsulResourceTypes.Groups, StringComparer.Ordinal),
        "a Consul config entry or Consul API gateway resource this provider reads",
        VersionNotes: new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [$"{GatewayResources.Gateway.KubeGroup}/v1/{GatewayResources.Gateway.KubeKind}"] = NewerVersion(GatewayResources.Gateway.KubeKind),
            [$"{GatewayResources.HttpRoute.KubeGroup}/v1/{GatewayResources.HttpRoute.KubeKind}"] = NewerVersion(GatewayResources.HttpRoute.KubeKind),
            [$"{GatewayResources.ReferenceGrant.KubeGroup}/v1/{GatewayResources.ReferenceGrant.KubeKind}"] = NewerVersion(GatewayResources.ReferenceGrant.KubeKind),
            [$"{GatewayResources.TcpRoute.KubeGroup}/v1/{GatewayResources.TcpRoute.KubeKind}"] = $"gateway.networking.k8s.io/v1 TCPRoute was read as {ApiGatewayMapping.TcpRouteApiVersion}, the version Consul's API gateway controller watches (the same fields), and is written back in that version.",
        })
    {
        TypeInfoResolver = ConsulJsonContext.Default,
        OutOfScopeKinds = "peering, sameness groups, API gateway filters, rate limits of Consul servers, v2 catalog resources",
    };

    private static string Written(string group, string version) => group + "/" + version;

    private static string NewerVersion(string kind) =>
        $"gateway.networking.k8s.io/v1 {kind} was read as {ApiGatewayMapping.ApiVersion}, the version Consul's API gateway controller watches (the same fields), and is written back in that version.";

    private static readonly IReadOnlySet<string> DefaultsCarried = new HashSet<string>(StringComparer.Ordinal) { ConsulEntries.SplitOf };

    public static ImportResult ToModel(IReadOnlyList<(object Resource, string Source)> resources, ImportContext ctx, ConsulOptions consul, ImportOptions? options)
    {
        var index = new ConsulImportIndex(consul.Edition == ConsulEdition.Enterprise);
        var edge = new ModelBuilder { ReadsGateways = true };
        var config = resources.Where(r => !ApiGatewayMapping.Read(r.Resource, r.Source, edge, consul, ctx)).ToList();
        new ImportHandlers()
            .On<CoreService>((r, s) => ConsulImportIndex.Add(index.Services, ConsulImportIndex.Of(r, s, ctx), ctx))
            .On<ServiceDefaults>((r, s) => ConsulImportIndex.Add(index.Defaults, ConsulImportIndex.Of(r, s, ctx), ctx))
            .On<ServiceRouter>((r, s) => ConsulImportIndex.Add(index.Routers, ConsulImportIndex.Of(r, s, ctx), ctx))
            .On<ServiceSplitter>((r, s) => ConsulImportIndex.Add(index.Splitters, ConsulImportIndex.Of(r, s, ctx), ctx))
            .On<ServiceResolver>((r, s) => ConsulImportIndex.Add(index.Resolvers, ConsulImportIndex.Of(r, s, ctx), ctx))
            .On<ProxyDefaults>((r, s) => index.Proxies.Add(ConsulImportIndex.Of(r, s, ctx)))
            .On<ServiceIntentions>((r, s) => ConsulImportIndex.Add(index.Intentions, ConsulImportIndex.Of(r, s, ctx), ctx))
            .On<ConsulMesh>((r, s) => index.Meshes.Add(ConsulImportIndex.Of(r, s, ctx)))
            .On<JwtProvider>((r, s) => index.AddJwtProvider(ConsulImportIndex.Of(r, s, ctx), ctx))
            .On<ExportedServices>((r, s) => OutOfScope(r, s, ctx, "ExportedServices share services with other partitions or peers, which are outside the model; it was not imported."))
            .On<TerminatingGateway>((r, s) => index.Gateways.Add(ConsulImportIndex.Of(r, s, ctx)))
            .On<IngressGateway>((r, s) => OutOfScope(r, s, ctx, "The legacy IngressGateway config entry is not read: its services carry no port, which the gateway routes of the model need to be written again (Gateway API backendRefs require one), and its TLS comes from Consul's CA, which a model listener cannot name. Consul's current ingress, the API gateway, is read: express the gateway as a Gateway (class consul) with HTTPRoutes and TCPRoutes to import it."))
            .Dispatch(config, ctx, "a Consul config entry this provider reads");
        var (gateways, gatewayRoutes, gatewayTcpRoutes) = ApiGatewayMapping.Bind(edge, ctx);

        var services = SubsetMapping.ToModel(index, ctx);
        var routes = RouterMapping.ToModel(index, ctx);
        var jwt = JwtProviderMapping.ToModel(index, ctx);
        var access = IntentionsMapping.ToModel(index, jwt, ctx);
        var mtls = MtlsMapping.ToModel(index, services, ctx);
        var telemetry = AccessLogMapping.ToModel(index, ctx);
        var balancers = LoadBalancerMapping.ToModel(index, ctx);
        foreach (var upstream in UpstreamMapping.ToModel(index, ctx))
        {
            var i = balancers.FindIndex(b => b.Target == upstream.Target);
            if (i < 0) balancers.Add(upstream);
            else balancers[i] = balancers[i] with { ConnectionPool = upstream.ConnectionPool, OutlierDetection = upstream.OutlierDetection };
        }
        foreach (var limited in RateLimitMapping.ToModel(index, ctx))
        {
            var i = balancers.FindIndex(b => b.Target == limited.Target);
            if (i < 0) balancers.Add(limited);
            else balancers[i] = balancers[i] with { RateLimit = limited.RateLimit };
        }
        var externals = EgressMapping.ToModel(index, ctx);
        ReportDefaults(index, ctx);
        ReportProxies(index, ctx);
        var outbound = ReportMeshes(index, ctx);

        // A service whose mTLS mode is set is declared, so that its workload scope covers it.
        foreach (var policy in mtls.Where(p => p.Scope.Kind == MtlsScopeKind.Workload))
        {
            var name = policy.Scope.Workload.TryGetValue(MeshService.DefaultSelectorKey, out var app) ? app : null;
            if (name is null || services.Any(s => s.Namespace == policy.Scope.Namespace && s.EffectiveSelector == policy.Scope.Workload)) continue;
            services.Add(new MeshService { Name = name, Namespace = policy.Scope.Namespace! });
        }

        var model = new MeshConfig
        {
            Name = options?.ModelName ?? "imported",
            Services = [.. services],
            Routes = [.. routes],
            AccessPolicies = [.. access],
            RequestAuthentications = [.. jwt.Policies],
            Mtls = [.. mtls],
            DestinationPolicies = [.. balancers],
            ExternalServices = [.. externals],
            Outbound = [.. outbound],
            Telemetry = [.. telemetry],
            Gateways = [.. gateways],
            GatewayRoutes = [.. gatewayRoutes],
            GatewayTcpRoutes = [.. gatewayTcpRoutes],
        };
        return ImportResult.Create(ctx.HasErrors ? new MeshConfig { Name = model.Name } : model.Normalize(), ctx.Diagnostics, options);
    }

    private static void ReportDefaults(ConsulImportIndex index, ImportContext ctx)
    {
        foreach (var doc in index.Defaults.Values)
        {
            ctx.ReportMetadata(doc.Resource.Metadata, doc.Source, DefaultsCarried);
            var spec = doc.Resource.Spec;
            if (spec is null) continue;
            if (spec.Protocol is { } protocol && protocol is not ("http" or "http2" or "grpc" or "tcp"))
            {
                ctx.Invalid(doc.Source, "$.spec.protocol", $"Consul knows the protocols http, http2, grpc and tcp, not '{protocol}'.");
            }
            if (doc.Resource.Metadata?.Annotations?.ContainsKey(ConsulEntries.SplitOf) == true) continue;
            if (spec.Protocol is not null && spec.Destination is null && !index.Services.ContainsKey((doc.Namespace, doc.Name)))
            {
                ctx.NotImportedInfo(doc.Source, "$.spec.protocol", "The model carries a protocol on a service's ports: without the service's Kubernetes Service in the input there is no port to carry it (routers, splitters and L7 intentions imply an HTTP-family protocol).");
            }
            ReportProxySettings(doc.Source, spec.Mode, spec.MeshGateway, spec.Expose, spec.TransparentProxy, ctx);
            if (spec.MaxInboundConnections is not null) ctx.NotImported(doc.Source, "$.spec.maxInboundConnections", "Inbound connection limits are not carried.");
            if (spec.LocalConnectTimeoutMs is not null) ctx.NotImported(doc.Source, "$.spec.localConnectTimeoutMs", "Local timeouts are not carried.");
            if (spec.LocalRequestTimeoutMs is not null) ctx.NotImported(doc.Source, "$.spec.localRequestTimeoutMs", "Local timeouts are not carried.");
            if (spec.BalanceInboundConnections is not null) ctx.NotImported(doc.Source, "$.spec.balanceInboundConnections", "Inbound connection balancing is not carried.");
            if (spec.ExternalSNI is not null) ctx.NotImported(doc.Source, "$.spec.externalSNI", "External SNI is not carried.");
            if (spec.EnvoyExtensions is not null) ctx.NotImported(doc.Source, "$.spec.envoyExtensions", "Envoy extensions are not carried.");
        }
    }

    /// <summary>The proxy settings ServiceDefaults and ProxyDefaults share, none of which the model carries.</summary>
    private static void ReportProxySettings(string source, object? mode, object? meshGateway, object? expose, object? transparentProxy, ImportContext ctx)
    {
        if (mode is not null) ctx.NotImported(source, "$.spec.mode", "The model has no proxy mode: it is not carried.");
        if (meshGateway is not null) ctx.NotImported(source, "$.spec.meshGateway", "The model has no mesh gateways: it is not carried.");
        if (expose is not null) ctx.NotImported(source, "$.spec.expose", "The model has no exposed paths: they are not carried.");
        if (transparentProxy is not null) ctx.NotImported(source, "$.spec.transparentProxy", "The model has no transparent-proxy settings: they are not carried.");
    }

    private static void ReportProxies(ConsulImportIndex index, ImportContext ctx)
    {
        foreach (var doc in index.Proxies)
        {
            ctx.ReportMetadata(doc.Resource.Metadata, doc.Source);
            var spec = doc.Resource.Spec;
            if (spec is null) continue;
            if (spec.Config is { } config)
            {
                if (config.ContainsKey("protocol")) ctx.NotImportedInfo(doc.Source, "$.spec.config.protocol", "The default protocol types the ports of the Kubernetes Services in the input that declare none; it has no model form of its own.");
                foreach (var key in config.Keys.Where(k => k != "protocol").Order(StringComparer.Ordinal))
                {
                    ctx.NotImported(doc.Source, "$.spec.config" + JsonPaths.Segment(key), "Opaque Envoy proxy configuration is not carried.");
                }
            }
            ReportProxySettings(doc.Source, spec.Mode, spec.MeshGateway, spec.Expose, spec.TransparentProxy, ctx);
            if (spec.PrioritizeByLocality is not null) ctx.NotImported(doc.Source, "$.spec.prioritizeByLocality", "The model has no locality-aware routing: it is not carried.");
            if (spec.EnvoyExtensions is not null) ctx.NotImported(doc.Source, "$.spec.envoyExtensions", "Envoy extensions are not carried.");
        }
    }

    /// <summary>The Mesh entries: <c>transparentProxy.meshDestinationsOnly: true</c> is a mesh-wide registry-only outbound policy; the rest is reported.</summary>
    private static List<OutboundPolicy> ReportMeshes(ConsulImportIndex index, ImportContext ctx)
    {
        var outbound = new List<OutboundPolicy>();
        foreach (var doc in index.Meshes)
        {
            ctx.ReportMetadata(doc.Resource.Metadata, doc.Source);
            var spec = doc.Resource.Spec;
            if (spec is null) continue;
            if (spec.TransparentProxy?.MeshDestinationsOnly is true)
            {
                if (outbound.Count == 0) outbound.Add(new OutboundPolicy { Mode = OutboundMode.RegistryOnly });
            }
            else if (spec.TransparentProxy?.MeshDestinationsOnly is false)
            {
                ctx.NotImportedInfo(doc.Source, "$.spec.transparentProxy.meshDestinationsOnly", "Consul's default: transparent proxies reach any address, as the model's do without an outbound policy.");
            }
            if (spec.AllowEnablingPermissiveMutualTLS is not null) ctx.NotImportedInfo(doc.Source, "$.spec.allowEnablingPermissiveMutualTLS", "A precondition of permissive mTLS modes, not a mode itself: the export sets it whenever it writes one.");
            if (spec.ValidateClusters is not null) ctx.NotImported(doc.Source, "$.spec.validateClusters", "The model has no cluster validation setting: it is not carried.");
        }
        return outbound;
    }

    private static void OutOfScope<T>(T resource, string source, ImportContext ctx, string message)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ctx.ReportMetadata(resource.Metadata, source);
        ctx.OutOfScope(source, "$.spec", message);
    }
}
