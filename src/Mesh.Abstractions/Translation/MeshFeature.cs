namespace Mesh.Translation;

/// <summary>
/// A feature of the unified model whose support providers declare (see <see cref="ProviderCapabilities"/>).
/// The id is stable and dotted after the model's wire names, e.g. <c>http.retry.backoff</c>.
/// </summary>
/// <param name="Id">The stable id.</param>
/// <param name="Area">The group it is listed under (Routing, Resilience, Traffic, Destination, Security, Egress, Telemetry, Edge).</param>
/// <param name="Description">A short human description.</param>
public readonly record struct MeshFeature(string Id, string Area, string Description)
{
    /// <summary>Path exact match.</summary>
    public static MeshFeature PathExact { get; } = new("http.match.path.exact", "Routing", "Path exact match");

    /// <summary>Path prefix match.</summary>
    public static MeshFeature PathPrefix { get; } = new("http.match.path.prefix", "Routing", "Path prefix match");

    /// <summary>Path regex match (RE2).</summary>
    public static MeshFeature PathRegex { get; } = new("http.match.path.regex", "Routing", "Path regex match (RE2)");

    /// <summary>Header exact match.</summary>
    public static MeshFeature HeaderExact { get; } = new("http.match.header.exact", "Routing", "Header exact match");

    /// <summary>Header prefix match.</summary>
    public static MeshFeature HeaderPrefix { get; } = new("http.match.header.prefix", "Routing", "Header prefix match");

    /// <summary>Header regex match (RE2).</summary>
    public static MeshFeature HeaderRegex { get; } = new("http.match.header.regex", "Routing", "Header regex match (RE2)");

    /// <summary>Header present.</summary>
    public static MeshFeature HeaderPresent { get; } = new("http.match.header.present", "Routing", "Header present");

    /// <summary>Header absent.</summary>
    public static MeshFeature HeaderAbsent { get; } = new("http.match.header.absent", "Routing", "Header absent");

    /// <summary>Query parameter exact match.</summary>
    public static MeshFeature QueryExact { get; } = new("http.match.query.exact", "Routing", "Query parameter exact match");

    /// <summary>Query parameter prefix match.</summary>
    public static MeshFeature QueryPrefix { get; } = new("http.match.query.prefix", "Routing", "Query parameter prefix match");

    /// <summary>Query parameter regex match (RE2).</summary>
    public static MeshFeature QueryRegex { get; } = new("http.match.query.regex", "Routing", "Query parameter regex match (RE2)");

    /// <summary>Query parameter present.</summary>
    public static MeshFeature QueryPresent { get; } = new("http.match.query.present", "Routing", "Query parameter present");

    /// <summary>Query parameter absent.</summary>
    public static MeshFeature QueryAbsent { get; } = new("http.match.query.absent", "Routing", "Query parameter absent");

    /// <summary>HTTP method match.</summary>
    public static MeshFeature MethodMatch { get; } = new("http.match.method", "Routing", "HTTP method match");

    /// <summary>Match on the calling workload's labels.</summary>
    public static MeshFeature SourceLabelsMatch { get; } = new("http.match.sourceLabels", "Routing", "Match on the caller's workload labels");

    /// <summary>Match on the calling workload's namespace.</summary>
    public static MeshFeature SourceNamespaceMatch { get; } = new("http.match.sourceNamespace", "Routing", "Match on the caller's namespace");

    /// <summary>Match on the destination port the request was sent to.</summary>
    public static MeshFeature PortMatch { get; } = new("http.match.port", "Routing", "Match on the destination port");

    /// <summary>Weighted split across backends.</summary>
    public static MeshFeature WeightedSplit { get; } = new("http.backends.weighted", "Routing", "Weighted split across backends");

    /// <summary>Backend subset (version).</summary>
    public static MeshFeature BackendSubset { get; } = new("http.backends.subset", "Routing", "Backend subset (version)");

    /// <summary>Backend port.</summary>
    public static MeshFeature BackendPort { get; } = new("http.backends.port", "Routing", "Backend port");

    /// <summary>Request timeout.</summary>
    public static MeshFeature Timeout { get; } = new("http.timeout", "Resilience", "Request timeout");

    /// <summary>Retry attempts.</summary>
    public static MeshFeature RetryAttempts { get; } = new("http.retry.attempts", "Resilience", "Retry attempts");

    /// <summary>Retry per-try timeout.</summary>
    public static MeshFeature RetryPerTryTimeout { get; } = new("http.retry.perTryTimeout", "Resilience", "Retry per-try timeout");

    /// <summary>Retry on HTTP conditions (5xx, gateway-error, reset, connect-failure, refused-stream, retriable-4xx).</summary>
    public static MeshFeature RetryOnHttp { get; } = new("http.retry.on.http", "Resilience", "Retry on HTTP conditions (5xx, gateway-error, reset, connect-failure, refused-stream, retriable-4xx)");

    /// <summary>Retry on gRPC status (cancelled, deadline-exceeded, internal, resource-exhausted, unavailable).</summary>
    public static MeshFeature RetryOnGrpc { get; } = new("http.retry.on.grpc", "Resilience", "Retry on gRPC status (cancelled, deadline-exceeded, internal, resource-exhausted, unavailable)");

    /// <summary>Retry on listed status codes.</summary>
    public static MeshFeature RetryStatusCodes { get; } = new("http.retry.statusCodes", "Resilience", "Retry on listed status codes");

    /// <summary>Retry back-off.</summary>
    public static MeshFeature RetryBackoff { get; } = new("http.retry.backoff", "Resilience", "Retry back-off");

    /// <summary>Fault injection: delay.</summary>
    public static MeshFeature FaultDelay { get; } = new("http.fault.delay", "Resilience", "Fault injection: delay");

    /// <summary>Fault injection: abort.</summary>
    public static MeshFeature FaultAbort { get; } = new("http.fault.abort", "Resilience", "Fault injection: abort");

    /// <summary>Traffic mirroring.</summary>
    public static MeshFeature Mirror { get; } = new("http.mirror", "Traffic", "Traffic mirroring");

    /// <summary>Mirroring a percentage of traffic.</summary>
    public static MeshFeature MirrorPercentage { get; } = new("http.mirror.percentage", "Traffic", "Mirroring a percentage of traffic");

    /// <summary>Rewrite path prefix.</summary>
    public static MeshFeature RewritePathPrefix { get; } = new("http.rewrite.pathPrefix", "Traffic", "Rewrite path prefix");

    /// <summary>Rewrite full path.</summary>
    public static MeshFeature RewriteFullPath { get; } = new("http.rewrite.fullPath", "Traffic", "Rewrite full path");

    /// <summary>Rewrite authority (Host).</summary>
    public static MeshFeature RewriteAuthority { get; } = new("http.rewrite.authority", "Traffic", "Rewrite authority (Host)");

    /// <summary>HTTP redirect.</summary>
    public static MeshFeature Redirect { get; } = new("http.redirect", "Traffic", "HTTP redirect");

    /// <summary>Request header set/add/remove.</summary>
    public static MeshFeature RequestHeaders { get; } = new("http.headers.request", "Traffic", "Request header set/add/remove");

    /// <summary>Response header set/add/remove.</summary>
    public static MeshFeature ResponseHeaders { get; } = new("http.headers.response", "Traffic", "Response header set/add/remove");

    /// <summary>CORS policy.</summary>
    public static MeshFeature Cors { get; } = new("http.cors", "Traffic", "CORS policy");

    /// <summary>Weighted TCP split.</summary>
    public static MeshFeature TcpSplit { get; } = new("tcp.backends.weighted", "Traffic", "Weighted TCP split");

    /// <summary>Load balancing: round robin.</summary>
    public static MeshFeature LbRoundRobin { get; } = new("destination.loadBalancer.roundRobin", "Destination", "Load balancing: round robin");

    /// <summary>Load balancing: least request.</summary>
    public static MeshFeature LbLeastRequest { get; } = new("destination.loadBalancer.leastRequest", "Destination", "Load balancing: least request");

    /// <summary>Load balancing: random.</summary>
    public static MeshFeature LbRandom { get; } = new("destination.loadBalancer.random", "Destination", "Load balancing: random");

    /// <summary>Consistent hash on header.</summary>
    public static MeshFeature HashHeader { get; } = new("destination.loadBalancer.consistentHash.header", "Destination", "Consistent hash on header");

    /// <summary>Consistent hash on cookie.</summary>
    public static MeshFeature HashCookie { get; } = new("destination.loadBalancer.consistentHash.cookie", "Destination", "Consistent hash on cookie");

    /// <summary>Consistent hash on source IP.</summary>
    public static MeshFeature HashSourceIp { get; } = new("destination.loadBalancer.consistentHash.sourceIp", "Destination", "Consistent hash on source IP");

    /// <summary>Consistent hash on query parameter.</summary>
    public static MeshFeature HashQueryParameter { get; } = new("destination.loadBalancer.consistentHash.queryParameter", "Destination", "Consistent hash on query parameter");

    /// <summary>Consistent hash: ttl and path of a generated cookie.</summary>
    public static MeshFeature HashCookieAttributes { get; } = new("destination.loadBalancer.consistentHash.cookie.attributes", "Destination", "Consistent hash: ttl and path of a generated cookie");

    /// <summary>Consistent hash: ring hash and its minimum size.</summary>
    public static MeshFeature HashRingHash { get; } = new("destination.loadBalancer.consistentHash.ringHash", "Destination", "Consistent hash: ring hash and its minimum size");

    /// <summary>Consistent hash: Maglev and its table size.</summary>
    public static MeshFeature HashMaglev { get; } = new("destination.loadBalancer.consistentHash.maglev", "Destination", "Consistent hash: Maglev and its table size");

    /// <summary>Locality-aware load balancing on or off.</summary>
    public static MeshFeature LocalityEnabled { get; } = new("destination.loadBalancer.locality.enabled", "Destination", "Locality-aware load balancing on or off");

    /// <summary>Locality: traffic distribution by caller locality.</summary>
    public static MeshFeature LocalityDistribute { get; } = new("destination.loadBalancer.locality.distribute", "Destination", "Locality: traffic distribution by caller locality");

    /// <summary>Locality: region failover.</summary>
    public static MeshFeature LocalityFailover { get; } = new("destination.loadBalancer.locality.failover", "Destination", "Locality: region failover");

    /// <summary>Locality: failover priority by labels.</summary>
    public static MeshFeature LocalityFailoverPriority { get; } = new("destination.loadBalancer.locality.failoverPriority", "Destination", "Locality: failover priority by labels");

    /// <summary>Slow start (warm-up) of new endpoints.</summary>
    public static MeshFeature Warmup { get; } = new("destination.loadBalancer.warmup", "Destination", "Slow start (warm-up) of new endpoints");

    /// <summary>Connection pool: max connections.</summary>
    public static MeshFeature MaxConnections { get; } = new("destination.connectionPool.maxConnections", "Destination", "Connection pool: max connections");

    /// <summary>Connection pool: max pending requests.</summary>
    public static MeshFeature MaxPendingRequests { get; } = new("destination.connectionPool.maxPendingRequests", "Destination", "Connection pool: max pending requests");

    /// <summary>Connection pool: max concurrent requests.</summary>
    public static MeshFeature MaxRequests { get; } = new("destination.connectionPool.maxRequests", "Destination", "Connection pool: max concurrent requests");

    /// <summary>Connection pool: max requests per connection.</summary>
    public static MeshFeature MaxRequestsPerConnection { get; } = new("destination.connectionPool.maxRequestsPerConnection", "Destination", "Connection pool: max requests per connection");

    /// <summary>Connection pool: max concurrent retries.</summary>
    public static MeshFeature MaxRetries { get; } = new("destination.connectionPool.maxRetries", "Destination", "Connection pool: max concurrent retries");

    /// <summary>Connect timeout.</summary>
    public static MeshFeature ConnectTimeout { get; } = new("destination.connectionPool.connectTimeout", "Destination", "Connect timeout");

    /// <summary>Connection pool: idle timeout.</summary>
    public static MeshFeature IdleTimeout { get; } = new("destination.connectionPool.idleTimeout", "Destination", "Connection pool: idle timeout");

    /// <summary>Connection pool: max concurrent HTTP/2 streams.</summary>
    public static MeshFeature MaxConcurrentStreams { get; } = new("destination.connectionPool.maxConcurrentStreams", "Destination", "Connection pool: max concurrent HTTP/2 streams");

    /// <summary>Connection pool: HTTP/2 upgrade policy.</summary>
    public static MeshFeature Http2Upgrade { get; } = new("destination.connectionPool.http2Upgrade", "Destination", "Connection pool: HTTP/2 upgrade policy");

    /// <summary>Outlier detection: consecutive 5xx.</summary>
    public static MeshFeature OutlierConsecutive5xx { get; } = new("destination.outlierDetection.consecutive5xx", "Destination", "Outlier detection: consecutive 5xx");

    /// <summary>Outlier detection: consecutive gateway errors.</summary>
    public static MeshFeature OutlierConsecutiveGatewayErrors { get; } = new("destination.outlierDetection.consecutiveGatewayErrors", "Destination", "Outlier detection: consecutive gateway errors");

    /// <summary>Outlier detection: interval.</summary>
    public static MeshFeature OutlierInterval { get; } = new("destination.outlierDetection.interval", "Destination", "Outlier detection: interval");

    /// <summary>Outlier detection: base ejection time.</summary>
    public static MeshFeature OutlierBaseEjectionTime { get; } = new("destination.outlierDetection.baseEjectionTime", "Destination", "Outlier detection: base ejection time");

    /// <summary>Outlier detection: max ejection percent.</summary>
    public static MeshFeature OutlierMaxEjectionPercent { get; } = new("destination.outlierDetection.maxEjectionPercent", "Destination", "Outlier detection: max ejection percent");

    /// <summary>Per-subset destination policy.</summary>
    public static MeshFeature SubsetPolicy { get; } = new("destination.target.subset", "Destination", "Per-subset destination policy");

    /// <summary>Per-port destination policy.</summary>
    public static MeshFeature PortPolicy { get; } = new("destination.target.port", "Destination", "Per-port destination policy");

    /// <summary>Client TLS: plain text to the destination.</summary>
    public static MeshFeature TlsDisable { get; } = new("destination.tls.mode.disable", "Destination", "Client TLS: plain text to the destination");

    /// <summary>Client TLS: TLS origination with server verification.</summary>
    public static MeshFeature TlsSimple { get; } = new("destination.tls.mode.simple", "Destination", "Client TLS: TLS origination with server verification");

    /// <summary>Client TLS: mutual TLS with a client certificate.</summary>
    public static MeshFeature TlsMutual { get; } = new("destination.tls.mode.mutual", "Destination", "Client TLS: mutual TLS with a client certificate");

    /// <summary>Client TLS: the mesh's own mTLS.</summary>
    public static MeshFeature TlsMesh { get; } = new("destination.tls.mode.mesh", "Destination", "Client TLS: the mesh's own mTLS");

    /// <summary>Client TLS: SNI.</summary>
    public static MeshFeature TlsSni { get; } = new("destination.tls.sni", "Destination", "Client TLS: SNI");

    /// <summary>Client TLS: subject alternative names to verify.</summary>
    public static MeshFeature TlsSubjectAltNames { get; } = new("destination.tls.subjectAltNames", "Destination", "Client TLS: subject alternative names to verify");

    /// <summary>Client TLS: CA bundle file.</summary>
    public static MeshFeature TlsCaCertificates { get; } = new("destination.tls.caCertificates", "Destination", "Client TLS: CA bundle file");

    /// <summary>Client TLS: credential secret by name.</summary>
    public static MeshFeature TlsCredentialName { get; } = new("destination.tls.credentialName", "Destination", "Client TLS: credential secret by name");

    /// <summary>Client TLS: skip server verification.</summary>
    public static MeshFeature TlsInsecureSkipVerify { get; } = new("destination.tls.insecureSkipVerify", "Destination", "Client TLS: skip server verification");

    /// <summary>Local rate limit: requests per second for each workload of the target.</summary>
    public static MeshFeature RateLimit { get; } = new("destination.rateLimit", "Destination", "Local rate limit: requests per second per workload");

    /// <summary>Local rate limit: an interval other than one second.</summary>
    public static MeshFeature RateLimitInterval { get; } = new("destination.rateLimit.interval", "Destination", "Local rate limit: an interval other than one second");

    /// <summary>Local rate limit: a burst above the requests per interval.</summary>
    public static MeshFeature RateLimitBurst { get; } = new("destination.rateLimit.burst", "Destination", "Local rate limit: burst above the requests per interval");

    /// <summary>Local rate limit: the status answered to limited requests.</summary>
    public static MeshFeature RateLimitStatus { get; } = new("destination.rateLimit.status", "Destination", "Local rate limit: status of limited requests (other than 429)");

    /// <summary>Local rate limit: limits of their own for request paths.</summary>
    public static MeshFeature RateLimitRoutes { get; } = new("destination.rateLimit.routes", "Destination", "Local rate limit per route (path exact, prefix or regex)");

    /// <summary>mTLS strict.</summary>
    public static MeshFeature MtlsStrict { get; } = new("mtls.mode.strict", "Security", "mTLS strict");

    /// <summary>mTLS permissive.</summary>
    public static MeshFeature MtlsPermissive { get; } = new("mtls.mode.permissive", "Security", "mTLS permissive");

    /// <summary>mTLS disabled.</summary>
    public static MeshFeature MtlsDisabled { get; } = new("mtls.mode.disabled", "Security", "mTLS disabled");

    /// <summary>mTLS scope: mesh.</summary>
    public static MeshFeature MtlsScopeMesh { get; } = new("mtls.scope.mesh", "Security", "mTLS scope: mesh");

    /// <summary>mTLS scope: namespace.</summary>
    public static MeshFeature MtlsScopeNamespace { get; } = new("mtls.scope.namespace", "Security", "mTLS scope: namespace");

    /// <summary>mTLS scope: workload.</summary>
    public static MeshFeature MtlsScopeWorkload { get; } = new("mtls.scope.workload", "Security", "mTLS scope: workload");

    /// <summary>mTLS scope: port.</summary>
    public static MeshFeature MtlsScopePort { get; } = new("mtls.scope.port", "Security", "mTLS scope: port");

    /// <summary>Authorization: allow.</summary>
    public static MeshFeature AccessAllow { get; } = new("access.action.allow", "Security", "Authorization: allow");

    /// <summary>Authorization: deny.</summary>
    public static MeshFeature AccessDeny { get; } = new("access.action.deny", "Security", "Authorization: deny");

    /// <summary>Authorization from service accounts.</summary>
    public static MeshFeature AccessFromServiceAccounts { get; } = new("access.from.serviceAccounts", "Security", "Authorization from service accounts");

    /// <summary>Authorization from services of the model (their workloads), for meshes whose identity is the service.</summary>
    public static MeshFeature AccessFromServices { get; } = new("access.from.services", "Security", "Authorization from services (caller identity is the service)");

    /// <summary>Authorization from namespaces.</summary>
    public static MeshFeature AccessFromNamespaces { get; } = new("access.from.namespaces", "Security", "Authorization from namespaces");

    /// <summary>Authorization from IP blocks.</summary>
    public static MeshFeature AccessFromIpBlocks { get; } = new("access.from.ipBlocks", "Security", "Authorization from IP blocks");

    /// <summary>Authorization of unauthenticated callers.</summary>
    public static MeshFeature AccessFromUnauthenticated { get; } = new("access.from.unauthenticated", "Security", "Authorization of unauthenticated callers");

    /// <summary>Authorization to ports.</summary>
    public static MeshFeature AccessToPorts { get; } = new("access.to.ports", "Security", "Authorization to ports");

    /// <summary>Authorization to methods.</summary>
    public static MeshFeature AccessToMethods { get; } = new("access.to.methods", "Security", "Authorization to methods");

    /// <summary>Authorization to paths.</summary>
    public static MeshFeature AccessToPaths { get; } = new("access.to.paths", "Security", "Authorization to paths");

    /// <summary>Authorization: audit (mark requests for audit logging).</summary>
    public static MeshFeature AccessAudit { get; } = new("access.action.audit", "Security", "Authorization: audit");

    /// <summary>Authorization from any authenticated workload.</summary>
    public static MeshFeature AccessFromAuthenticated { get; } = new("access.from.authenticated", "Security", "Authorization from any authenticated workload");

    /// <summary>Authorization from SPIFFE identities (other trust domains, patterns).</summary>
    public static MeshFeature AccessFromIdentities { get; } = new("access.from.identities", "Security", "Authorization from SPIFFE identities");

    /// <summary>Authorization from request principals (verified JWT issuer/subject).</summary>
    public static MeshFeature AccessFromRequestPrincipals { get; } = new("access.from.requestPrincipals", "Security", "Authorization from request principals (JWT)");

    /// <summary>Authorization from the original client's IP blocks.</summary>
    public static MeshFeature AccessFromRemoteIpBlocks { get; } = new("access.from.remoteIpBlocks", "Security", "Authorization from original client IP blocks");

    /// <summary>Authorization excluding callers.</summary>
    public static MeshFeature AccessFromExcluded { get; } = new("access.from.not", "Security", "Authorization excluding callers (not)");

    /// <summary>Authorization to request hosts.</summary>
    public static MeshFeature AccessToHosts { get; } = new("access.to.hosts", "Security", "Authorization to hosts");

    /// <summary>Authorization excluding requests.</summary>
    public static MeshFeature AccessToExcluded { get; } = new("access.to.not", "Security", "Authorization excluding requests (not)");

    /// <summary>Authorization conditions on request headers.</summary>
    public static MeshFeature AccessWhenHeaders { get; } = new("access.when.headers", "Security", "Authorization conditions: request headers");

    /// <summary>Authorization conditions on addresses, ports, namespaces, principals and SNI of the connection.</summary>
    public static MeshFeature AccessWhenConnection { get; } = new("access.when.connection", "Security", "Authorization conditions: addresses, ports, peer identity, SNI");

    /// <summary>Authorization conditions on the verified JWT (principal, audiences, presenter, claims).</summary>
    public static MeshFeature AccessWhenToken { get; } = new("access.when.token", "Security", "Authorization conditions: JWT principal, audiences, presenter, claims");

    /// <summary>Request authentication: JWT issuers, audiences and key sets (by URI or inline) for a namespace's or a service's workloads.</summary>
    public static MeshFeature JwtRules { get; } = new("jwt.rules", "Security", "Request authentication: JWT issuers, audiences, key sets");

    /// <summary>Request authentication: where tokens are read (headers with prefixes, query parameters, cookies).</summary>
    public static MeshFeature JwtTokenLocations { get; } = new("jwt.from", "Security", "Request authentication: token headers, parameters, cookies");

    /// <summary>Request authentication: the token forwarded, claims and payload copied to headers.</summary>
    public static MeshFeature JwtOutputs { get; } = new("jwt.output", "Security", "Request authentication: forward token, claims and payload to headers");

    /// <summary>Request authentication at a gateway.</summary>
    public static MeshFeature JwtGateway { get; } = new("jwt.gateway", "Security", "Request authentication at gateways");

    /// <summary>Authorization of one subset.</summary>
    public static MeshFeature AccessSubsetTarget { get; } = new("access.target.subset", "Security", "Authorization of one subset");

    /// <summary>External service hosts.</summary>
    public static MeshFeature ExternalHosts { get; } = new("egress.hosts", "Egress", "External service hosts");

    /// <summary>External service resolution: DNS.</summary>
    public static MeshFeature ExternalResolutionDns { get; } = new("egress.resolution.dns", "Egress", "External service resolution: DNS");

    /// <summary>External service resolution: static addresses.</summary>
    public static MeshFeature ExternalResolutionStatic { get; } = new("egress.resolution.static", "Egress", "External service resolution: static addresses");

    /// <summary>External service resolution: passthrough.</summary>
    public static MeshFeature ExternalResolutionNone { get; } = new("egress.resolution.none", "Egress", "External service resolution: passthrough");

    /// <summary>External service addresses / CIDRs.</summary>
    public static MeshFeature ExternalAddresses { get; } = new("egress.addresses", "Egress", "External service addresses / CIDRs");

    /// <summary>HTTP routes (timeouts, retries, splits, rewrites …) on calls to an external service.</summary>
    public static MeshFeature ExternalRoutes { get; } = new("egress.routes", "Egress", "HTTP routes on calls to an external service");

    /// <summary>External endpoints with their own ports and labels (VMs, static endpoints).</summary>
    public static MeshFeature ExternalEndpoints { get; } = new("egress.endpoints", "Egress", "External endpoints with ports and labels");

    /// <summary>External endpoints enrolled in the mesh: a VM running the mesh's proxy with a service account's identity.</summary>
    public static MeshFeature ExternalEndpointIdentity { get; } = new("egress.endpoints.identity", "Egress", "External endpoints enrolled in the mesh (service account identity)");

    /// <summary>Subsets of an external service's endpoints, for splits and policies.</summary>
    public static MeshFeature ExternalSubsets { get; } = new("egress.subsets", "Egress", "Subsets of an external service's endpoints");

    /// <summary>Outbound scope that refuses calls to hosts the mesh does not know (registry only).</summary>
    public static MeshFeature OutboundRegistryOnly { get; } = new("egress.outbound.registryOnly", "Egress", "Outbound scope: only registered services and external services");

    /// <summary>An outbound policy for one namespace, replacing the mesh-wide one there.</summary>
    public static MeshFeature OutboundNamespace { get; } = new("egress.outbound.namespace", "Egress", "Outbound scope per namespace");

    /// <summary>Outbound scope limited to listed hosts (<c>namespace/host</c>).</summary>
    public static MeshFeature OutboundHosts { get; } = new("egress.outbound.hosts", "Egress", "Outbound scope: visible hosts");

    /// <summary>Access logging turned on or off.</summary>
    public static MeshFeature AccessLogging { get; } = new("telemetry.accessLogging", "Telemetry", "Access logging on/off");

    /// <summary>Tracing sampling percentage.</summary>
    public static MeshFeature TracingSampling { get; } = new("telemetry.tracing.sampling", "Telemetry", "Tracing sampling percentage");

    /// <summary>Custom tags on trace spans (literal, header, environment).</summary>
    public static MeshFeature TracingCustomTags { get; } = new("telemetry.tracing.customTags", "Telemetry", "Tracing custom tags");

    /// <summary>Telemetry settings for selected workloads rather than a namespace or the mesh.</summary>
    public static MeshFeature TelemetryWorkload { get; } = new("telemetry.scope.workload", "Telemetry", "Telemetry per workload");

    /// <summary>A gateway with HTTP listeners (ingress or egress).</summary>
    public static MeshFeature GatewayHttp { get; } = new("edge.gateway.http", "Edge", "Gateway: HTTP listeners");

    /// <summary>A gateway listener that terminates TLS (HTTPS, or TLS terminated).</summary>
    public static MeshFeature GatewayTlsTerminate { get; } = new("edge.gateway.tls.terminate", "Edge", "Gateway: TLS terminated");

    /// <summary>A gateway listener that requires client certificates.</summary>
    public static MeshFeature GatewayTlsMutual { get; } = new("edge.gateway.tls.mutual", "Edge", "Gateway: mutual TLS");

    /// <summary>A gateway listener that passes TLS through by SNI, or forwards TCP.</summary>
    public static MeshFeature GatewayPassthrough { get; } = new("edge.gateway.passthrough", "Edge", "Gateway: TLS passthrough and TCP listeners");

    /// <summary>A gateway certificate given as files on the gateway's workloads.</summary>
    public static MeshFeature GatewayCertificateFiles { get; } = new("edge.gateway.tls.files", "Edge", "Gateway: certificate files");

    /// <summary>An HTTP listener that redirects to HTTPS.</summary>
    public static MeshFeature GatewayHttpsRedirect { get; } = new("edge.gateway.httpsRedirect", "Edge", "Gateway: redirect HTTP to HTTPS");

    /// <summary>HTTP routes for requests arriving at gateways.</summary>
    public static MeshFeature GatewayRoutes { get; } = new("edge.routes", "Edge", "Gateway routes by host name");

    /// <summary>A gateway route bound to one listener of a gateway.</summary>
    public static MeshFeature GatewayRouteListener { get; } = new("edge.routes.listener", "Edge", "Gateway route bound to one listener");

    /// <summary>TLS routes for connections arriving at gateways' TLS listeners, by server name (SNI).</summary>
    public static MeshFeature GatewayTlsRoutes { get; } = new("edge.routes.tls", "Edge", "Gateway TLS routes by SNI");

    /// <summary>TCP routes for connections arriving at gateways' TCP listeners.</summary>
    public static MeshFeature GatewayTcpRoutes { get; } = new("edge.routes.tcp", "Edge", "Gateway TCP routes");

    /// <summary>Every feature, grouped by area, in documentation order.</summary>
    public static IReadOnlyList<MeshFeature> All { get; } =
    [
        PathExact,
        PathPrefix,
        PathRegex,
        HeaderExact,
        HeaderPrefix,
        HeaderRegex,
        HeaderPresent,
        HeaderAbsent,
        QueryExact,
        QueryPrefix,
        QueryRegex,
        QueryPresent,
        QueryAbsent,
        MethodMatch,
        SourceLabelsMatch,
        SourceNamespaceMatch,
        PortMatch,
        WeightedSplit,
        BackendSubset,
        BackendPort,
        Timeout,
        RetryAttempts,
        RetryPerTryTimeout,
        RetryOnHttp,
        RetryOnGrpc,
        RetryStatusCodes,
        RetryBackoff,
        FaultDelay,
        FaultAbort,
        Mirror,
        MirrorPercentage,
        RewritePathPrefix,
        RewriteFullPath,
        RewriteAuthority,
        Redirect,
        RequestHeaders,
        ResponseHeaders,
        Cors,
        TcpSplit,
        LbRoundRobin,
        LbLeastRequest,
        LbRandom,
        HashHeader,
        HashCookie,
        HashSourceIp,
        HashQueryParameter,
        HashCookieAttributes,
        HashRingHash,
        HashMaglev,
        LocalityEnabled,
        LocalityDistribute,
        LocalityFailover,
        LocalityFailoverPriority,
        Warmup,
        MaxConnections,
        MaxPendingRequests,
        MaxRequests,
        MaxRequestsPerConnection,
        MaxRetries,
        ConnectTimeout,
        IdleTimeout,
        MaxConcurrentStreams,
        Http2Upgrade,
        OutlierConsecutive5xx,
        OutlierConsecutiveGatewayErrors,
        OutlierInterval,
        OutlierBaseEjectionTime,
        OutlierMaxEjectionPercent,
        SubsetPolicy,
        PortPolicy,
        TlsDisable,
        TlsSimple,
        TlsMutual,
        TlsMesh,
        TlsSni,
        TlsSubjectAltNames,
        TlsCaCertificates,
        TlsCredentialName,
        TlsInsecureSkipVerify,
        RateLimit,
        RateLimitInterval,
        RateLimitBurst,
        RateLimitStatus,
        RateLimitRoutes,
        MtlsStrict,
        MtlsPermissive,
        MtlsDisabled,
        MtlsScopeMesh,
        MtlsScopeNamespace,
        MtlsScopeWorkload,
        MtlsScopePort,
        AccessAllow,
        AccessDeny,
        AccessFromServiceAccounts,
        AccessFromServices,
        AccessFromNamespaces,
        AccessFromIpBlocks,
        AccessFromUnauthenticated,
        AccessToPorts,
        AccessToMethods,
        AccessToPaths,
        AccessAudit,
        AccessFromAuthenticated,
        AccessFromIdentities,
        AccessFromRequestPrincipals,
        AccessFromRemoteIpBlocks,
        AccessFromExcluded,
        AccessToHosts,
        AccessToExcluded,
        AccessWhenHeaders,
        AccessWhenConnection,
        AccessWhenToken,
        JwtRules,
        JwtTokenLocations,
        JwtOutputs,
        JwtGateway,
        AccessSubsetTarget,
        ExternalHosts,
        ExternalResolutionDns,
        ExternalResolutionStatic,
        ExternalResolutionNone,
        ExternalAddresses,
        ExternalRoutes,
        ExternalEndpoints,
        ExternalEndpointIdentity,
        ExternalSubsets,
        OutboundRegistryOnly,
        OutboundNamespace,
        OutboundHosts,
        AccessLogging,
        TracingSampling,
        TracingCustomTags,
        TelemetryWorkload,
        GatewayHttp,
        GatewayTlsTerminate,
        GatewayTlsMutual,
        GatewayPassthrough,
        GatewayCertificateFiles,
        GatewayHttpsRedirect,
        GatewayRoutes,
        GatewayRouteListener,
        GatewayTlsRoutes,
        GatewayTcpRoutes,
    ];

    /// <summary>Equality by <see cref="Id"/>.</summary>
    /// <param name="other">The other feature.</param>
    public bool Equals(MeshFeature other) => string.Equals(Id, other.Id, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Id ?? string.Empty);

    /// <summary>The id.</summary>
    public override string ToString() => Id ?? string.Empty;
}
