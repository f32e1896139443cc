using Mesh.Translation;

namespace Mesh.Providers.Osm;

/// <summary>
/// What the Open Service Mesh provider (OSM v1.2.4 with SMI) expresses of the unified model, feature by feature (rendered into
/// <c>docs/capabilities.md</c>). Backends to a subset route to the subset's leaf Service, written with the other resources unless
/// <see cref="OsmOptions.ServiceOutput"/> is <see cref="ServiceOutput.None"/> (<see cref="WithoutLeafServices"/>). Policies whose
/// OSM resource names a calling or called service account (TrafficTarget, Retry, Egress) take the account of a model service to be
/// the one named after it, in its namespace.
/// </summary>
public static class OsmCapabilities
{
    private const string NoJwt = "OSM does not verify end-user tokens (JWT).";

    private const string NoMatchRouting = "OSM does not route by request: SMI HTTPRouteGroup matches only select what a TrafficTarget allows, and TrafficSplit v1alpha2 has no matches. The rule's matches are reported and its split applies to every request to the host.";
    private const string NoLoadBalancer = "OSM has no load-balancer setting (Envoy's round robin is fixed).";
    private const string NoOutlier = "UpstreamTrafficSetting has no outlier detection in OSM v1.2.4 (it came later, on the unreleased main branch).";
    private const string RetryNote = "A Retry per calling service account and policy (policy.openservicemesh.io/v1alpha1; needs featureFlags.enableRetryPolicy, set in the MeshConfig written): OSM retries per source account, so it is written for the accounts of the model's services (named after them) and callers outside the model do not retry. retryOn, perTryTimeout, numRetries and retryBackoffBaseInterval are all required: a missing one is written with Envoy's behaviour (5xx, 15s, 25ms) and reported.";
    private const string NoRewrite = "OSM has no request rewriting.";
    private const string NoHeaders = "OSM routes cannot change headers.";
    private const string NoFault = "OSM has no fault injection.";
    private const string NoMirror = "OSM has no traffic mirroring.";

    /// <summary>OSM's capabilities (with leaf Services, the default): every <see cref="MeshFeature.All"/> entry is declared.</summary>
    public static ProviderCapabilities Instance { get; } = new(ProviderName.Osm, Features(leafServices: true));

    /// <summary>OSM's capabilities when no Service is written (<see cref="ServiceOutput.None"/>): a subset cannot be split to.</summary>
    public static ProviderCapabilities WithoutLeafServices { get; } = new(ProviderName.Osm, Features(leafServices: false));

    /// <summary>The capabilities of a translator with <paramref name="output"/>.</summary>
    /// <param name="output">The Services written.</param>
    /// <returns><see cref="Instance"/>, or <see cref="WithoutLeafServices"/> for <see cref="ServiceOutput.None"/>.</returns>
    public static ProviderCapabilities For(ServiceOutput output) => output == ServiceOutput.None ? WithoutLeafServices : Instance;

    private static Dictionary<MeshFeature, Capability> Features(bool leafServices) => new()
    {
        [MeshFeature.PathExact] = Capability.Unsupported(NoMatchRouting),
        [MeshFeature.PathPrefix] = Capability.Unsupported(NoMatchRouting),
        [MeshFeature.PathRegex] = Capability.Unsupported(NoMatchRouting),
        [MeshFeature.HeaderExact] = Capability.Unsupported(NoMatchRouting),
        [MeshFeature.HeaderPrefix] = Capability.Unsupported(NoMatchRouting),
        [MeshFeature.HeaderRegex] = Capability.Unsupported(NoMatchRouting),
        [MeshFeature.HeaderPresent] = Capability.Unsupported(NoMatchRouting),
        [MeshFeature.HeaderAbsent] = Capability.Unsupported(NoMatchRouting),
        [MeshFeature.QueryExact] = Capability.Unsupported(NoMatchRouting),
        [MeshFeature.QueryPrefix] = Capability.Unsupported(NoMatchRouting),
        [MeshFeature.QueryRegex] = Capability.Unsupported(NoMatchRouting),
        [MeshFeature.QueryPresent] = Capability.Unsupported(NoMatchRouting),
        [MeshFeature.QueryAbsent] = Capability.Unsupported(NoMatchRouting),
        [MeshFeature.MethodMatch] = Capability.Unsupported(NoMatchRouting),
        [MeshFeature.SourceLabelsMatch] = Capability.Unsupported(NoMatchRouting),
        [MeshFeature.SourceNamespaceMatch] = Capability.Unsupported(NoMatchRouting),
        [MeshFeature.PortMatch] = Capability.Unsupported(NoMatchRouting),
        [MeshFeature.WeightedSplit] = Capability.Native,
        [MeshFeature.BackendSubset] = leafServices ? Capability.Native : Capability.Unsupported("TrafficSplit backends name Services; there are no subsets, and with ServiceOutput None no leaf Service is written for one (use one Service per version)."),
        [MeshFeature.BackendPort] = Capability.Approximated("TrafficSplit backends name a Service without a port: a request keeps the port it was sent to (exact when the host has one port and the backend names it)."),
        [MeshFeature.Timeout] = Capability.Unsupported("OSM has no request timeout (UpstreamTrafficSetting has only the TCP connect timeout)."),
        [MeshFeature.RetryAttempts] = Capability.Approximated(RetryNote),
        [MeshFeature.RetryPerTryTimeout] = Capability.Approximated(RetryNote),
        [MeshFeature.RetryOnHttp] = Capability.Approximated(RetryNote),
        [MeshFeature.RetryOnGrpc] = Capability.Approximated(RetryNote),
        [MeshFeature.RetryStatusCodes] = Capability.Unsupported("OSM's Retry has no list of retriable status codes."),
        [MeshFeature.RetryBackoff] = Capability.Approximated("retryBackoffBaseInterval; the longest interval is Envoy's, ten times the base (a different maximum is reported). " + RetryNote),
        [MeshFeature.FaultDelay] = Capability.Unsupported(NoFault),
        [MeshFeature.FaultAbort] = Capability.Unsupported(NoFault),
        [MeshFeature.Mirror] = Capability.Unsupported(NoMirror),
        [MeshFeature.MirrorPercentage] = Capability.Unsupported(NoMirror),
        [MeshFeature.RewritePathPrefix] = Capability.Unsupported(NoRewrite),
        [MeshFeature.RewriteFullPath] = Capability.Unsupported(NoRewrite),
        [MeshFeature.RewriteAuthority] = Capability.Unsupported(NoRewrite),
        [MeshFeature.Redirect] = Capability.Unsupported("OSM routes have no redirect action."),
        [MeshFeature.RequestHeaders] = Capability.Unsupported(NoHeaders),
        [MeshFeature.ResponseHeaders] = Capability.Unsupported(NoHeaders),
        [MeshFeature.Cors] = Capability.Unsupported("OSM has no CORS policy."),
        [MeshFeature.TcpSplit] = Capability.Approximated("A TrafficSplit of the host: it has no port, so it splits every port of the host (exact when the host has one port); a host takes one split, HTTP or TCP."),
        [MeshFeature.LbRoundRobin] = Capability.Unsupported(NoLoadBalancer),
        [MeshFeature.LbLeastRequest] = Capability.Unsupported(NoLoadBalancer),
        [MeshFeature.LbRandom] = Capability.Unsupported(NoLoadBalancer),
        [MeshFeature.HashHeader] = Capability.Unsupported(NoLoadBalancer),
        [MeshFeature.HashCookie] = Capability.Unsupported(NoLoadBalancer),
        [MeshFeature.HashSourceIp] = Capability.Unsupported(NoLoadBalancer),
        [MeshFeature.HashQueryParameter] = Capability.Unsupported(NoLoadBalancer),
        [MeshFeature.HashCookieAttributes] = Capability.Unsupported(NoLoadBalancer),
        [MeshFeature.HashRingHash] = Capability.Unsupported(NoLoadBalancer),
        [MeshFeature.HashMaglev] = Capability.Unsupported(NoLoadBalancer),
        [MeshFeature.LocalityEnabled] = Capability.Unsupported(NoLoadBalancer),
        [MeshFeature.LocalityDistribute] = Capability.Unsupported(NoLoadBalancer),
        [MeshFeature.LocalityFailover] = Capability.Unsupported(NoLoadBalancer),
        [MeshFeature.LocalityFailoverPriority] = Capability.Unsupported(NoLoadBalancer),
        [MeshFeature.Warmup] = Capability.Unsupported(NoLoadBalancer),
        [MeshFeature.MaxConnections] = Capability.Native,
        [MeshFeature.MaxPendingRequests] = Capability.Native,
        [MeshFeature.MaxRequests] = Capability.Native,
        [MeshFeature.MaxRequestsPerConnection] = Capability.Native,
        [MeshFeature.MaxRetries] = Capability.Native,
        [MeshFeature.ConnectTimeout] = Capability.Native,
        [MeshFeature.IdleTimeout] = Capability.Unsupported("UpstreamTrafficSetting has no idle timeout."),
        [MeshFeature.MaxConcurrentStreams] = Capability.Unsupported("UpstreamTrafficSetting has no HTTP/2 stream limit."),
        [MeshFeature.Http2Upgrade] = Capability.Unsupported("OSM has no HTTP/2 upgrade setting."),
        [MeshFeature.OutlierConsecutive5xx] = Capability.Unsupported(NoOutlier),
        [MeshFeature.OutlierConsecutiveGatewayErrors] = Capability.Unsupported(NoOutlier),
        [MeshFeature.OutlierInterval] = Capability.Unsupported(NoOutlier),
        [MeshFeature.OutlierBaseEjectionTime] = Capability.Unsupported(NoOutlier),
        [MeshFeature.OutlierMaxEjectionPercent] = Capability.Unsupported(NoOutlier),
        [MeshFeature.SubsetPolicy] = leafServices
            ? Capability.Approximated("An UpstreamTrafficSetting whose host is the subset's leaf Service: it applies to the traffic a TrafficSplit sends there; a subset no route splits to has no leaf Service, and its policy is reported.")
            : Capability.Unsupported("With ServiceOutput None no leaf Service is written: a subset has no host an UpstreamTrafficSetting could name."),
        [MeshFeature.PortPolicy] = Capability.Unsupported("An UpstreamTrafficSetting applies to every port of its host."),
        [MeshFeature.TlsDisable] = Capability.Unsupported("OSM originates only its own mTLS; it has no TLS origination settings."),
        [MeshFeature.TlsSimple] = Capability.Unsupported("OSM originates only its own mTLS; it has no TLS origination settings."),
        [MeshFeature.TlsMutual] = Capability.Unsupported("OSM originates only its own mTLS; it has no TLS origination settings."),
        [MeshFeature.TlsMesh] = Capability.Unsupported("OSM originates only its own mTLS; it has no TLS origination settings."),
        [MeshFeature.TlsSni] = Capability.Unsupported("OSM originates only its own mTLS; it has no TLS origination settings."),
        [MeshFeature.TlsSubjectAltNames] = Capability.Unsupported("OSM originates only its own mTLS; it has no TLS origination settings."),
        [MeshFeature.TlsCaCertificates] = Capability.Unsupported("OSM originates only its own mTLS; it has no TLS origination settings."),
        [MeshFeature.TlsCredentialName] = Capability.Unsupported("OSM originates only its own mTLS; it has no TLS origination settings."),
        [MeshFeature.TlsInsecureSkipVerify] = Capability.Unsupported("OSM originates only its own mTLS; it has no TLS origination settings."),
        [MeshFeature.RateLimit] = Capability.Native,
        [MeshFeature.RateLimitInterval] = Capability.Approximated("UpstreamTrafficSetting rateLimit counts requests per second, minute or hour: another interval is written as the same average rate in the nearest unit (rounded to a whole number), with the same bucket size."),
        [MeshFeature.RateLimitBurst] = Capability.Native,
        [MeshFeature.RateLimitStatus] = Capability.Native,
        [MeshFeature.RateLimitRoutes] = Capability.Native,
        [MeshFeature.MtlsStrict] = Capability.Native,
        [MeshFeature.MtlsPermissive] = Capability.Unsupported("OSM always uses mTLS between meshed pods: it has no permissive TLS mode (its permissive traffic policy mode is about authorization)."),
        [MeshFeature.MtlsDisabled] = Capability.Unsupported("OSM always uses mTLS between meshed pods: it cannot be turned off for a scope."),
        [MeshFeature.MtlsScopeMesh] = Capability.Native,
        [MeshFeature.MtlsScopeNamespace] = Capability.Approximated("OSM's mTLS is mesh-wide and always strict: a narrower strict policy is met by the whole mesh, and nothing is written for it."),
        [MeshFeature.MtlsScopeWorkload] = Capability.Approximated("OSM's mTLS is mesh-wide and always strict: a narrower strict policy is met by the whole mesh, and nothing is written for it."),
        [MeshFeature.MtlsScopePort] = Capability.Approximated("OSM's mTLS is mesh-wide and always strict: a narrower strict policy is met by the whole mesh, and nothing is written for it."),
        [MeshFeature.AccessAllow] = Capability.Approximated("SMI TrafficTarget, one per rule, in the target's namespace; the MeshConfig written turns permissive traffic policy mode off, so OSM then denies calls to every service without a TrafficTarget, which the model allows (reported)."),
        [MeshFeature.AccessDeny] = Capability.Unsupported("SMI access control is allow-only (OSM denies what no TrafficTarget allows)."),
        [MeshFeature.AccessFromServiceAccounts] = Capability.Native,
        [MeshFeature.AccessFromServices] = Capability.Approximated("TrafficTarget sources are service accounts: a service is written as the service account named like it in its namespace (the convention consul-k8s enforces), which admits every workload of that account and reads back as it."),
        [MeshFeature.AccessFromNamespaces] = Capability.Unsupported("TrafficTarget sources are service accounts; a whole namespace cannot be named."),
        [MeshFeature.AccessFromIpBlocks] = Capability.Approximated("OSM admits IP ranges for ingress only: an allow rule's IP blocks are an IngressBackend that lets plaintext HTTP from them reach the target's HTTP ports (any method and path; a rule that names methods, paths or hosts keeps them only for its other callers); it reads back as a policy of its own."),
        [MeshFeature.AccessFromUnauthenticated] = Capability.Unsupported("TrafficTarget sources are mesh identities; plaintext callers cannot be allowed."),
        [MeshFeature.AccessToPorts] = Capability.Approximated("TCPRoute ports for the target's TCP and TLS ports; an HTTPRouteGroup has no port, so HTTP ports are allowed together."),
        [MeshFeature.AccessToMethods] = Capability.Approximated("HTTPRouteGroup methods: the nine of its enum (GET, HEAD, PUT, POST, DELETE, CONNECT, OPTIONS, TRACE, PATCH); others are reported."),
        [MeshFeature.AccessToPaths] = Capability.Native,
        [MeshFeature.AccessAudit] = Capability.Unsupported("SMI access control only allows; it has no audit action."),
        [MeshFeature.AccessFromAuthenticated] = Capability.Unsupported("TrafficTarget sources are named service accounts; every authenticated workload cannot be named."),
        [MeshFeature.AccessFromIdentities] = Capability.Unsupported("TrafficTarget sources are service accounts of the cluster; other SPIFFE identities cannot be named."),
        [MeshFeature.AccessFromRequestPrincipals] = Capability.Unsupported("OSM does not verify end-user tokens; TrafficTarget sources are service accounts."),
        [MeshFeature.AccessFromRemoteIpBlocks] = Capability.Unsupported("TrafficTarget sources are service accounts, not client addresses."),
        [MeshFeature.AccessFromExcluded] = Capability.Unsupported("TrafficTarget sources cannot be negated."),
        [MeshFeature.AccessToHosts] = Capability.Unsupported("An HTTPRouteGroup matches paths, methods and headers, not the request host."),
        [MeshFeature.AccessToExcluded] = Capability.Unsupported("HTTPRouteGroup matches cannot be negated."),
        [MeshFeature.AccessWhenHeaders] = Capability.Unsupported("HTTPRouteGroup header matches are not written by this provider yet."),
        [MeshFeature.AccessWhenConnection] = Capability.Unsupported("SMI has no conditions on addresses, ports or the connection."),
        [MeshFeature.AccessWhenToken] = Capability.Unsupported("OSM does not verify end-user tokens."),
        [MeshFeature.JwtRules] = Capability.Unsupported(NoJwt),
        [MeshFeature.JwtTokenLocations] = Capability.Unsupported(NoJwt),
        [MeshFeature.JwtOutputs] = Capability.Unsupported(NoJwt),
        [MeshFeature.JwtGateway] = Capability.Unsupported(NoJwt),
        [MeshFeature.AccessSubsetTarget] = Capability.Approximated("The TrafficTarget's destination is a service account, the service's: every subset of the service is allowed alike."),
        [MeshFeature.ExternalHosts] = Capability.Approximated("An Egress per external service (needs featureFlags.enableEgressPolicy, set in the MeshConfig written) whose sources are the accounts of the model's services (named after them): callers outside the model are not let out. A TCP port is matched by address, not host."),
        [MeshFeature.ExternalResolutionDns] = Capability.Native,
        [MeshFeature.ExternalResolutionStatic] = Capability.Approximated("The addresses become ipAddresses; OSM forwards to the address the caller resolved, it does not pick endpoints itself."),
        [MeshFeature.ExternalResolutionNone] = Capability.Approximated("OSM forwards to the address the caller resolved: a passthrough service is written like a DNS one."),
        [MeshFeature.ExternalAddresses] = Capability.Approximated("Egress ipAddresses take IPv4 CIDRs only: an address is written as a /32, IPv6 is reported."),
        [MeshFeature.ExternalRoutes] = Capability.Unsupported("OSM routes, splits and retries name Services, not Egress hosts."),
        [MeshFeature.ExternalEndpoints] = Capability.Unsupported("An OSM Egress names hosts, IP ranges and ports, not endpoints with their own ports or labels."),
        [MeshFeature.ExternalEndpointIdentity] = Capability.Unsupported("OSM meshes pods only; an OSM Egress names hosts, IP ranges and ports, not workloads with an identity."),
        [MeshFeature.ExternalSubsets] = Capability.Unsupported("An OSM Egress has no subsets."),
        [MeshFeature.OutboundRegistryOnly] = Capability.Native,
        [MeshFeature.OutboundNamespace] = Capability.Unsupported("OSM enables egress once per mesh (MeshConfig.spec.traffic.enableEgress)."),
        [MeshFeature.OutboundHosts] = Capability.Unsupported("OSM has no visibility scope: every service is reachable (access is what TrafficTargets allow)."),
        [MeshFeature.AccessLogging] = Capability.Unsupported("OSM turns Envoy access logs on for the whole mesh in its installation, not in a CRD the model writes."),
        [MeshFeature.TracingSampling] = Capability.Unsupported("OSM's MeshConfig observability.tracing sets the collector, not a sampling percentage."),
        [MeshFeature.TracingCustomTags] = Capability.Unsupported("OSM adds no custom span tags."),
        [MeshFeature.TelemetryWorkload] = Capability.Unsupported("OSM has no per-workload telemetry settings."),
        [MeshFeature.GatewayHttp] = Capability.Unsupported("OSM has no gateway resource: ingress is a third-party controller, which this provider does not configure (an access policy's IP blocks become the IngressBackend that admits it)."),
        [MeshFeature.GatewayTlsTerminate] = Capability.Unsupported("OSM has no gateway resource: ingress is a third-party controller, which this provider does not configure (an access policy's IP blocks become the IngressBackend that admits it)."),
        [MeshFeature.GatewayTlsMutual] = Capability.Unsupported("OSM has no gateway resource: ingress is a third-party controller, which this provider does not configure (an access policy's IP blocks become the IngressBackend that admits it)."),
        [MeshFeature.GatewayPassthrough] = Capability.Unsupported("OSM has no gateway resource: ingress is a third-party controller, which this provider does not configure (an access policy's IP blocks become the IngressBackend that admits it)."),
        [MeshFeature.GatewayCertificateFiles] = Capability.Unsupported("OSM has no gateway resource: ingress is a third-party controller, which this provider does not configure (an access policy's IP blocks become the IngressBackend that admits it)."),
        [MeshFeature.GatewayHttpsRedirect] = Capability.Unsupported("OSM has no gateway resource: ingress is a third-party controller, which this provider does not configure (an access policy's IP blocks become the IngressBackend that admits it)."),
        [MeshFeature.GatewayRoutes] = Capability.Unsupported("OSM has no gateway resource: ingress is a third-party controller, which this provider does not configure (an access policy's IP blocks become the IngressBackend that admits it)."),
        [MeshFeature.GatewayRouteListener] = Capability.Unsupported("OSM has no gateway resource: ingress is a third-party controller, which this provider does not configure (an access policy's IP blocks become the IngressBackend that admits it)."),
        [MeshFeature.GatewayTlsRoutes] = Capability.Unsupported("OSM has no gateway resource: ingress is a third-party controller, which this provider does not configure (an access policy's IP blocks become the IngressBackend that admits it)."),
        [MeshFeature.GatewayTcpRoutes] = Capability.Unsupported("OSM has no gateway resource: ingress is a third-party controller, which this provider does not configure (an access policy's IP blocks become the IngressBackend that admits it)."),
    };
}
