using Mesh.Collections;
using Mesh.Model;
using Mesh.Xds.EnvoyApi;

namespace Mesh.Xds.Planning;

// The plan is the model resolved for one proxy: every name, reference, default and policy merge decided once,
// so that encoding is a pure walk that allocates nothing. These types are internal and immutable.

/// <summary>
/// One Envoy cluster: a service port, or one subset of it (EDS); an external service host's port or subset, with its
/// endpoints inline (<see cref="Discovery"/> STATIC or STRICT_DNS) or none (ORIGINAL_DST); or a cluster of the outbound
/// scope (<c>PassthroughCluster</c>, <c>BlackHoleCluster</c>).
/// </summary>
internal sealed record ClusterPlan(
    string Name,
    ServiceRef Service,
    int Port,
    Protocol Protocol,
    string? Subset,
    KeyValuePair<string, string>[] SubsetLabels,
    TimeSpan ConnectTimeout,
    LbPolicy LbPolicy,
    ConnectionPool? Pool,
    OutlierDetection? Outlier,
    UpstreamTlsPlan? Tls,
    bool Inbound = false,
    HashRing? Ring = null,
    Warmup? Warmup = null,
    bool Http2 = false,
    LocalityPlan? Locality = null,
    DiscoveryType Discovery = DiscoveryType.Eds,
    InlineEndpoint[]? Inline = null)
{
    /// <summary><see cref="Name"/> as UTF-8, encoded once.</summary>
    public byte[] NameUtf8 { get; } = System.Text.Encoding.UTF8.GetBytes(Name);
}

/// <summary>An endpoint written inline in a non-EDS cluster's <c>load_assignment</c>: an IP address, or a host name for STRICT_DNS.</summary>
internal sealed record InlineEndpoint(string Address, int Port)
{
    /// <summary><see cref="Address"/> as UTF-8, encoded once.</summary>
    public byte[] AddressUtf8 { get; } = System.Text.Encoding.UTF8.GetBytes(Address);
}

/// <summary>One weighted backend of a route, already resolved to a cluster name.</summary>
internal sealed record BackendPlan(string Cluster, int Weight, ServiceRef Service, string? Subset)
{
    /// <summary><see cref="Cluster"/> as UTF-8, encoded once.</summary>
    public byte[] ClusterUtf8 { get; } = System.Text.Encoding.UTF8.GetBytes(Cluster);
}

/// <summary>One Envoy route: a rule with one of its matches (a rule with N matches becomes N routes).</summary>
internal sealed record RoutePlan(
    string Name,
    HttpMatch? Match,
    HttpRouteRule? Rule,
    BackendPlan[] Backends,
    string? MirrorCluster,
    string? RetryOn,
    ConsistentHash? HashOn,
    RedirectResponseCode RedirectCode,
    RateLimitPlan? RateLimit = null)
{
    /// <summary><see cref="Name"/> as UTF-8, encoded once.</summary>
    public byte[] NameUtf8 { get; } = System.Text.Encoding.UTF8.GetBytes(Name);

    /// <summary>
    /// Whether the rule's timeout is also written as <c>max_stream_duration</c>: proxyless gRPC clients ignore
    /// <c>RouteAction.timeout</c> and take their deadline from <c>max_stream_duration</c> (gRFC A31).
    /// </summary>
    public bool TimeoutAsStreamDuration { get; init; }

    /// <summary>
    /// The status of a <c>direct_response</c> the route answers with instead of routing (0: none): the outbound scope's
    /// <c>block_all</c> route of a registry-only proxy.
    /// </summary>
    public int DirectStatus { get; init; }

    /// <summary><see cref="RetryOn"/> as UTF-8, encoded once (null when there is none).</summary>
    public byte[]? RetryOnUtf8 { get; } = string.IsNullOrEmpty(RetryOn) ? null : System.Text.Encoding.UTF8.GetBytes(RetryOn);

    /// <summary>
    /// The retry policy's <c>retriable_status_codes</c>: its status codes when it retries on
    /// <c>retriable-status-codes</c>, else none (the model ignores them then, and the validator warns).
    /// </summary>
    public int[] RetriableStatusCodes { get; } = Rule?.Retry is { } retry && retry.On.AsSpan().Contains(RetryCondition.RetriableStatusCodes) ? [.. retry.StatusCodes] : [];

    /// <summary>The rule's request header sets, as an array so encoding does not allocate an enumerator.</summary>
    public KeyValuePair<string, string>[] RequestSet { get; } = [.. Rule?.RequestHeaders?.Set ?? default];

    /// <summary>The rule's request header appends.</summary>
    public KeyValuePair<string, string>[] RequestAdd { get; } = [.. Rule?.RequestHeaders?.Add ?? default];

    /// <summary>The rule's response header sets.</summary>
    public KeyValuePair<string, string>[] ResponseSet { get; } = [.. Rule?.ResponseHeaders?.Set ?? default];

    /// <summary>The rule's response header appends.</summary>
    public KeyValuePair<string, string>[] ResponseAdd { get; } = [.. Rule?.ResponseHeaders?.Add ?? default];
}

/// <summary>One virtual host: a service port with the domains clients use for it.</summary>
internal sealed record VirtualHostPlan(string Name, ServiceRef Host, int Port, string[] Domains, RoutePlan[] Routes)
{
    /// <summary>Whether the virtual host answers every plaintext request with a 301 to HTTPS (<c>require_tls: ALL</c>): a gateway listener's HTTPS redirect.</summary>
    public bool RequireTls { get; init; }

    /// <summary><see cref="Name"/> as UTF-8, encoded once.</summary>
    public byte[] NameUtf8 { get; } = System.Text.Encoding.UTF8.GetBytes(Name);

    /// <summary><see cref="Domains"/> as UTF-8, encoded once.</summary>
    public byte[][] DomainsUtf8 { get; } = [.. Domains.Select(System.Text.Encoding.UTF8.GetBytes)];
}

/// <summary>One RouteConfiguration.</summary>
internal sealed record RouteConfigPlan(string Name, VirtualHostPlan[] VirtualHosts)
{
    /// <summary><see cref="Name"/> as UTF-8, encoded once.</summary>
    public byte[] NameUtf8 { get; } = System.Text.Encoding.UTF8.GetBytes(Name);

    /// <summary>Whether any route carries a fault, so listeners add the fault filter.</summary>
    public bool UsesFault => VirtualHosts.Any(v => v.Routes.Any(r => r.Rule?.Fault is { } f && (f.Delay is not null || f.Abort is not null)));
}

/// <summary>
/// One Listener: an outbound sidecar port, a proxyless api_listener, the sidecar's inbound listener or a gateway port. A
/// sidecar's outbound port may carry layer-4 filter chains (<paramref name="Tcp"/>); one with no HTTP services has an empty
/// <paramref name="RouteConfigName"/> and its <see cref="OutboundTcpPlan.Default"/> chain.
/// </summary>
internal sealed record ListenerPlan(string Name, int Port, bool ApiListener, string RouteConfigName, bool Fault, string StatPrefix, InboundPlan? Inbound = null, TelemetryPlan? Telemetry = null, GatewayListenerPlan? Gateway = null, OutboundTcpPlan? Tcp = null)
{
    /// <summary><see cref="Name"/> as UTF-8, encoded once.</summary>
    public byte[] NameUtf8 { get; } = System.Text.Encoding.UTF8.GetBytes(Name);
}

/// <summary>
/// The telemetry a sidecar's connection managers carry, resolved from the mesh-wide, namespace and workload policies (a
/// narrower one overrides what it sets): a file access log to standard output, and tracing with a sampling percentage and
/// custom tags (null: no tracing block, the tracer of the proxy's bootstrap decides).
/// </summary>
internal sealed record TelemetryPlan(bool AccessLog, bool Tracing, decimal? Sampling, TracingTag[] Tags)
{
    public bool IsEmpty => !AccessLog && !Tracing;
}

/// <summary>
/// One inbound port of the sidecar's own service: its local cluster, inline routes, whether it terminates mTLS, and
/// whether it has a local rate-limit filter (<paramref name="RateLimited"/>) with the workload's own token bucket
/// (<paramref name="RateLimit"/>, null when only routes are limited; their buckets are on the routes).
/// </summary>
internal sealed record InboundPortPlan(int Port, string ClusterName, RouteConfigPlan Routes, bool Tls, bool RateLimited = false, RateLimitPlan? RateLimit = null);

/// <summary>A token bucket of Envoy's local rate limit: its size (the burst), its refill and interval, and the status answered when it is empty.</summary>
internal sealed record RateLimitPlan(int MaxTokens, int TokensPerFill, TimeSpan FillInterval, int Status);

/// <summary>One access rule as an Envoy RBAC policy (a policy per rule, since a rule ANDs its source, operation and conditions).</summary>
internal sealed record RbacPolicyPlan(string Name, RbacPermission Permission, RbacPrincipal Principal);

/// <summary>
/// The inbound side of a sidecar: one listener with a filter chain per HTTP port, RBAC filters from access policies (audit
/// as Envoy's LOG action, which allows everything and marks what matches for access logging).
/// </summary>
internal sealed record InboundPlan(InboundPortPlan[] Ports, RbacPolicyPlan[] Deny, RbacPolicyPlan[] Allow, bool HasDeny, bool HasAllow, RbacPolicyPlan[] Audit, JwtPlan? Jwt = null);

/// <summary>
/// The TLS a cluster originates: the mesh's own mTLS (<see cref="ClientTlsMode.Mesh"/>: the workload certificate and the
/// trust bundle over SDS, Istio's ALPN), or TLS to another server (<see cref="ClientTlsMode.Simple"/> or
/// <see cref="ClientTlsMode.Mutual"/>): server verification by a CA file or a CA secret (none when skipped), names to
/// verify, and for mutual TLS the client certificate's secret.
/// </summary>
internal sealed record UpstreamTlsPlan(
    ClientTlsMode Mode,
    string? Sni,
    EquatableArray<string> SubjectAltNames,
    string? CaFile = null,
    string? CaSecret = null,
    string? CertificateSecret = null);

/// <summary>
/// Locality-aware balancing of one cluster for one client: endpoints in the client's own subzone, zone and region come
/// first (priorities 0, 1, 2), then the failover region, then the rest, with the priorities made contiguous as Envoy
/// requires; or, with a distribution, every locality at priority 0 weighted by the share of the first pattern it matches
/// (split evenly among the localities matching it), and localities no pattern matches left out.
/// </summary>
/// <param name="Client">The client's locality.</param>
/// <param name="FailoverRegion">The region the client's region fails over to, or null.</param>
/// <param name="Distribution">The distribution that applies to the client, or null.</param>
internal sealed record LocalityPlan(EndpointLocality Client, string? FailoverRegion, LocalityDistribution? Distribution)
{
    /// <summary>The share, in percent, of each distribution target, in order.</summary>
    public int[] Shares { get; } = Distribution is null ? [] : [.. Distribution.To.Select(e => e.Value)];

    /// <summary>The priority before compaction: 0 same subzone, 1 same zone, 2 same region, 3 failover region, 4 elsewhere.</summary>
    public int RawPriority(EndpointLocality endpoint)
    {
        if (!string.Equals(endpoint.Region, Client.Region, StringComparison.Ordinal))
        {
            return FailoverRegion is not null && string.Equals(endpoint.Region, FailoverRegion, StringComparison.Ordinal) ? 3 : 4;
        }
        if (!string.Equals(endpoint.Zone ?? "", Client.Zone ?? "", StringComparison.Ordinal)) return 2;
        return string.Equals(endpoint.SubZone ?? "", Client.SubZone ?? "", StringComparison.Ordinal) ? 0 : 1;
    }

    /// <summary>The index of the first distribution target <paramref name="endpoint"/> matches, or -1.</summary>
    public int Target(EndpointLocality endpoint)
    {
        if (Distribution is null) return -1;
        var i = 0;
        foreach (var (pattern, _) in Distribution.To)
        {
            if (Matches(pattern, endpoint)) return i;
            i++;
        }
        return -1;
    }

    /// <summary>Whether a locality pattern (<c>region/zone/subZone</c>, <c>*</c> for any) matches <paramref name="locality"/>.</summary>
    public static bool Matches(string pattern, EndpointLocality locality)
    {
        var parts = pattern.Split('/');
        string?[] actual = [locality.Region, locality.Zone, locality.SubZone];
        for (var i = 0; i < parts.Length && i < 3; i++)
        {
            if (parts[i] == "*") return true;
            if (!string.Equals(parts[i], actual[i] ?? "", StringComparison.Ordinal)) return false;
        }
        return true;
    }
}

/// <summary>
/// One port of a gateway proxy: its filter chains (one for the plaintext HTTP or TCP listeners of the port, one per HTTPS or
/// TLS listener, told apart by SNI), whether the TLS inspector listener filter reads the SNI for them, and the
/// <c>jwt_authn</c> filter of the request authentications that apply to the gateway (on every HttpConnectionManager).
/// </summary>
internal sealed record GatewayListenerPlan(GatewayChainPlan[] Chains, bool TlsInspector, JwtPlan? Jwt = null);

/// <summary>
/// One filter chain of a gateway port: the SNI names it matches (none: every name), the TLS it terminates (null: none, or
/// passed through), and either an HttpConnectionManager over RDS (<paramref name="RouteConfigName"/>, with the fault filter
/// when a route injects faults) or a tcp_proxy to <paramref name="TcpBackends"/> (one cluster, or weighted clusters), its stat
/// prefix <paramref name="StatPrefix"/> either way.
/// </summary>
internal sealed record GatewayChainPlan(string Name, string[] ServerNames, DownstreamTlsPlan? Tls, string? RouteConfigName, bool Fault, BackendPlan[]? TcpBackends, string StatPrefix)
{
    /// <summary><see cref="StatPrefix"/> as UTF-8, encoded once.</summary>
    public byte[] StatPrefixUtf8 { get; } = System.Text.Encoding.UTF8.GetBytes(StatPrefix);
}

/// <summary>
/// The TLS a gateway listener terminates: its certificate by SDS secret name (<paramref name="CertificateSecret"/>, the
/// listener's credential) or as files, and for <see cref="GatewayTlsMode.Mutual"/> the client certificates' CA (by SDS name:
/// the credential's name with <see cref="XdsEncoderOptions.CaCertificateSecretSuffix"/>, or the CA file) and the subject
/// alternative names they must carry; HTTP listeners offer ALPN <c>h2</c> and <c>http/1.1</c>.
/// </summary>
internal sealed record DownstreamTlsPlan(bool Mutual, bool Http, string? CertificateSecret, string? CaSecret, CertificateFiles? Files, EquatableArray<string> SubjectAltNames);

/// <summary>
/// The layer-4 side of a sidecar's outbound port (<see cref="OutboundTcpPlanner"/>): filter chains matched by destination
/// address (<c>prefix_ranges</c>) or by SNI (<c>server_names</c>, behind the TLS inspector), each a <c>tcp_proxy</c>; and the
/// chain for every other connection — null when the port also carries HTTP (the HttpConnectionManager's chain is then the
/// catch-all), else the one destination without addresses on the port, or the outbound scope's cluster.
/// </summary>
internal sealed record OutboundTcpPlan(TcpChainPlan[] Chains, TcpChainPlan? Default, bool TlsInspector);

/// <summary>One layer-4 filter chain: what it matches (nothing for a default chain), and the clusters its <c>tcp_proxy</c> sends to by weight.</summary>
internal sealed record TcpChainPlan(string Name, string[] ServerNames, CidrPlan[] PrefixRanges, BackendPlan[] Backends, string StatPrefix)
{
    /// <summary><see cref="Name"/> as UTF-8, encoded once.</summary>
    public byte[] NameUtf8 { get; } = System.Text.Encoding.UTF8.GetBytes(Name);

    /// <summary><see cref="StatPrefix"/> as UTF-8, encoded once.</summary>
    public byte[] StatPrefixUtf8 { get; } = System.Text.Encoding.UTF8.GetBytes(StatPrefix);

    /// <summary><see cref="ServerNames"/> as UTF-8, encoded once.</summary>
    public byte[][] ServerNamesUtf8 { get; } = [.. ServerNames.Select(System.Text.Encoding.UTF8.GetBytes)];

    /// <summary>Whether the chain has a <c>filter_chain_match</c>.</summary>
    public bool HasMatch => ServerNames.Length > 0 || PrefixRanges.Length > 0;
}

/// <summary>A destination address block of a filter chain: the network address (host bits cleared) and the prefix length.</summary>
internal sealed record CidrPlan(string Address, int Length)
{
    /// <summary><see cref="Address"/> as UTF-8, encoded once.</summary>
    public byte[] AddressUtf8 { get; } = System.Text.Encoding.UTF8.GetBytes(Address);

    /// <summary>An IP address (a host block, /32 or /128) or a CIDR block, its host bits cleared; null when it is neither.</summary>
    public static CidrPlan? Parse(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (!System.Net.IPAddress.TryParse(slash < 0 ? text : text[..slash], out var address)) return null;
        var bytes = address.GetAddressBytes();
        var length = bytes.Length * 8;
        if (slash >= 0 && (!int.TryParse(text.AsSpan(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out length) || length > bytes.Length * 8)) return null;
        for (var bit = length; bit < bytes.Length * 8; bit++) bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        return new CidrPlan(new System.Net.IPAddress(bytes).ToString(), length);
    }
}
