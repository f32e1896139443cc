namespace Mesh.Xds.Rendering;

/// <summary>How a field is rendered.</summary>
internal enum FieldKind
{
    String,
    Varint,
    Bool,
    Double,
    Enum,
    Message,
    PackedUInt32,
    Any,
    Duration,
    UInt32Value,
    BoolValue,
    Map,
}

/// <summary>One field of a rendered message.</summary>
internal sealed record FieldSpec(int Number, string Name, FieldKind Kind, string? Type = null, bool Repeated = false);

/// <summary>
/// The names of the fields the encoder emits, by message — enough to render responses readably. Field numbers
/// are those of Envoy's v3 API.
/// </summary>
internal static class XdsSchema
{
    private static FieldSpec S(int n, string name, bool repeated = false) => new(n, name, FieldKind.String, null, repeated);
    private static FieldSpec V(int n, string name) => new(n, name, FieldKind.Varint);
    private static FieldSpec B(int n, string name) => new(n, name, FieldKind.Bool);
    private static FieldSpec E(int n, string name, string type) => new(n, name, FieldKind.Enum, type);
    private static FieldSpec M(int n, string name, string type, bool repeated = false) => new(n, name, FieldKind.Message, type, repeated);
    private static FieldSpec D(int n, string name) => new(n, name, FieldKind.Duration);
    private static FieldSpec W(int n, string name) => new(n, name, FieldKind.UInt32Value);
    private static FieldSpec A(int n, string name, bool repeated = false) => new(n, name, FieldKind.Any, null, repeated);
    private static FieldSpec Map(int n, string name) => new(n, name, FieldKind.Map, null, true);

    public static IReadOnlyDictionary<string, FieldSpec[]> Messages { get; } = new Dictionary<string, FieldSpec[]>(StringComparer.Ordinal)
    {
        ["envoy.service.discovery.v3.DiscoveryResponse"] = [S(1, "version_info"), A(2, "resources", true), S(4, "type_url"), S(5, "nonce")],
        ["envoy.config.core.v3.ConfigSource"] = [M(3, "ads", "Empty"), E(6, "resource_api_version", "ApiVersion")],
        ["Empty"] = [],
        ["envoy.config.core.v3.Address"] = [M(1, "socket_address", "envoy.config.core.v3.SocketAddress")],
        ["envoy.config.core.v3.SocketAddress"] = [S(2, "address"), V(3, "port_value")],
        ["envoy.config.core.v3.Locality"] = [S(1, "region"), S(2, "zone"), S(3, "sub_zone")],
        ["envoy.config.core.v3.HeaderValueOption"] = [M(1, "header", "envoy.config.core.v3.HeaderValue"), E(3, "append_action", "HeaderAppendAction")],
        ["envoy.config.core.v3.HeaderValue"] = [S(1, "key"), S(2, "value")],
        ["envoy.config.core.v3.TransportSocket"] = [S(1, "name"), A(3, "typed_config")],
        ["envoy.config.core.v3.RuntimeFractionalPercent"] = [M(1, "default_value", "envoy.type.v3.FractionalPercent")],
        ["envoy.type.v3.FractionalPercent"] = [V(1, "numerator"), E(2, "denominator", "DenominatorType")],
        ["envoy.type.matcher.v3.StringMatcher"] = [S(1, "exact"), S(2, "prefix"), S(3, "suffix"), M(5, "safe_regex", "envoy.type.matcher.v3.RegexMatcher")],
        ["envoy.type.matcher.v3.RegexMatcher"] = [S(2, "regex")],
        ["envoy.type.matcher.v3.RegexMatchAndSubstitute"] = [M(1, "pattern", "envoy.type.matcher.v3.RegexMatcher"), S(2, "substitution")],

        ["envoy.config.cluster.v3.Cluster"] =
        [
            S(1, "name"), E(2, "type", "DiscoveryType"), M(3, "eds_cluster_config", "envoy.config.cluster.v3.Cluster.EdsClusterConfig"),
            D(4, "connect_timeout"), E(6, "lb_policy", "LbPolicy"), M(10, "circuit_breakers", "envoy.config.cluster.v3.CircuitBreakers"),
            M(19, "outlier_detection", "envoy.config.cluster.v3.OutlierDetection"), M(24, "transport_socket", "envoy.config.core.v3.TransportSocket"),
            Map(36, "typed_extension_protocol_options"), M(33, "load_assignment", "envoy.config.endpoint.v3.ClusterLoadAssignment"),
        ],
        ["envoy.config.cluster.v3.Cluster.EdsClusterConfig"] = [M(1, "eds_config", "envoy.config.core.v3.ConfigSource"), S(2, "service_name")],
        ["envoy.config.cluster.v3.CircuitBreakers"] = [M(1, "thresholds", "envoy.config.cluster.v3.CircuitBreakers.Thresholds", true)],
        ["envoy.config.cluster.v3.CircuitBreakers.Thresholds"] = [W(2, "max_connections"), W(3, "max_pending_requests"), W(4, "max_requests"), W(5, "max_retries")],
        ["envoy.config.cluster.v3.OutlierDetection"] =
        [
            W(1, "consecutive_5xx"), D(2, "interval"), D(3, "base_ejection_time"), W(4, "max_ejection_percent"),
            W(10, "consecutive_gateway_failure"), W(11, "enforcing_consecutive_gateway_failure"),
        ],
        ["envoy.extensions.upstreams.http.v3.HttpProtocolOptions"] =
        [
            M(1, "common_http_protocol_options", "envoy.config.core.v3.HttpProtocolOptions"),
            M(3, "explicit_http_config", "envoy.extensions.upstreams.http.v3.HttpProtocolOptions.ExplicitHttpConfig"),
        ],
        ["envoy.config.core.v3.HttpProtocolOptions"] = [W(6, "max_requests_per_connection")],
        ["envoy.extensions.upstreams.http.v3.HttpProtocolOptions.ExplicitHttpConfig"] = [M(1, "http_protocol_options", "Empty"), M(2, "http2_protocol_options", "Empty")],
        ["envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext"] = [M(1, "common_tls_context", "envoy.extensions.transport_sockets.tls.v3.CommonTlsContext"), S(2, "sni")],
        ["envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext"] =
        [
            M(1, "common_tls_context", "envoy.extensions.transport_sockets.tls.v3.CommonTlsContext"), new(2, "require_client_certificate", FieldKind.BoolValue),
        ],
        ["envoy.extensions.filters.http.rbac.v3.RBAC"] = [M(1, "rules", "envoy.config.rbac.v3.RBAC")],
        ["envoy.config.rbac.v3.RBAC"] = [E(1, "action", "RbacAction"), new(2, "policies", FieldKind.Map, "envoy.config.rbac.v3.Policy", true)],
        ["envoy.config.rbac.v3.Policy"] = [M(1, "permissions", "envoy.config.rbac.v3.Permission", true), M(2, "principals", "envoy.config.rbac.v3.Principal", true)],
        ["envoy.config.rbac.v3.Permission"] =
        [
            M(1, "and_rules", "envoy.config.rbac.v3.Permission.Set"), M(2, "or_rules", "envoy.config.rbac.v3.Permission.Set"), B(3, "any"),
            M(4, "header", "envoy.config.route.v3.HeaderMatcher"), V(6, "destination_port"), M(10, "url_path", "envoy.type.matcher.v3.PathMatcher"),
        ],
        ["envoy.config.rbac.v3.Permission.Set"] = [M(1, "rules", "envoy.config.rbac.v3.Permission", true)],
        ["envoy.config.rbac.v3.Principal"] =
        [
            M(1, "and_ids", "envoy.config.rbac.v3.Principal.Set"), M(2, "or_ids", "envoy.config.rbac.v3.Principal.Set"), B(3, "any"),
            M(4, "authenticated", "envoy.config.rbac.v3.Principal.Authenticated"), M(8, "not_id", "envoy.config.rbac.v3.Principal"),
            M(10, "direct_remote_ip", "envoy.config.core.v3.CidrRange"),
        ],
        ["envoy.config.rbac.v3.Principal.Set"] = [M(1, "ids", "envoy.config.rbac.v3.Principal", true)],
        ["envoy.config.rbac.v3.Principal.Authenticated"] = [M(2, "principal_name", "envoy.type.matcher.v3.StringMatcher")],
        ["envoy.config.core.v3.CidrRange"] = [S(1, "address_prefix"), W(2, "prefix_len")],
        ["envoy.type.matcher.v3.PathMatcher"] = [M(1, "path", "envoy.type.matcher.v3.StringMatcher")],
        ["envoy.extensions.transport_sockets.tls.v3.CommonTlsContext"] =
        [
            S(4, "alpn_protocols", true), M(6, "tls_certificate_sds_secret_configs", "envoy.extensions.transport_sockets.tls.v3.SdsSecretConfig", true),
            M(8, "combined_validation_context", "envoy.extensions.transport_sockets.tls.v3.CommonTlsContext.CombinedCertificateValidationContext"),
        ],
        ["envoy.extensions.transport_sockets.tls.v3.CommonTlsContext.CombinedCertificateValidationContext"] =
        [
            M(1, "default_validation_context", "Empty"), M(2, "validation_context_sds_secret_config", "envoy.extensions.transport_sockets.tls.v3.SdsSecretConfig"),
        ],
        ["envoy.extensions.transport_sockets.tls.v3.SdsSecretConfig"] = [S(1, "name"), M(2, "sds_config", "envoy.config.core.v3.ConfigSource")],

        ["envoy.config.endpoint.v3.ClusterLoadAssignment"] = [S(1, "cluster_name"), M(2, "endpoints", "envoy.config.endpoint.v3.LocalityLbEndpoints", true)],
        ["envoy.config.endpoint.v3.LocalityLbEndpoints"] =
        [
            M(1, "locality", "envoy.config.core.v3.Locality"), M(2, "lb_endpoints", "envoy.config.endpoint.v3.LbEndpoint", true), W(3, "load_balancing_weight"),
        ],
        ["envoy.config.endpoint.v3.LbEndpoint"] = [M(1, "endpoint", "envoy.config.endpoint.v3.Endpoint"), E(2, "health_status", "HealthStatus"), W(4, "load_balancing_weight")],
        ["envoy.config.endpoint.v3.Endpoint"] = [M(1, "address", "envoy.config.core.v3.Address")],

        ["envoy.config.route.v3.RouteConfiguration"] = [S(1, "name"), M(2, "virtual_hosts", "envoy.config.route.v3.VirtualHost", true)],
        ["envoy.config.route.v3.VirtualHost"] = [S(1, "name"), S(2, "domains", true), M(3, "routes", "envoy.config.route.v3.Route", true)],
        ["envoy.config.route.v3.Route"] =
        [
            M(1, "match", "envoy.config.route.v3.RouteMatch"), M(2, "route", "envoy.config.route.v3.RouteAction"), M(3, "redirect", "envoy.config.route.v3.RedirectAction"),
            M(9, "request_headers_to_add", "envoy.config.core.v3.HeaderValueOption", true), M(10, "response_headers_to_add", "envoy.config.core.v3.HeaderValueOption", true),
            S(11, "response_headers_to_remove", true), S(12, "request_headers_to_remove", true), Map(13, "typed_per_filter_config"), S(14, "name"),
        ],
        ["envoy.config.route.v3.RouteMatch"] =
        [
            S(1, "prefix"), S(2, "path"), M(6, "headers", "envoy.config.route.v3.HeaderMatcher", true),
            M(7, "query_parameters", "envoy.config.route.v3.QueryParameterMatcher", true), M(10, "safe_regex", "envoy.type.matcher.v3.RegexMatcher"),
        ],
        ["envoy.config.route.v3.HeaderMatcher"] = [S(1, "name"), B(7, "present_match"), B(8, "invert_match"), M(13, "string_match", "envoy.type.matcher.v3.StringMatcher")],
        ["envoy.config.route.v3.QueryParameterMatcher"] = [S(1, "name"), M(5, "string_match", "envoy.type.matcher.v3.StringMatcher"), B(6, "present_match")],
        ["envoy.config.route.v3.RouteAction"] =
        [
            S(1, "cluster"), M(3, "weighted_clusters", "envoy.config.route.v3.WeightedCluster"), S(5, "prefix_rewrite"), S(6, "host_rewrite_literal"),
            D(8, "timeout"), M(9, "retry_policy", "envoy.config.route.v3.RetryPolicy"), M(15, "hash_policy", "envoy.config.route.v3.RouteAction.HashPolicy", true),
            M(30, "request_mirror_policies", "envoy.config.route.v3.RouteAction.RequestMirrorPolicy", true),
            M(32, "regex_rewrite", "envoy.type.matcher.v3.RegexMatchAndSubstitute"),
        ],
        ["envoy.config.route.v3.WeightedCluster"] = [M(1, "clusters", "envoy.config.route.v3.WeightedCluster.ClusterWeight", true)],
        ["envoy.config.route.v3.WeightedCluster.ClusterWeight"] = [S(1, "name"), W(2, "weight")],
        ["envoy.config.route.v3.RetryPolicy"] =
        [
            S(1, "retry_on"), W(2, "num_retries"), D(3, "per_try_timeout"), new(7, "retriable_status_codes", FieldKind.PackedUInt32),
            M(8, "retry_back_off", "envoy.config.route.v3.RetryPolicy.RetryBackOff"),
        ],
        ["envoy.config.route.v3.RetryPolicy.RetryBackOff"] = [D(1, "base_interval"), D(2, "max_interval")],
        ["envoy.config.route.v3.RouteAction.HashPolicy"] =
        [
            M(1, "header", "envoy.config.route.v3.RouteAction.HashPolicy.Header"), M(2, "cookie", "envoy.config.route.v3.RouteAction.HashPolicy.Cookie"),
            M(3, "connection_properties", "envoy.config.route.v3.RouteAction.HashPolicy.ConnectionProperties"),
            M(5, "query_parameter", "envoy.config.route.v3.RouteAction.HashPolicy.QueryParameter"),
        ],
        ["envoy.config.route.v3.RouteAction.HashPolicy.Header"] = [S(1, "header_name")],
        ["envoy.config.route.v3.RouteAction.HashPolicy.Cookie"] = [S(1, "name")],
        ["envoy.config.route.v3.RouteAction.HashPolicy.ConnectionProperties"] = [B(1, "source_ip")],
        ["envoy.config.route.v3.RouteAction.HashPolicy.QueryParameter"] = [S(1, "name")],
        ["envoy.config.route.v3.RouteAction.RequestMirrorPolicy"] = [S(1, "cluster"), M(3, "runtime_fraction", "envoy.config.core.v3.RuntimeFractionalPercent")],
        ["envoy.config.route.v3.RedirectAction"] =
        [
            S(1, "host_redirect"), S(2, "path_redirect"), E(3, "response_code", "RedirectResponseCode"), S(5, "prefix_rewrite"), S(7, "scheme_redirect"), V(8, "port_redirect"),
        ],
        ["envoy.extensions.filters.http.fault.v3.HTTPFault"] =
        [
            M(1, "delay", "envoy.extensions.filters.common.fault.v3.FaultDelay"), M(2, "abort", "envoy.extensions.filters.http.fault.v3.FaultAbort"),
        ],
        ["envoy.extensions.filters.common.fault.v3.FaultDelay"] = [D(3, "fixed_delay"), M(4, "percentage", "envoy.type.v3.FractionalPercent")],
        ["envoy.extensions.filters.http.fault.v3.FaultAbort"] = [V(2, "http_status"), M(3, "percentage", "envoy.type.v3.FractionalPercent")],
        ["envoy.extensions.filters.http.router.v3.Router"] = [],

        ["envoy.config.listener.v3.Listener"] =
        [
            S(1, "name"), M(2, "address", "envoy.config.core.v3.Address"), M(3, "filter_chains", "envoy.config.listener.v3.FilterChain", true),
            E(16, "traffic_direction", "TrafficDirection"), M(19, "api_listener", "envoy.config.listener.v3.ApiListener"),
        ],
        ["envoy.config.listener.v3.FilterChain"] =
        [
            M(1, "filter_chain_match", "envoy.config.listener.v3.FilterChainMatch"), M(3, "filters", "envoy.config.listener.v3.Filter", true),
            M(6, "transport_socket", "envoy.config.core.v3.TransportSocket"), S(7, "name"),
        ],
        ["envoy.config.listener.v3.FilterChainMatch"] = [W(8, "destination_port")],
        ["envoy.config.listener.v3.Filter"] = [S(1, "name"), A(4, "typed_config")],
        ["envoy.config.listener.v3.ApiListener"] = [A(1, "api_listener")],
        ["envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager"] =
        [
            S(2, "stat_prefix"), M(3, "rds", "envoy.extensions.filters.network.http_connection_manager.v3.Rds"),
            M(4, "route_config", "envoy.config.route.v3.RouteConfiguration"),
            M(5, "http_filters", "envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter", true),
        ],
        ["envoy.extensions.filters.network.http_connection_manager.v3.Rds"] = [M(1, "config_source", "envoy.config.core.v3.ConfigSource"), S(2, "route_config_name")],
        ["envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter"] = [S(1, "name"), A(4, "typed_config")],
    };

    public static IReadOnlyDictionary<string, string[]> Enums { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["ApiVersion"] = ["AUTO", "V2", "V3"],
        ["DiscoveryType"] = ["STATIC", "STRICT_DNS", "LOGICAL_DNS", "EDS", "ORIGINAL_DST"],
        ["LbPolicy"] = ["ROUND_ROBIN", "LEAST_REQUEST", "RING_HASH", "RANDOM", "4", "MAGLEV", "CLUSTER_PROVIDED"],
        ["HealthStatus"] = ["UNKNOWN", "HEALTHY", "UNHEALTHY", "DRAINING", "TIMEOUT", "DEGRADED"],
        ["TrafficDirection"] = ["UNSPECIFIED", "INBOUND", "OUTBOUND"],
        ["DenominatorType"] = ["HUNDRED", "TEN_THOUSAND", "MILLION"],
        ["RedirectResponseCode"] = ["MOVED_PERMANENTLY", "FOUND", "SEE_OTHER", "TEMPORARY_REDIRECT", "PERMANENT_REDIRECT"],
        ["RbacAction"] = ["ALLOW", "DENY", "LOG"],
        ["HeaderAppendAction"] = ["APPEND_IF_EXISTS_OR_ADD", "ADD_IF_ABSENT", "OVERWRITE_IF_EXISTS_OR_ADD", "OVERWRITE_IF_EXISTS"],
    };
}
