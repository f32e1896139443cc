using Mesh.Kubernetes;
using Mesh.Translation;

namespace Mesh.Providers.GatewayApi;

/// <summary>
/// What Gateway API mesh routing (GAMMA, standard channel) expresses of the unified model, feature by feature (rendered into
/// <c>docs/capabilities.md</c>). Backends, mirrors and TCP backends to a subset route to the subset's leaf Service, written
/// with the routes unless <see cref="GatewayApiOptions.ServiceOutput"/> is <see cref="ServiceOutput.None"/>
/// (<see cref="WithoutLeafServices"/>).
/// </summary>
public static class GatewayApiCapabilities
{
    /// <summary>Gateway API's capabilities (with leaf Services, the default): every <see cref="MeshFeature.All"/> entry is declared.</summary>
    public static ProviderCapabilities Instance { get; } = new(ProviderName.GatewayApi, Features(leafServices: true));

    /// <summary>Gateway API's capabilities when no Service is written (<see cref="ServiceOutput.None"/>): a subset cannot be routed to.</summary>
    public static ProviderCapabilities WithoutLeafServices { get; } = new(ProviderName.GatewayApi, Features(leafServices: false));

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
        [MeshFeature.SourceLabelsMatch] = Capability.Unsupported("HTTPRoute matches hold the request only (path, headers, query parameters, method), not the calling workload."),
        [MeshFeature.SourceNamespaceMatch] = Capability.Unsupported("HTTPRoute matches hold the request only (path, headers, query parameters, method), not the calling workload's namespace."),
        [MeshFeature.PortMatch] = Capability.Approximated("Matches have no port, but a route attached to one port of its Service (parentRefs[].port) serves that port only: written so when every match of the route names the same port (read back as the route's port, not a match condition); otherwise unsupported."),
        [MeshFeature.WeightedSplit] = Capability.Native,
        [MeshFeature.BackendSubset] = leafServices ? Capability.Native : Capability.Unsupported("backendRefs name Services; there are no subsets, and with ServiceOutput None no leaf Service is written for one (use one Service per version)."),
        [MeshFeature.BackendPort] = Capability.Native,
        [MeshFeature.Timeout] = Capability.Approximated("timeouts.request in GEP-2257 syntax (1s500ms): whole milliseconds, at most 99999h; HTTPRoute only (GRPCRoute has no timeouts)."),
        [MeshFeature.RetryAttempts] = Capability.Unsupported("Retries are experimental-channel only (rules[].retry); the standard channel cannot express them."),
        [MeshFeature.RetryPerTryTimeout] = Capability.Unsupported("Retries are experimental-channel only (rules[].retry); the standard channel cannot express them."),
        [MeshFeature.RetryOnHttp] = Capability.Unsupported("Retries are experimental-channel only (rules[].retry); the standard channel cannot express them."),
        [MeshFeature.RetryOnGrpc] = Capability.Unsupported("Retries are experimental-channel only (rules[].retry); the standard channel cannot express them."),
        [MeshFeature.RetryStatusCodes] = Capability.Unsupported("Retries are experimental-channel only (rules[].retry); the standard channel cannot express them."),
        [MeshFeature.RetryBackoff] = Capability.Unsupported("Retries are experimental-channel only (rules[].retry); the standard channel cannot express them."),
        [MeshFeature.FaultDelay] = Capability.Unsupported("Fault injection is not in Gateway API (only through an implementation-specific ExtensionRef filter)."),
        [MeshFeature.FaultAbort] = Capability.Unsupported("Fault injection is not in Gateway API (only through an implementation-specific ExtensionRef filter)."),
        [MeshFeature.Mirror] = leafServices ? Capability.Native : Capability.Approximated("RequestMirror filter to a Service; with ServiceOutput None a subset cannot be named."),
        [MeshFeature.MirrorPercentage] = Capability.Approximated("Whole percentages as percent, others as a fraction over 10000."),
        [MeshFeature.RewritePathPrefix] = Capability.Approximated("URLRewrite ReplacePrefixMatch, which Gateway API allows only in a rule with exactly one PathPrefix match (or no match); beside exact-path matches only it is written as ReplaceFullPath (the matched prefix is the whole path), beside other matches it is not written."),
        [MeshFeature.RewriteFullPath] = Capability.Native,
        [MeshFeature.RewriteAuthority] = Capability.Native,
        [MeshFeature.Redirect] = Capability.Approximated("RequestRedirect: scheme http/https, hostname, port, full path or prefix replacement, status 301/302/303/307/308; other codes or schemes are not written. A prefix replacement needs exactly one PathPrefix match (or none): beside exact-path matches only it is written as a full path, beside other matches it is not written."),
        [MeshFeature.RequestHeaders] = Capability.Native,
        [MeshFeature.ResponseHeaders] = Capability.Native,
        [MeshFeature.Cors] = Capability.Approximated("CORS filter (standard since v1.6): maxAge is whole seconds; origins must be * or scheme://host[:port], and * is written alone."),
        [MeshFeature.TcpSplit] = Capability.Native,
        [MeshFeature.LbRoundRobin] = Capability.Unsupported("Load balancing is not in Gateway API routes (policy attachment is implementation-specific)."),
        [MeshFeature.LbLeastRequest] = Capability.Unsupported("Load balancing is not in Gateway API routes (policy attachment is implementation-specific)."),
        [MeshFeature.LbRandom] = Capability.Unsupported("Load balancing is not in Gateway API routes (policy attachment is implementation-specific)."),
        [MeshFeature.HashHeader] = Capability.Unsupported("Load balancing is not in Gateway API routes (policy attachment is implementation-specific)."),
        [MeshFeature.HashCookie] = Capability.Unsupported("Load balancing is not in Gateway API routes (policy attachment is implementation-specific)."),
        [MeshFeature.HashSourceIp] = Capability.Unsupported("Load balancing is not in Gateway API routes (policy attachment is implementation-specific)."),
        [MeshFeature.HashQueryParameter] = Capability.Unsupported("Load balancing is not in Gateway API routes (policy attachment is implementation-specific)."),
        [MeshFeature.HashCookieAttributes] = Capability.Unsupported("Load balancing is not in Gateway API routes (policy attachment is implementation-specific)."),
        [MeshFeature.HashRingHash] = Capability.Unsupported("Load balancing is not in Gateway API routes (policy attachment is implementation-specific)."),
        [MeshFeature.HashMaglev] = Capability.Unsupported("Load balancing is not in Gateway API routes (policy attachment is implementation-specific)."),
        [MeshFeature.LocalityEnabled] = Capability.Unsupported("Load balancing is not in Gateway API routes (policy attachment is implementation-specific)."),
        [MeshFeature.LocalityDistribute] = Capability.Unsupported("Load balancing is not in Gateway API routes (policy attachment is implementation-specific)."),
        [MeshFeature.LocalityFailover] = Capability.Unsupported("Load balancing is not in Gateway API routes (policy attachment is implementation-specific)."),
        [MeshFeature.LocalityFailoverPriority] = Capability.Unsupported("Load balancing is not in Gateway API routes (policy attachment is implementation-specific)."),
        [MeshFeature.Warmup] = Capability.Unsupported("Load balancing is not in Gateway API routes (policy attachment is implementation-specific)."),
        [MeshFeature.MaxConnections] = Capability.Unsupported("Connection limits are not in Gateway API routes (policy attachment is implementation-specific)."),
        [MeshFeature.MaxPendingRequests] = Capability.Unsupported("Connection limits are not in Gateway API routes (policy attachment is implementation-specific)."),
        [MeshFeature.MaxRequests] = Capability.Unsupported("Connection limits are not in Gateway API routes (policy attachment is implementation-specific)."),
        [MeshFeature.MaxRequestsPerConnection] = Capability.Unsupported("Connection limits are not in Gateway API routes (policy attachment is implementation-specific)."),
        [MeshFeature.MaxRetries] = Capability.Unsupported("Connection limits are not in Gateway API routes (policy attachment is implementation-specific)."),
        [MeshFeature.ConnectTimeout] = Capability.Unsupported("Connection limits are not in Gateway API routes (policy attachment is implementation-specific)."),
        [MeshFeature.IdleTimeout] = Capability.Unsupported("Connection limits are not in Gateway API routes (policy attachment is implementation-specific)."),
        [MeshFeature.MaxConcurrentStreams] = Capability.Unsupported("Connection limits are not in Gateway API routes (policy attachment is implementation-specific)."),
        [MeshFeature.Http2Upgrade] = Capability.Unsupported("Connection limits are not in Gateway API routes (policy attachment is implementation-specific)."),
        [MeshFeature.OutlierConsecutive5xx] = Capability.Unsupported("Outlier detection is not in Gateway API."),
        [MeshFeature.OutlierConsecutiveGatewayErrors] = Capability.Unsupported("Outlier detection is not in Gateway API."),
        [MeshFeature.OutlierInterval] = Capability.Unsupported("Outlier detection is not in Gateway API."),
        [MeshFeature.OutlierBaseEjectionTime] = Capability.Unsupported("Outlier detection is not in Gateway API."),
        [MeshFeature.OutlierMaxEjectionPercent] = Capability.Unsupported("Outlier detection is not in Gateway API."),
        [MeshFeature.SubsetPolicy] = leafServices
            ? Capability.Approximated("Only client TLS, and only for a subset a route, mirror or TCP route sends to: a BackendTLSPolicy targeting its leaf Service; load balancing, connection limits and outlier detection are not part of Gateway API.")
            : Capability.Unsupported("Destination policies but client TLS are not part of Gateway API, and BackendTLSPolicy targets Services: with ServiceOutput None no leaf Service stands for a subset."),
        [MeshFeature.PortPolicy] = Capability.Approximated("Only client TLS: a port's TLS is a BackendTLSPolicy whose targetRef names the port by name (sectionName); load balancing, connection limits and outlier detection are not part of Gateway API."),
        [MeshFeature.TlsDisable] = Capability.Unsupported("BackendTLSPolicy only adds TLS origination; Gateway API cannot turn a destination's TLS, or the mesh's own mTLS, off."),
        [MeshFeature.TlsSimple] = Capability.Approximated("A BackendTLSPolicy targeting the Service (a port by sectionName), verifying the server: its use for mesh (workload-to-Service) traffic is implementation-specific in Gateway API v1, so it applies where the mesh implementation supports it."),
        [MeshFeature.TlsMutual] = Capability.Unsupported("BackendTLSPolicy (v1) has no client certificate; a Gateway's tls.backend.clientCertificateRef is one per Gateway, not per destination, and not for mesh traffic."),
        [MeshFeature.TlsMesh] = Capability.Approximated("The mesh's own mTLS is the mesh implementation's (GAMMA meshes encrypt meshed traffic themselves where mTLS is on); nothing is written, and it is reported."),
        [MeshFeature.TlsSni] = Capability.Approximated("validation.hostname, which BackendTLSPolicy requires: a lower-case DNS name; without an SNI the Service's FQDN (name.namespace.svc.cluster.local) is written, which reads back as no SNI."),
        [MeshFeature.TlsSubjectAltNames] = Capability.Approximated("validation.subjectAltNames: at most 5, each a lower-case DNS name (type Hostname) or a URI with an authority such as a SPIFFE id (type URI); otherwise the TLS is not written."),
        [MeshFeature.TlsCaCertificates] = Capability.Unsupported("BackendTLSPolicy takes CA certificates from Kubernetes objects (caCertificateRefs) or a well-known set, not from a file on the proxy; name the CA by credentialName instead."),
        [MeshFeature.TlsCredentialName] = Capability.Approximated("validation.caCertificateRefs to the Secret of that name (key ca.crt): Secret references are implementation-specific support (core support is a ConfigMap, which is read back as the credential). Without one the system roots are used (wellKnownCACertificates: System)."),
        [MeshFeature.TlsInsecureSkipVerify] = Capability.Unsupported("BackendTLSPolicy always verifies the server: its CA certificates are required."),
        [MeshFeature.RateLimit] = Capability.Unsupported("Gateway API has no rate limiting: neither a route filter nor a standard policy attachment limits request rates."),
        [MeshFeature.RateLimitInterval] = Capability.Unsupported("Gateway API has no rate limiting: neither a route filter nor a standard policy attachment limits request rates."),
        [MeshFeature.RateLimitBurst] = Capability.Unsupported("Gateway API has no rate limiting: neither a route filter nor a standard policy attachment limits request rates."),
        [MeshFeature.RateLimitStatus] = Capability.Unsupported("Gateway API has no rate limiting: neither a route filter nor a standard policy attachment limits request rates."),
        [MeshFeature.RateLimitRoutes] = Capability.Unsupported("Gateway API has no rate limiting: neither a route filter nor a standard policy attachment limits request rates."),
        [MeshFeature.MtlsStrict] = Capability.Unsupported("mTLS is provided by the mesh implementation; Gateway API has no mTLS setting."),
        [MeshFeature.MtlsPermissive] = Capability.Unsupported("mTLS is provided by the mesh implementation; Gateway API has no mTLS setting."),
        [MeshFeature.MtlsDisabled] = Capability.Unsupported("mTLS is provided by the mesh implementation; Gateway API has no mTLS setting."),
        [MeshFeature.MtlsScopeMesh] = Capability.Unsupported("mTLS is provided by the mesh implementation; Gateway API has no mTLS setting."),
        [MeshFeature.MtlsScopeNamespace] = Capability.Unsupported("mTLS is provided by the mesh implementation; Gateway API has no mTLS setting."),
        [MeshFeature.MtlsScopeWorkload] = Capability.Unsupported("mTLS is provided by the mesh implementation; Gateway API has no mTLS setting."),
        [MeshFeature.MtlsScopePort] = Capability.Unsupported("mTLS is provided by the mesh implementation; Gateway API has no mTLS setting."),
        [MeshFeature.AccessAllow] = Capability.Unsupported("Authorization is not in Gateway API; it belongs to the mesh implementation (Istio AuthorizationPolicy, Linkerd AuthorizationPolicy)."),
        [MeshFeature.AccessDeny] = Capability.Unsupported("Authorization is not in Gateway API; it belongs to the mesh implementation (Istio AuthorizationPolicy, Linkerd AuthorizationPolicy)."),
        [MeshFeature.AccessFromServiceAccounts] = Capability.Unsupported("Authorization is not in Gateway API; it belongs to the mesh implementation (Istio AuthorizationPolicy, Linkerd AuthorizationPolicy)."),
        [MeshFeature.AccessFromNamespaces] = Capability.Unsupported("Authorization is not in Gateway API; it belongs to the mesh implementation (Istio AuthorizationPolicy, Linkerd AuthorizationPolicy)."),
        [MeshFeature.AccessFromIpBlocks] = Capability.Unsupported("Authorization is not in Gateway API; it belongs to the mesh implementation (Istio AuthorizationPolicy, Linkerd AuthorizationPolicy)."),
        [MeshFeature.AccessFromUnauthenticated] = Capability.Unsupported("Authorization is not in Gateway API; it belongs to the mesh implementation (Istio AuthorizationPolicy, Linkerd AuthorizationPolicy)."),
        [MeshFeature.AccessToPorts] = Capability.Unsupported("Authorization is not in Gateway API; it belongs to the mesh implementation (Istio AuthorizationPolicy, Linkerd AuthorizationPolicy)."),
        [MeshFeature.AccessToMethods] = Capability.Unsupported("Authorization is not in Gateway API; it belongs to the mesh implementation (Istio AuthorizationPolicy, Linkerd AuthorizationPolicy)."),
        [MeshFeature.AccessToPaths] = Capability.Unsupported("Authorization is not in Gateway API; it belongs to the mesh implementation (Istio AuthorizationPolicy, Linkerd AuthorizationPolicy)."),
        [MeshFeature.AccessSubsetTarget] = Capability.Unsupported("Authorization is not in Gateway API; it belongs to the mesh implementation (Istio AuthorizationPolicy, Linkerd AuthorizationPolicy)."),
        [MeshFeature.ExternalHosts] = Capability.Unsupported("Egress is not in the standard channel of Gateway API."),
        [MeshFeature.ExternalResolutionDns] = Capability.Unsupported("Egress is not in the standard channel of Gateway API."),
        [MeshFeature.ExternalResolutionStatic] = Capability.Unsupported("Egress is not in the standard channel of Gateway API."),
        [MeshFeature.ExternalResolutionNone] = Capability.Unsupported("Egress is not in the standard channel of Gateway API."),
        [MeshFeature.ExternalAddresses] = Capability.Unsupported("Egress is not in the standard channel of Gateway API."),
        [MeshFeature.ExternalRoutes] = Capability.Unsupported("Egress is not in the standard channel of Gateway API."),
        [MeshFeature.ExternalEndpoints] = Capability.Unsupported("Egress is not in the standard channel of Gateway API."),
        [MeshFeature.ExternalSubsets] = Capability.Unsupported("Egress is not in the standard channel of Gateway API."),
        [MeshFeature.OutboundRegistryOnly] = Capability.Unsupported("Gateway API has no outbound scope: calls to hosts outside the mesh are not managed."),
        [MeshFeature.OutboundNamespace] = Capability.Unsupported("Gateway API has no outbound scope: calls to hosts outside the mesh are not managed."),
        [MeshFeature.OutboundHosts] = Capability.Unsupported("Gateway API has no outbound scope: every Service is reachable."),
        [MeshFeature.AccessLogging] = Capability.Unsupported("Gateway API has no telemetry settings: access logs and traces are configured in the implementation."),
        [MeshFeature.TracingSampling] = Capability.Unsupported("Gateway API has no telemetry settings: access logs and traces are configured in the implementation."),
        [MeshFeature.TracingCustomTags] = Capability.Unsupported("Gateway API has no telemetry settings: access logs and traces are configured in the implementation."),
        [MeshFeature.TelemetryWorkload] = Capability.Unsupported("Gateway API has no telemetry settings: access logs and traces are configured in the implementation."),
        [MeshFeature.GatewayHttp] = Capability.Approximated("Gateway API provisions gateway proxies by class (gatewayClassName, GatewayApiOptions.GatewayClassName): a gateway's workload labels are not written."),
        [MeshFeature.GatewayTlsTerminate] = Capability.Approximated("Gateway API provisions gateway proxies by class (gatewayClassName, GatewayApiOptions.GatewayClassName): a gateway's workload labels are not written."),
        [MeshFeature.GatewayTlsMutual] = Capability.Unsupported("Client certificate verification is not a listener setting of Gateway API (spec.tls.frontend is extended support); the listener is not written."),
        [MeshFeature.GatewayPassthrough] = Capability.Approximated("Gateway API provisions gateway proxies by class (gatewayClassName, GatewayApiOptions.GatewayClassName): a gateway's workload labels are not written."),
        [MeshFeature.GatewayCertificateFiles] = Capability.Unsupported("Gateway API listeners take certificates from Secrets (certificateRefs), not files."),
        [MeshFeature.GatewayHttpsRedirect] = Capability.Approximated("Gateway API provisions gateway proxies by class (gatewayClassName, GatewayApiOptions.GatewayClassName): a gateway's workload labels are not written. The redirect is an HTTPRoute of the listener (RequestRedirect to https, 301)."),
        [MeshFeature.GatewayRoutes] = Capability.Approximated("Gateway API provisions gateway proxies by class (gatewayClassName, GatewayApiOptions.GatewayClassName): a gateway's workload labels are not written."),
        [MeshFeature.GatewayRouteListener] = Capability.Approximated("Gateway API provisions gateway proxies by class (gatewayClassName, GatewayApiOptions.GatewayClassName): a gateway's workload labels are not written."),
    };
}
