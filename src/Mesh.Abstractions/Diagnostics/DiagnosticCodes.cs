namespace Mesh.Diagnostics;

/// <summary>
/// The stable diagnostic codes. Ranges: <c>MESH10xx</c> reading YAML/JSON (mesh models and the xDS endpoints file),
/// <c>MESH20xx</c> model validation, <c>MESH21xx</c> translation to a provider, <c>MESH22xx</c> import from a provider,
/// <c>MESH30xx</c> static analysis, <c>MESH40xx</c> xDS, <c>MESH60xx</c> progressive delivery steps (<see cref="Rollouts.Rollout"/>).
/// </summary>
public static class DiagnosticCodes
{
    // Reading (MESH10xx): mesh models (MeshYaml, MeshJson) and the xDS endpoints file (EndpointsYaml).

    /// <summary>The text is not well-formed YAML or JSON.</summary>
    public static readonly DiagnosticCode Syntax = new("MESH1001");

    /// <summary>A value has the wrong type (e.g. a list where a number belongs).</summary>
    public static readonly DiagnosticCode WrongType = new("MESH1002");

    /// <summary>A key the model does not have.</summary>
    public static readonly DiagnosticCode UnknownKey = new("MESH1003");

    /// <summary>A value outside an enumeration (protocol, mode, retry condition, …).</summary>
    public static readonly DiagnosticCode UnknownEnumValue = new("MESH1004");

    /// <summary>A required key is missing.</summary>
    public static readonly DiagnosticCode MissingRequired = new("MESH1005");

    /// <summary>The input exceeds a reader limit (size, depth, node count, aliases).</summary>
    public static readonly DiagnosticCode LimitExceeded = new("MESH1006");

    /// <summary>A scalar is malformed (duration, service reference, number).</summary>
    public static readonly DiagnosticCode InvalidFormat = new("MESH1007");

    /// <summary>A mapping repeats a key.</summary>
    public static readonly DiagnosticCode DuplicateKey = new("MESH1008");

    /// <summary>The document is not a <c>kind: Mesh</c> document.</summary>
    public static readonly DiagnosticCode UnknownKind = new("MESH1009");

    /// <summary>A key holds mutually exclusive forms at once (e.g. <c>exact</c> and <c>prefix</c>).</summary>
    public static readonly DiagnosticCode ConflictingForms = new("MESH1010");

    // Validation (MESH20xx).

    /// <summary>MESH2001: A service reference (route host, backend, mirror, TCP route host or backend, policy target) names no declared service.</summary>
    public static readonly DiagnosticCode DanglingService = new("MESH2001");

    /// <summary>MESH2002: A subset reference names no subset of the referenced service.</summary>
    public static readonly DiagnosticCode DanglingSubset = new("MESH2002");

    /// <summary>MESH2003: A port reference is not declared on the referenced service.</summary>
    public static readonly DiagnosticCode DanglingPort = new("MESH2003");

    /// <summary>MESH2004: Two items have the same identity (name, port, target or scope) where it must be unique.</summary>
    public static readonly DiagnosticCode DuplicateName = new("MESH2004");

    /// <summary>MESH2005: A backend weight is negative.</summary>
    public static readonly DiagnosticCode NegativeWeight = new("MESH2005");

    /// <summary>MESH2006: A rule, TCP route or gateway TLS/TCP route has no backends where some are required, or all its weights are zero.</summary>
    public static readonly DiagnosticCode NoEffectiveBackends = new("MESH2006");

    /// <summary>MESH2007: A percentage is outside 0–100.</summary>
    public static readonly DiagnosticCode PercentageOutOfRange = new("MESH2007");

    /// <summary>MESH2008: A duration that must be positive is zero or negative.</summary>
    public static readonly DiagnosticCode NonPositiveDuration = new("MESH2008");

    /// <summary>MESH2009: Retry attempts are outside 0–10, or the per-try timeout exceeds the rule timeout (warning).</summary>
    public static readonly DiagnosticCode RetryOutOfRange = new("MESH2009");

    /// <summary>MESH2010: A name, namespace or subset name is not a DNS-1123 label.</summary>
    public static readonly DiagnosticCode InvalidName = new("MESH2010");

    /// <summary>MESH2011: A port number is outside 1–65535.</summary>
    public static readonly DiagnosticCode PortOutOfRange = new("MESH2011");

    /// <summary>MESH2012: Two routes claim the same host, or a rule can never match because an earlier rule already does (warning).</summary>
    public static readonly DiagnosticCode ConflictingRoutes = new("MESH2012");

    /// <summary>MESH2013: A regular expression is valid elsewhere (PCRE, .NET) but RE2, which Envoy runs, cannot execute it.</summary>
    public static readonly DiagnosticCode RegexUnsupported = new("MESH2013");

    /// <summary>MESH2014: A regular expression does not parse.</summary>
    public static readonly DiagnosticCode RegexInvalid = new("MESH2014");

    /// <summary>MESH2015: Fields that exclude each other are both set (redirect with backends, rewrite prefix and full path, redirect path and prefix, load balancer algorithm and hash).</summary>
    public static readonly DiagnosticCode ConflictingFields = new("MESH2015");

    /// <summary>MESH2016: An HTTP status code is outside what the field allows.</summary>
    public static readonly DiagnosticCode InvalidStatusCode = new("MESH2016");

    /// <summary>MESH2017: An HTTP method is not an upper-case token.</summary>
    public static readonly DiagnosticCode InvalidHttpMethod = new("MESH2017");

    /// <summary>MESH2018: A header or query match has an empty name, or a value where none is allowed, or none where one is required.</summary>
    public static readonly DiagnosticCode InvalidMatch = new("MESH2018");

    /// <summary>MESH2019: An HTTP path that must start with '/' does not.</summary>
    public static readonly DiagnosticCode InvalidPath = new("MESH2019");

    /// <summary>MESH2020: An IP address or CIDR block does not parse.</summary>
    public static readonly DiagnosticCode InvalidAddress = new("MESH2020");

    /// <summary>MESH2021: An external service has no hosts, or a host that is not a valid DNS name.</summary>
    public static readonly DiagnosticCode InvalidHost = new("MESH2021");

    /// <summary>MESH2022: A service-account reference is not two DNS labels namespace/name.</summary>
    public static readonly DiagnosticCode InvalidServiceAccount = new("MESH2022");

    /// <summary>MESH2023: A connection-pool limit or outlier-detection count is zero or negative.</summary>
    public static readonly DiagnosticCode NonPositiveLimit = new("MESH2023");

    /// <summary>MESH2024: An mTLS policy scoped to a port has no workload selector.</summary>
    public static readonly DiagnosticCode MissingWorkloadSelector = new("MESH2024");

    /// <summary>MESH2025: retriable-status-codes has no status codes, or status codes are given without it (warning).</summary>
    public static readonly DiagnosticCode RetryStatusCodes = new("MESH2025");

    /// <summary>MESH2026: A consistent-hash key lacks the header, cookie or parameter name it needs, or has one it cannot use.</summary>
    public static readonly DiagnosticCode InvalidHashKey = new("MESH2026");

    /// <summary>MESH2027: Client TLS settings are incomplete or contradict their mode (a mutual mode without a credential, a disabled mode with certificates, verification both skipped and configured).</summary>
    public static readonly DiagnosticCode InvalidTls = new("MESH2027");

    /// <summary>MESH2028: Load-balancing details are out of range or contradict each other (a locality that is not region/zone/subZone, distribution weights that do not sum to 100, failover to the same region, distribute combined with failover, a Maglev table size that is not prime, a warm-up without a duration).</summary>
    public static readonly DiagnosticCode InvalidLoadBalancing = new("MESH2028");

    /// <summary>MESH2029: A local rate limit is out of range or cannot apply (no positive requests, an interval under 50ms, a burst below the requests, a status Envoy does not define, a duplicate route path, an external or non-HTTP target).</summary>
    public static readonly DiagnosticCode InvalidRateLimit = new("MESH2029");

    /// <summary>MESH2030: An outbound policy is malformed (a host entry that is not namespace/host, two policies for one namespace) or covers nothing it could mean (a host that no service or external service has: warning).</summary>
    public static readonly DiagnosticCode InvalidOutbound = new("MESH2030");

    /// <summary>MESH2031: A telemetry policy is malformed (a sampling percentage outside 0–100, a tracing tag without a name or value, two tags of one name, a default on a literal tag, two policies for one scope).</summary>
    public static readonly DiagnosticCode InvalidTelemetry = new("MESH2031");

    /// <summary>MESH2032: A gateway or its listeners are malformed (no listener, two listeners on one port that overlap or differ in protocol, a TLS listener without a certificate, TLS settings on a plaintext listener or that contradict their mode, an HTTPS redirect on a listener that is not HTTP).</summary>
    public static readonly DiagnosticCode InvalidGateway = new("MESH2032");

    /// <summary>MESH2033: A gateway route (HTTP, TLS or TCP) cannot attach: it names no gateway, a gateway or listener the model does not have, or a listener of another protocol (an HTTP route needs HTTP or HTTPS, a TLS route TLS, a TCP route TCP); a TLS route has no server name; two TLS or TCP routes claim the same connections of a listener; or none of its host names is served by its listeners (warning).</summary>
    public static readonly DiagnosticCode InvalidGatewayRoute = new("MESH2033");

    /// <summary>MESH2034: An access rule's newer parts are malformed: a pattern with a '*' inside, an identity that is not a SPIFFE ID, a request principal that is not ISSUER/SUBJECT, a condition without values or with values its attribute cannot have, an exclusion with flags or an exclusion of its own, a source that is both authenticated and unauthenticated.</summary>
    public static readonly DiagnosticCode InvalidAccessRule = new("MESH2034");

    /// <summary>MESH2035: A request authentication is malformed: a JWT rule without an issuer or with an issuer twice, both a JWKS URI and an inline JWKS, a JWKS URI that is not http(s), an inline JWKS that is not a JSON key set, a token location or output header that is empty or not a header name, both a target and a gateway, or a gateway the model does not have.</summary>
    public static readonly DiagnosticCode InvalidRequestAuthentication = new("MESH2035");

    // Translation (MESH21xx) and import (MESH22xx): shared by every provider.

    /// <summary>A model feature the provider cannot express; it is not in the output.</summary>
    public static readonly DiagnosticCode Unsupported = new("MESH2101");

    /// <summary>A model feature the provider expresses only approximately.</summary>
    public static readonly DiagnosticCode Approximated = new("MESH2102");

    /// <summary>Weights were rescaled and rounding changed their ratio.</summary>
    public static readonly DiagnosticCode WeightsRounded = new("MESH2103");

    /// <summary>How a model feature was written, or an input read, where nothing the mesh applies is lost (information: ports left to the Kubernetes Service, a backend's only port written out, rules read in the order a mesh applies them, …).</summary>
    public static readonly DiagnosticCode TranslationNote = new("MESH2104");

    /// <summary>A rule whose traffic reaches other workloads, or other shares of them, after a migration (<c>mesh migrate</c>).</summary>
    public static readonly DiagnosticCode BehaviourChanged = new("MESH2105");

    /// <summary>An input field that was not carried into the model.</summary>
    public static readonly DiagnosticCode FieldNotImported = new("MESH2201");

    /// <summary>A resource kind the provider does not read; it was skipped.</summary>
    public static readonly DiagnosticCode UnknownResourceKind = new("MESH2202");

    /// <summary>A provider resource that is malformed (wrong type, missing field, bad value).</summary>
    public static readonly DiagnosticCode InvalidResource = new("MESH2203");

    /// <summary>A legacy resource form that was understood and converted.</summary>
    public static readonly DiagnosticCode LegacyForm = new("MESH2204");

    /// <summary>A feature outside the model's scope (gateways, export rules, …).</summary>
    public static readonly DiagnosticCode OutOfScope = new("MESH2205");

    /// <summary>A service (or a subset) the input refers to but does not contain, declared from what the references say (information).</summary>
    public static readonly DiagnosticCode ServiceInferred = new("MESH2206");

    /// <summary>A subset the input routes to but never defines, declared without labels (all the service's workloads).</summary>
    public static readonly DiagnosticCode SubsetUndefined = new("MESH2207");

    /// <summary>A leaf Service (one selecting a subset of another Service's workloads) read back as a subset of that service (information).</summary>
    public static readonly DiagnosticCode SubsetFolded = new("MESH2208");

    /// <summary>The model imported from the input fails validation; the import gives no model.</summary>
    public static readonly DiagnosticCode ImportedModelInvalid = new("MESH2209");

    // Analysis (MESH30xx): configurations a cluster accepts that do not do what they say (MeshAnalyzer, mesh analyze).

    /// <summary>MESH3001: An HTTP route and a TCP route claim the same host on the same port; which one applies depends on the mesh.</summary>
    public static readonly DiagnosticCode HostClaimedTwice = new("MESH3001");

    /// <summary>MESH3002: A rule never matches because every match of it is a match of an earlier, broader rule of the route.</summary>
    public static readonly DiagnosticCode ShadowedRule = new("MESH3002");

    /// <summary>MESH3003: Backends of one weighted split can reach the same pods, so the traffic does not follow the weights.</summary>
    public static readonly DiagnosticCode OverlappingSplit = new("MESH3003");

    /// <summary>MESH3004: An allow rule admits callers without a mesh identity (unauthenticated, IP blocks) to a service under strict mTLS, which refuses them.</summary>
    public static readonly DiagnosticCode StrictMtlsRefusesCallers = new("MESH3004");

    /// <summary>MESH3005: An allow rule grants nothing: a deny rule of the same target matches every request it matches.</summary>
    public static readonly DiagnosticCode AllowCancelled = new("MESH3005");

    /// <summary>MESH3006: An allow policy allows nothing (no rules, or every rule cancelled by a deny), so its target refuses every other caller.</summary>
    public static readonly DiagnosticCode AllowsNothing = new("MESH3006");

    /// <summary>MESH3007: The first try and the retries, at their per-try timeout, need longer than the rule's timeout, which cuts the last ones off.</summary>
    public static readonly DiagnosticCode RetriesExceedTimeout = new("MESH3007");

    /// <summary>MESH3008: A rule mirrors to pods it also routes to; they get mirrored requests as well as the real ones.</summary>
    public static readonly DiagnosticCode MirrorToRoutedBackend = new("MESH3008");

    /// <summary>MESH3009: An access rule names end users (request principals, <c>request.auth.*</c> conditions) where no request authentication verifies tokens, or only of other issuers: no request carries such a principal.</summary>
    public static readonly DiagnosticCode UnverifiedRequestPrincipal = new("MESH3009");

    // Progressive delivery (MESH60xx): a rollout step that cannot be taken on the model (Rollout.Apply, mesh rollout).

    /// <summary>MESH6001: The rollout's service is not declared in the model.</summary>
    public static readonly DiagnosticCode RolloutServiceUnknown = new("MESH6001");

    /// <summary>MESH6002: The rollout's stable or canary subset is not a subset of its service.</summary>
    public static readonly DiagnosticCode RolloutSubsetUnknown = new("MESH6002");

    /// <summary>MESH6003: The rollout or its step is malformed: no stable or canary subset, one subset as both, a weight or mirror percentage outside 0–100, a header name that is not an HTTP token or an empty header value, or a header a stepped rule already matches on.</summary>
    public static readonly DiagnosticCode InvalidRolloutStep = new("MESH6003");

    /// <summary>MESH6004: No rule can carry the step: the service's HTTP routes have no rule sending its traffic to its stable subset (and nowhere but the stable and canary subsets), or, with no route, the service has no HTTP, HTTP/2 or gRPC port to route.</summary>
    public static readonly DiagnosticCode NoRolloutRule = new("MESH6004");

    /// <summary>MESH6005: A mirror step on a rule that already mirrors to another destination; a rule has one mirror (the rollout's own mirror to the canary is replaced).</summary>
    public static readonly DiagnosticCode RolloutMirrorInUse = new("MESH6005");

    /// <summary>MESH6006: The service had no HTTP route; the step created one with its rule (information).</summary>
    public static readonly DiagnosticCode RolloutRouteCreated = new("MESH6006");
}
