using Mesh.Translation;

namespace Mesh.Providers.Linkerd;

/// <summary>What the Linkerd provider expresses of the unified model, feature by feature.</summary>
public static class LinkerdCapabilities
{
    /// <summary>Linkerd's capabilities (with leaf Services, the default): every <see cref="MeshFeature.All"/> entry is declared.</summary>
    public static ProviderCapabilities Instance { get; } = new(ProviderName.Linkerd, Features(leafServices: true));

    /// <summary>Linkerd's capabilities with <see cref="ServiceOutput.None"/>: a route cannot send to a subset.</summary>
    public static ProviderCapabilities WithoutLeafServices { get; } = new(ProviderName.Linkerd, Features(leafServices: false));

    /// <summary>The capabilities of a translator with <paramref name="output"/>.</summary>
    /// <param name="output">The Services written.</param>
    /// <returns><see cref="Instance"/>, or <see cref="WithoutLeafServices"/> for <see cref="ServiceOutput.None"/>.</returns>
    public static ProviderCapabilities For(ServiceOutput output) => output == ServiceOutput.None ? WithoutLeafServices : Instance;

    private static Dictionary<MeshFeature, Capability> Features(bool leafServices) => new()
    {
        [MeshFeature.PathExact] = Capability.Native,
        [MeshFeature.PathPrefix] = Capability.Native,
        [MeshFeature.PathRegex] = Capability.Native,
        [MeshFeature.HeaderExact] = Capability.Native,
        [MeshFeature.HeaderPrefix] = Capability.Approximated("Header matches are Exact or RegularExpression: a prefix match is written as the regex ^prefix.* (regex support is implementation-specific)."),
        [MeshFeature.HeaderRegex] = Capability.Native,
        [MeshFeature.HeaderPresent] = Capability.Approximated("Gateway API has no presence match: it is written as the regex .* (regex support is implementation-specific)."),
        [MeshFeature.HeaderAbsent] = Capability.Unsupported("Gateway API has no negated header match."),
        [MeshFeature.QueryExact] = Capability.Native,
        [MeshFeature.QueryPrefix] = Capability.Approximated("Query parameter matches are Exact or RegularExpression: a prefix match is written as the regex ^prefix.* (regex support is implementation-specific)."),
        [MeshFeature.QueryRegex] = Capability.Native,
        [MeshFeature.QueryPresent] = Capability.Approximated("Gateway API has no presence match: it is written as the regex .* (regex support is implementation-specific)."),
        [MeshFeature.QueryAbsent] = Capability.Unsupported("Gateway API has no negated query parameter match."),
        [MeshFeature.MethodMatch] = Capability.Approximated("The nine methods of the CRD enum (GET ... PATCH) are native; other methods cannot be matched. GRPCRoute matches gRPC service/method, mapped to exact or prefix paths /pkg.Service/Method."),
        [MeshFeature.WeightedSplit] = Capability.Native,
        [MeshFeature.BackendSubset] = leafServices ? Capability.Native : Capability.Unsupported("backendRefs name Services; there are no subsets, and with ServiceOutput None no leaf Service is written for one (use one Service per version)."),
        [MeshFeature.BackendPort] = Capability.Native,
        [MeshFeature.Timeout] = Capability.Approximated("Per rule as timeouts.request (GEP-2257: whole milliseconds), or the timeout.linkerd.io/request annotation when every rule of a route has the same timeout."),
        [MeshFeature.RetryAttempts] = Capability.Approximated("retry.linkerd.io/limit on the route: Linkerd sets retries per route, so the rules of a route must share one retry policy."),
        [MeshFeature.RetryPerTryTimeout] = Capability.Approximated("retry.linkerd.io/timeout on the route (per route, see attempts)."),
        [MeshFeature.RetryOnHttp] = Capability.Approximated("retry.linkerd.io/http takes 5xx, gateway-error and status codes; reset, connect-failure, refused-stream and retriable-4xx are not expressible. HTTP routes only."),
        [MeshFeature.RetryOnGrpc] = Capability.Approximated("retry.linkerd.io/grpc (cancelled, deadline-exceeded, internal, resource-exhausted, unavailable) on GRPCRoutes only."),
        [MeshFeature.RetryStatusCodes] = Capability.Approximated("Status codes in retry.linkerd.io/http (per route)."),
        [MeshFeature.RetryBackoff] = Capability.Unsupported("Linkerd has no retry back-off setting."),
        [MeshFeature.FaultDelay] = Capability.Unsupported("Linkerd has no fault injection (its documentation splits traffic to an error-injecting backend instead)."),
        [MeshFeature.FaultAbort] = Capability.Unsupported("Linkerd has no fault injection (its documentation splits traffic to an error-injecting backend instead)."),
        [MeshFeature.Mirror] = Capability.Unsupported("Linkerd does not run the RequestMirror filter."),
        [MeshFeature.MirrorPercentage] = Capability.Unsupported("Linkerd does not run the RequestMirror filter."),
        [MeshFeature.RewritePathPrefix] = Capability.Unsupported("Linkerd does not run the URLRewrite filter."),
        [MeshFeature.RewriteFullPath] = Capability.Unsupported("Linkerd does not run the URLRewrite filter."),
        [MeshFeature.RewriteAuthority] = Capability.Unsupported("Linkerd does not run the URLRewrite filter."),
        [MeshFeature.Redirect] = Capability.Approximated("RequestRedirect: scheme http/https, hostname, port, full path or prefix replacement; status 301 or 302 only (other codes are written as 302). A prefix replacement needs exactly one PathPrefix match (or none): beside exact-path matches only it is written as a full path, beside other matches it is not written."),
        [MeshFeature.RequestHeaders] = Capability.Native,
        [MeshFeature.ResponseHeaders] = Capability.Unsupported("policy.linkerd.io HTTPRoute has no ResponseHeaderModifier filter."),
        [MeshFeature.Cors] = Capability.Unsupported("Linkerd does not run a CORS filter."),
        [MeshFeature.TcpSplit] = Capability.Approximated("TCPRoute gateway.networking.k8s.io/v1alpha2 (the version Linkerd bundles) whose parent is the Service. Linkerd serves one kind of route per Service port: a TCPRoute applies where no GRPCRoute, HTTPRoute or TLSRoute is attached (the port is then proxied opaquely, without HTTP detection) and on opaque ports (appProtocol linkerd.io/opaque or config.linkerd.io/opaque-ports); a port with appProtocol http or kubernetes.io/h2c ignores it."),
        [MeshFeature.LbRoundRobin] = Capability.Unsupported("Linkerd always balances with EWMA / power of two choices; there is no setting."),
        [MeshFeature.LbLeastRequest] = Capability.Unsupported("Linkerd always balances with EWMA / power of two choices; there is no setting."),
        [MeshFeature.LbRandom] = Capability.Unsupported("Linkerd always balances with EWMA / power of two choices; there is no setting."),
        [MeshFeature.HashHeader] = Capability.Unsupported("Linkerd always balances with EWMA / power of two choices; there is no setting."),
        [MeshFeature.HashCookie] = Capability.Unsupported("Linkerd always balances with EWMA / power of two choices; there is no setting."),
        [MeshFeature.HashSourceIp] = Capability.Unsupported("Linkerd always balances with EWMA / power of two choices; there is no setting."),
        [MeshFeature.HashQueryParameter] = Capability.Unsupported("Linkerd always balances with EWMA / power of two choices; there is no setting."),
        [MeshFeature.MaxConnections] = Capability.Unsupported("Linkerd has no connection-pool limits."),
        [MeshFeature.MaxPendingRequests] = Capability.Unsupported("Linkerd has no connection-pool limits."),
        [MeshFeature.MaxRequests] = Capability.Unsupported("Linkerd has no connection-pool limits."),
        [MeshFeature.MaxRequestsPerConnection] = Capability.Unsupported("Linkerd has no connection-pool limits."),
        [MeshFeature.MaxRetries] = Capability.Unsupported("Linkerd has no connection-pool limits."),
        [MeshFeature.ConnectTimeout] = Capability.Unsupported("Linkerd has no connection-pool limits."),
        [MeshFeature.OutlierConsecutive5xx] = Capability.Approximated("Failure accrual: balancer.linkerd.io/failure-accrual: consecutive and …-consecutive-max-failures on the Service, which this provider does not write; the diagnostic names the exact annotations to apply, and a Service carrying them is read back."),
        [MeshFeature.OutlierConsecutiveGatewayErrors] = Capability.Approximated("Linkerd counts every failed response toward failure accrual (…-consecutive-max-failures); reported with the annotations to apply."),
        [MeshFeature.OutlierInterval] = Capability.Unsupported("Linkerd's failure accrual counts consecutive failures, not failures per interval."),
        [MeshFeature.OutlierBaseEjectionTime] = Capability.Approximated("balancer.linkerd.io/failure-accrual-consecutive-min-penalty on the Service (reported with the annotations to apply; read back from a Service)."),
        [MeshFeature.OutlierMaxEjectionPercent] = Capability.Unsupported("Linkerd's failure accrual has no cap on the share of endpoints made unavailable."),
        [MeshFeature.SubsetPolicy] = Capability.Unsupported("Linkerd routes to Services; there are no subsets."),
        [MeshFeature.PortPolicy] = Capability.Unsupported("Linkerd configures a destination per Service, not per port."),
        [MeshFeature.TlsDisable] = Capability.Unsupported("Linkerd originates only its own mTLS between meshed workloads; it has no TLS origination settings."),
        [MeshFeature.TlsSimple] = Capability.Unsupported("Linkerd originates only its own mTLS between meshed workloads; it has no TLS origination settings."),
        [MeshFeature.TlsMutual] = Capability.Unsupported("Linkerd originates only its own mTLS between meshed workloads; it has no TLS origination settings."),
        [MeshFeature.TlsMesh] = Capability.Unsupported("Linkerd originates only its own mTLS between meshed workloads; it has no TLS origination settings."),
        [MeshFeature.TlsSni] = Capability.Unsupported("Linkerd originates only its own mTLS between meshed workloads; it has no TLS origination settings."),
        [MeshFeature.TlsSubjectAltNames] = Capability.Unsupported("Linkerd originates only its own mTLS between meshed workloads; it has no TLS origination settings."),
        [MeshFeature.TlsCaCertificates] = Capability.Unsupported("Linkerd originates only its own mTLS between meshed workloads; it has no TLS origination settings."),
        [MeshFeature.TlsCredentialName] = Capability.Unsupported("Linkerd originates only its own mTLS between meshed workloads; it has no TLS origination settings."),
        [MeshFeature.TlsInsecureSkipVerify] = Capability.Unsupported("Linkerd originates only its own mTLS between meshed workloads; it has no TLS origination settings."),
        [MeshFeature.MtlsStrict] = Capability.Approximated("mTLS is always on between meshed pods in Linkerd: nothing is written, and nothing is read back."),
        [MeshFeature.MtlsPermissive] = Capability.Unsupported("Linkerd has no permissive mTLS mode (plaintext is governed by a Server access policy)."),
        [MeshFeature.MtlsDisabled] = Capability.Unsupported("mTLS is always on in Linkerd; it cannot be disabled."),
        [MeshFeature.MtlsScopeMesh] = Capability.Approximated("mTLS is always on everywhere in Linkerd: a strict policy at any scope needs nothing written."),
        [MeshFeature.MtlsScopeNamespace] = Capability.Approximated("mTLS is always on everywhere in Linkerd: a strict policy at any scope needs nothing written."),
        [MeshFeature.MtlsScopeWorkload] = Capability.Approximated("mTLS is always on everywhere in Linkerd: a strict policy at any scope needs nothing written."),
        [MeshFeature.MtlsScopePort] = Capability.Approximated("mTLS is always on everywhere in Linkerd: a strict policy at any scope needs nothing written."),
        [MeshFeature.AccessAllow] = Capability.Approximated("A Server per port of the target (pods selected by the service's selector) and an AuthorizationPolicy per rule, port and kind of source; a policy with several rules, ports or kinds of source reads back as one policy per AuthorizationPolicy (the same allowed set)."),
        [MeshFeature.AccessDeny] = Capability.Unsupported("Linkerd authorization only allows; what no AuthorizationPolicy allows is denied by the Server's default policy."),
        [MeshFeature.AccessFromServiceAccounts] = Capability.Native,
        [MeshFeature.AccessFromNamespaces] = Capability.Native,
        [MeshFeature.AccessFromIpBlocks] = Capability.Native,
        [MeshFeature.AccessFromUnauthenticated] = Capability.Unsupported("Linkerd authenticates by mesh identity or network; it cannot allow only clients without an identity (an all-networks NetworkAuthentication admits every client)."),
        [MeshFeature.AccessToPorts] = Capability.Approximated("Linkerd has no port condition: the rule is written for the Servers of those ports, and reads back with a port only when the service has more than one port."),
        [MeshFeature.AccessToMethods] = Capability.Native,
        [MeshFeature.AccessToPaths] = Capability.Approximated("A policy HTTPRoute whose parent is the Server: exact paths and prefixes ('/api/*' as PathPrefix /api, which also matches /api itself); suffix and inner wildcards are not expressible."),
        [MeshFeature.AccessSubsetTarget] = Capability.Native,
        [MeshFeature.ExternalHosts] = Capability.Approximated("An allow-list per namespace: external services named by host share one EgressNetwork without networks and trafficPolicy Deny, each port a route on it with the hosts as hostnames (HTTP and HTTP/2: HTTPRoute; gRPC: GRPCRoute; TLS: TLSRoute, by SNI). Only the declared hosts and ports leave, for clients of that namespace (from Linkerd's global egress namespace: of every namespace without EgressNetworks of its own). Ports are needed; HTTP/2 reads back as http. TCP ports are not written: a TCP connection has no host name to match, so a TCPRoute on the shared network would let every destination out on that port (give the service its addresses: see external addresses)."),
        [MeshFeature.ExternalResolutionDns] = Capability.Approximated("Linkerd forwards egress to the address the client resolved and connected to: the resolution is not written (read back as dns for services named by host, static for those with addresses)."),
        [MeshFeature.ExternalResolutionStatic] = Capability.Approximated("The addresses are the networks of the service's own EgressNetwork, which governs the traffic clients send to them (Linkerd does not send traffic for the hosts there itself); read back as static."),
        [MeshFeature.ExternalResolutionNone] = Capability.Approximated("Linkerd forwards egress to the address the client connected to, as passthrough does, but nothing is written for it: read back as dns (by host) or static (with addresses)."),
        [MeshFeature.ExternalAddresses] = Capability.Approximated("The service's own EgressNetwork: the addresses as networks (a single address as /32 or /128, read back as the address), its ports as routes on it — TCP ports as v1alpha2 TCPRoutes, which the network limits to the addresses — and trafficPolicy Deny; Allow, admitting every port and host there, when it has no ports. A TCPRoute names no host: with TCP ports only, the hosts read back as the service's name."),
        [MeshFeature.ExternalRoutes] = Capability.Unsupported("Routes on an external service are not written yet: Linkerd attaches them to the EgressNetwork, not to a Service."),
        [MeshFeature.ExternalEndpoints] = Capability.Unsupported("External endpoints with ports and labels (Linkerd ExternalWorkload) are not mapped yet."),
        [MeshFeature.ExternalSubsets] = Capability.Unsupported("Linkerd routes to Services; there are no subsets."),
    };
}
