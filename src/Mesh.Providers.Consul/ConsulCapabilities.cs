using Mesh.Translation;

namespace Mesh.Providers.Consul;

/// <summary>What the Consul provider expresses of the unified model, feature by feature.</summary>
public static class ConsulCapabilities
{
    private const string NoFault = "Consul has no fault injection (only through Envoy extensions such as builtin/lua).";
    private const string NoMirror = "Consul has no traffic mirroring.";
    private const string Caller = "Written on the caller: an upstreamConfig override naming the service in the ServiceDefaults of every other model service its allow policies admit (Consul configures upstreams caller-side); callers outside the model are not limited.";
    private const string Identity = "ServiceIntentions of the protected service; Consul identifies callers by service name: a service account is the service of its name (consul-k8s requires them to match).";

    /// <summary>Consul's capabilities: every <see cref="MeshFeature.All"/> entry is declared.</summary>
    public static ProviderCapabilities Instance { get; } = new(ProviderName.Consul, Features());

    private static Dictionary<MeshFeature, Capability> Features() => new()
    {
        [MeshFeature.PathExact] = Capability.Native,
        [MeshFeature.PathPrefix] = Capability.Native,
        [MeshFeature.PathRegex] = Capability.Native,
        [MeshFeature.HeaderExact] = Capability.Native,
        [MeshFeature.HeaderPrefix] = Capability.Native,
        [MeshFeature.HeaderRegex] = Capability.Native,
        [MeshFeature.HeaderPresent] = Capability.Native,
        [MeshFeature.HeaderAbsent] = Capability.Native,
        [MeshFeature.QueryExact] = Capability.Native,
        [MeshFeature.QueryPrefix] = Capability.Approximated("Consul matches query parameters by exact value, regex or presence: a prefix is written as the RE2 regex '<escaped prefix>.*'."),
        [MeshFeature.QueryRegex] = Capability.Native,
        [MeshFeature.QueryPresent] = Capability.Native,
        [MeshFeature.QueryAbsent] = Capability.Unsupported("Consul's queryParam match has no invert: an absent parameter cannot be matched."),
        [MeshFeature.MethodMatch] = Capability.Approximated("match.http.methods takes the nine standard methods only."),
        [MeshFeature.WeightedSplit] = Capability.Approximated("A ServiceSplitter: weights become percentages in 0.01 steps summing to exactly 100 (largest remainder; reported when the ratio changes). A split that is not the host's last catch-all rule goes through a splitter of a virtual service <host>-<route>-<rule> the route names."),
        [MeshFeature.BackendSubset] = Capability.Approximated("ServiceResolver subsets filter on service metadata (Service.Meta.<label> == \"<value>\"): the subset's pods need consul.hashicorp.com/service-meta-<label> annotations."),
        [MeshFeature.BackendPort] = Capability.Unsupported("Consul routes to a service, not to one of its ports."),
        [MeshFeature.Timeout] = Capability.Native,
        [MeshFeature.RetryAttempts] = Capability.Native,
        [MeshFeature.RetryPerTryTimeout] = Capability.Unsupported("Consul has no per-try timeout."),
        [MeshFeature.RetryOnHttp] = Capability.Native,
        [MeshFeature.RetryOnGrpc] = Capability.Native,
        [MeshFeature.RetryStatusCodes] = Capability.Native,
        [MeshFeature.RetryBackoff] = Capability.Unsupported("Consul has no retry back-off setting."),
        [MeshFeature.FaultDelay] = Capability.Unsupported(NoFault),
        [MeshFeature.FaultAbort] = Capability.Unsupported(NoFault),
        [MeshFeature.Mirror] = Capability.Unsupported(NoMirror),
        [MeshFeature.MirrorPercentage] = Capability.Unsupported(NoMirror),
        [MeshFeature.RewritePathPrefix] = Capability.Approximated("destination.prefixRewrite, which needs a pathPrefix or pathExact match: a route without a path match matches pathPrefix /; a regex path cannot be rewritten."),
        [MeshFeature.RewriteFullPath] = Capability.Approximated("prefixRewrite on a pathExact match only (the whole path is the prefix)."),
        [MeshFeature.RewriteAuthority] = Capability.Unsupported("Consul routes cannot rewrite the host header."),
        [MeshFeature.Redirect] = Capability.Unsupported("Consul routes cannot answer with an HTTP redirect (ServiceResolver redirect re-targets traffic instead)."),
        [MeshFeature.RequestHeaders] = Capability.Native,
        [MeshFeature.ResponseHeaders] = Capability.Native,
        [MeshFeature.Cors] = Capability.Unsupported("Consul has no CORS policy (only through Envoy extensions)."),
        [MeshFeature.TcpSplit] = Capability.Unsupported("Consul's ServiceRouter and ServiceSplitter are L7 only."),
        [MeshFeature.LbRoundRobin] = Capability.Native,
        [MeshFeature.LbLeastRequest] = Capability.Native,
        [MeshFeature.LbRandom] = Capability.Native,
        [MeshFeature.HashHeader] = Capability.Native,
        [MeshFeature.HashCookie] = Capability.Native,
        [MeshFeature.HashSourceIp] = Capability.Native,
        [MeshFeature.HashQueryParameter] = Capability.Native,
        [MeshFeature.MaxConnections] = Capability.Approximated(Caller),
        [MeshFeature.MaxPendingRequests] = Capability.Approximated(Caller),
        [MeshFeature.MaxRequests] = Capability.Approximated("limits.maxConcurrentRequests. " + Caller),
        [MeshFeature.MaxRequestsPerConnection] = Capability.Unsupported("Consul's upstream limits have no per-connection request limit."),
        [MeshFeature.MaxRetries] = Capability.Unsupported("Consul's upstream limits have no concurrent-retry limit."),
        [MeshFeature.ConnectTimeout] = Capability.Approximated("connectTimeoutMs (whole milliseconds). " + Caller),
        [MeshFeature.OutlierConsecutive5xx] = Capability.Approximated("passiveHealthCheck.maxFailures. " + Caller),
        [MeshFeature.OutlierConsecutiveGatewayErrors] = Capability.Unsupported("Consul's passive health check counts consecutive 5xx responses only."),
        [MeshFeature.OutlierInterval] = Capability.Approximated(Caller),
        [MeshFeature.OutlierBaseEjectionTime] = Capability.Approximated(Caller),
        [MeshFeature.OutlierMaxEjectionPercent] = Capability.Approximated(Caller),
        [MeshFeature.SubsetPolicy] = Capability.Unsupported("Consul sets load balancing, limits and health checks per service, not per subset."),
        [MeshFeature.MtlsStrict] = Capability.Native,
        [MeshFeature.MtlsPermissive] = Capability.Approximated("mutualTLSMode: permissive, with Mesh allowEnablingPermissiveMutualTLS; it only affects transparent-proxy inbound traffic."),
        [MeshFeature.MtlsDisabled] = Capability.Unsupported("Consul's mTLS is always on inside the mesh."),
        [MeshFeature.MtlsScopeMesh] = Capability.Native,
        [MeshFeature.MtlsScopeNamespace] = Capability.Approximated("Written on the ServiceDefaults of each model service of the namespace (read back per service); the namespace's other services keep the mesh's mode."),
        [MeshFeature.MtlsScopeWorkload] = Capability.Approximated("Written on the ServiceDefaults of the services whose selector the workload labels include."),
        [MeshFeature.MtlsScopePort] = Capability.Approximated("Consul sets the mode per service: written for the whole service."),
        [MeshFeature.AccessAllow] = Capability.Native,
        [MeshFeature.AccessDeny] = Capability.Native,
        [MeshFeature.AccessFromServiceAccounts] = Capability.Approximated(Identity),
        [MeshFeature.AccessFromNamespaces] = Capability.Approximated("Enterprise: source '*' in the namespace; Community Edition (one namespace): the model's services of that namespace, by name."),
        [MeshFeature.AccessFromIpBlocks] = Capability.Unsupported("Consul intentions match mesh identities, not IP addresses."),
        [MeshFeature.AccessFromUnauthenticated] = Capability.Unsupported("Consul intentions apply to mesh identities only."),
        [MeshFeature.AccessToPorts] = Capability.Approximated("Consul intentions apply to a whole service, not to ports: the rule is written for every port."),
        [MeshFeature.AccessToMethods] = Capability.Native,
        [MeshFeature.AccessToPaths] = Capability.Approximated("L7 permissions: exact paths as pathExact, /a/* as pathPrefix, *.js as pathRegex; they need an HTTP-family protocol on the service."),
        [MeshFeature.AccessSubsetTarget] = Capability.Unsupported("Consul intentions protect a whole service, not a subset."),
        [MeshFeature.ExternalHosts] = Capability.Approximated("A ServiceDefaults destination (addresses, port) linked to a TerminatingGateway; wildcard hosts cannot be written."),
        [MeshFeature.ExternalResolutionDns] = Capability.Native,
        [MeshFeature.ExternalResolutionStatic] = Capability.Native,
        [MeshFeature.ExternalResolutionNone] = Capability.Approximated("A Consul destination is resolved by the terminating gateway: a passthrough service is written like a DNS one (its hosts)."),
        [MeshFeature.ExternalAddresses] = Capability.Approximated("With static resolution written after the hosts in the destination's addresses; with DNS resolution Consul resolves the hosts and the addresses are not written (reported)."),
    };
}
