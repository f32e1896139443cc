using System.Globalization;
using System.Text;
using Mesh.Xds.EnvoyApi;

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
/// are the encoders' own constants (<c>EnvoyApi/</c>), so each is written once.
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
        ["envoy.service.discovery.v3.DiscoveryResponse"] =
        [
            S(DiscoveryResponseFields.VersionInfo, "version_info"),
            A(DiscoveryResponseFields.Resources, "resources", true),
            S(DiscoveryResponseFields.TypeUrl, "type_url"),
            S(DiscoveryResponseFields.Nonce, "nonce"),
        ],
        ["envoy.config.core.v3.ConfigSource"] =
        [
            M(ConfigSourceFields.Ads, "ads", "Empty"),
            E(ConfigSourceFields.ResourceApiVersion, "resource_api_version", "ApiVersion"),
        ],
        ["Empty"] = [],
        ["envoy.config.core.v3.Address"] = [M(AddressFields.SocketAddress, "socket_address", "envoy.config.core.v3.SocketAddress")],
        ["envoy.config.core.v3.SocketAddress"] = [S(SocketAddressFields.Address, "address"), V(SocketAddressFields.PortValue, "port_value")],
        ["envoy.config.core.v3.Locality"] =
        [
            S(LocalityFields.Region, "region"),
            S(LocalityFields.Zone, "zone"),
            S(LocalityFields.SubZone, "sub_zone"),
        ],
        ["envoy.config.core.v3.HeaderValueOption"] =
        [
            M(HeaderValueOptionFields.Header, "header", "envoy.config.core.v3.HeaderValue"),
            E(HeaderValueOptionFields.AppendAction, "append_action", "HeaderAppendAction"),
        ],
        ["envoy.config.core.v3.HeaderValue"] = [S(HeaderValueFields.Key, "key"), S(HeaderValueFields.Value, "value")],
        ["envoy.config.core.v3.TransportSocket"] = [S(TransportSocketFields.Name, "name"), A(TransportSocketFields.TypedConfig, "typed_config")],
        ["envoy.config.core.v3.RuntimeFractionalPercent"] =
        [
            M(RuntimeFractionalPercentFields.DefaultValue, "default_value", "envoy.type.v3.FractionalPercent"),
        ],
        ["envoy.type.v3.FractionalPercent"] =
        [
            V(FractionalPercentFields.Numerator, "numerator"),
            E(FractionalPercentFields.Denominator, "denominator", "DenominatorType"),
        ],
        ["envoy.type.matcher.v3.StringMatcher"] =
        [
            S(StringMatcherFields.Exact, "exact"),
            S(StringMatcherFields.Prefix, "prefix"),
            S(StringMatcherFields.Suffix, "suffix"),
            M(StringMatcherFields.SafeRegex, "safe_regex", "envoy.type.matcher.v3.RegexMatcher"),
        ],
        ["envoy.type.matcher.v3.RegexMatcher"] = [S(RegexMatcherFields.Regex, "regex")],
        ["envoy.type.matcher.v3.RegexMatchAndSubstitute"] =
        [
            M(RegexMatchAndSubstituteFields.Pattern, "pattern", "envoy.type.matcher.v3.RegexMatcher"),
            S(RegexMatchAndSubstituteFields.Substitution, "substitution"),
        ],

        ["envoy.config.cluster.v3.Cluster"] =
        [
            S(ClusterFields.Name, "name"),
            E(ClusterFields.Type, "type", "DiscoveryType"),
            M(ClusterFields.EdsClusterConfig, "eds_cluster_config", "envoy.config.cluster.v3.Cluster.EdsClusterConfig"),
            D(ClusterFields.ConnectTimeout, "connect_timeout"),
            E(ClusterFields.LbPolicy, "lb_policy", "LbPolicy"),
            M(ClusterFields.CircuitBreakers, "circuit_breakers", "envoy.config.cluster.v3.CircuitBreakers"),
            M(ClusterFields.OutlierDetection, "outlier_detection", "envoy.config.cluster.v3.OutlierDetection"),
            M(ClusterFields.RingHashLbConfig, "ring_hash_lb_config", "envoy.config.cluster.v3.Cluster.RingHashLbConfig"),
            M(ClusterFields.TransportSocket, "transport_socket", "envoy.config.core.v3.TransportSocket"),
            M(ClusterFields.CommonLbConfig, "common_lb_config", "envoy.config.cluster.v3.Cluster.CommonLbConfig"),
            Map(ClusterFields.TypedExtensionProtocolOptions, "typed_extension_protocol_options"),
            M(ClusterFields.LoadAssignment, "load_assignment", "envoy.config.endpoint.v3.ClusterLoadAssignment"),
            M(ClusterFields.LeastRequestLbConfig, "least_request_lb_config", "envoy.config.cluster.v3.Cluster.LeastRequestLbConfig"),
            M(ClusterFields.MaglevLbConfig, "maglev_lb_config", "envoy.config.cluster.v3.Cluster.MaglevLbConfig"),
            M(ClusterFields.RoundRobinLbConfig, "round_robin_lb_config", "envoy.config.cluster.v3.Cluster.RoundRobinLbConfig"),
        ],
        ["envoy.config.cluster.v3.Cluster.CommonLbConfig"] = [M(CommonLbConfigFields.LocalityWeightedLbConfig, "locality_weighted_lb_config", "Empty")],
        ["envoy.config.cluster.v3.Cluster.RingHashLbConfig"] = [W(RingHashLbConfigFields.MinimumRingSize, "minimum_ring_size")],
        ["envoy.config.cluster.v3.Cluster.MaglevLbConfig"] = [W(MaglevLbConfigFields.TableSize, "table_size")],
        ["envoy.config.cluster.v3.Cluster.RoundRobinLbConfig"] = [M(RoundRobinLbConfigFields.SlowStartConfig, "slow_start_config", "envoy.config.cluster.v3.Cluster.SlowStartConfig")],
        ["envoy.config.cluster.v3.Cluster.LeastRequestLbConfig"] = [M(LeastRequestLbConfigFields.SlowStartConfig, "slow_start_config", "envoy.config.cluster.v3.Cluster.SlowStartConfig")],
        ["envoy.config.cluster.v3.Cluster.SlowStartConfig"] =
        [
            D(SlowStartConfigFields.SlowStartWindow, "slow_start_window"),
            M(SlowStartConfigFields.Aggression, "aggression", "envoy.config.core.v3.RuntimeDouble"),
            M(SlowStartConfigFields.MinWeightPercent, "min_weight_percent", "envoy.type.v3.Percent"),
        ],
        ["envoy.config.core.v3.RuntimeDouble"] =
        [
            new(RuntimeDoubleFields.DefaultValue, "default_value", FieldKind.Double),
            S(RuntimeDoubleFields.RuntimeKey, "runtime_key"),
        ],
        ["envoy.type.v3.Percent"] = [new(PercentFields.Value, "value", FieldKind.Double)],
        ["envoy.config.cluster.v3.Cluster.EdsClusterConfig"] =
        [
            M(EdsClusterConfigFields.EdsConfig, "eds_config", "envoy.config.core.v3.ConfigSource"),
            S(EdsClusterConfigFields.ServiceName, "service_name"),
        ],
        ["envoy.config.cluster.v3.CircuitBreakers"] =
        [
            M(CircuitBreakersFields.Thresholds, "thresholds", "envoy.config.cluster.v3.CircuitBreakers.Thresholds", true),
        ],
        ["envoy.config.cluster.v3.CircuitBreakers.Thresholds"] =
        [
            W(ThresholdsFields.MaxConnections, "max_connections"),
            W(ThresholdsFields.MaxPendingRequests, "max_pending_requests"),
            W(ThresholdsFields.MaxRequests, "max_requests"),
            W(ThresholdsFields.MaxRetries, "max_retries"),
        ],
        ["envoy.config.cluster.v3.OutlierDetection"] =
        [
            W(OutlierDetectionFields.Consecutive5xx, "consecutive_5xx"),
            D(OutlierDetectionFields.Interval, "interval"),
            D(OutlierDetectionFields.BaseEjectionTime, "base_ejection_time"),
            W(OutlierDetectionFields.MaxEjectionPercent, "max_ejection_percent"),
            W(OutlierDetectionFields.ConsecutiveGatewayFailure, "consecutive_gateway_failure"),
            W(OutlierDetectionFields.EnforcingConsecutiveGatewayFailure, "enforcing_consecutive_gateway_failure"),
        ],
        ["envoy.extensions.upstreams.http.v3.HttpProtocolOptions"] =
        [
            M(HttpProtocolOptionsFields.CommonHttpProtocolOptions, "common_http_protocol_options", "envoy.config.core.v3.HttpProtocolOptions"),
            M(HttpProtocolOptionsFields.ExplicitHttpConfig, "explicit_http_config", "envoy.extensions.upstreams.http.v3.HttpProtocolOptions.ExplicitHttpConfig"),
        ],
        ["envoy.config.core.v3.HttpProtocolOptions"] =
        [
            D(CoreHttpProtocolOptionsFields.IdleTimeout, "idle_timeout"),
            W(CoreHttpProtocolOptionsFields.MaxRequestsPerConnection, "max_requests_per_connection"),
        ],
        ["envoy.extensions.upstreams.http.v3.HttpProtocolOptions.ExplicitHttpConfig"] =
        [
            M(ExplicitHttpConfigFields.HttpProtocolOptions, "http_protocol_options", "Empty"),
            M(ExplicitHttpConfigFields.Http2ProtocolOptions, "http2_protocol_options", "envoy.config.core.v3.Http2ProtocolOptions"),
        ],
        ["envoy.config.core.v3.Http2ProtocolOptions"] =
        [
            W(Http2ProtocolOptionsFields.MaxConcurrentStreams, "max_concurrent_streams"),
        ],
        ["envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext"] =
        [
            M(UpstreamTlsContextFields.CommonTlsContext, "common_tls_context", "envoy.extensions.transport_sockets.tls.v3.CommonTlsContext"),
            S(UpstreamTlsContextFields.Sni, "sni"),
        ],
        ["envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext"] =
        [
            M(DownstreamTlsContextFields.CommonTlsContext, "common_tls_context", "envoy.extensions.transport_sockets.tls.v3.CommonTlsContext"),
            new(DownstreamTlsContextFields.RequireClientCertificate, "require_client_certificate", FieldKind.BoolValue),
        ],
        ["envoy.extensions.filters.http.rbac.v3.RBAC"] = [M(RbacFilterFields.Rules, "rules", "envoy.config.rbac.v3.RBAC")],
        ["envoy.config.rbac.v3.RBAC"] =
        [
            E(RbacFields.Action, "action", "RbacAction"),
            new(RbacFields.Policies, "policies", FieldKind.Map, "envoy.config.rbac.v3.Policy", true),
        ],
        ["envoy.config.rbac.v3.Policy"] =
        [
            M(PolicyFields.Permissions, "permissions", "envoy.config.rbac.v3.Permission", true),
            M(PolicyFields.Principals, "principals", "envoy.config.rbac.v3.Principal", true),
        ],
        ["envoy.config.rbac.v3.Permission"] =
        [
            M(PermissionFields.AndRules, "and_rules", "envoy.config.rbac.v3.Permission.Set"),
            M(PermissionFields.OrRules, "or_rules", "envoy.config.rbac.v3.Permission.Set"),
            B(PermissionFields.Any, "any"),
            M(PermissionFields.Header, "header", "envoy.config.route.v3.HeaderMatcher"),
            M(PermissionFields.DestinationIp, "destination_ip", "envoy.config.core.v3.CidrRange"),
            V(PermissionFields.DestinationPort, "destination_port"),
            M(PermissionFields.NotRule, "not_rule", "envoy.config.rbac.v3.Permission"),
            M(PermissionFields.RequestedServerName, "requested_server_name", "envoy.type.matcher.v3.StringMatcher"),
            M(PermissionFields.UrlPath, "url_path", "envoy.type.matcher.v3.PathMatcher"),
        ],
        ["envoy.config.rbac.v3.Permission.Set"] = [M(PermissionSetFields.Rules, "rules", "envoy.config.rbac.v3.Permission", true)],
        ["envoy.config.rbac.v3.Principal"] =
        [
            M(PrincipalFields.AndIds, "and_ids", "envoy.config.rbac.v3.Principal.Set"),
            M(PrincipalFields.OrIds, "or_ids", "envoy.config.rbac.v3.Principal.Set"),
            B(PrincipalFields.Any, "any"),
            M(PrincipalFields.Authenticated, "authenticated", "envoy.config.rbac.v3.Principal.Authenticated"),
            M(PrincipalFields.NotId, "not_id", "envoy.config.rbac.v3.Principal"),
            M(PrincipalFields.DirectRemoteIp, "direct_remote_ip", "envoy.config.core.v3.CidrRange"),
            M(PrincipalFields.RemoteIp, "remote_ip", "envoy.config.core.v3.CidrRange"),
            M(PrincipalFields.Metadata, "metadata", "envoy.type.matcher.v3.MetadataMatcher"),
        ],
        ["envoy.type.matcher.v3.MetadataMatcher"] =
        [
            S(MetadataMatcherFields.Filter, "filter"),
            M(MetadataMatcherFields.Path, "path", "envoy.type.matcher.v3.MetadataMatcher.PathSegment", true),
            M(MetadataMatcherFields.Value, "value", "envoy.type.matcher.v3.ValueMatcher"),
        ],
        ["envoy.type.matcher.v3.MetadataMatcher.PathSegment"] = [S(PathSegmentFields.Key, "key")],
        ["envoy.type.matcher.v3.ValueMatcher"] =
        [
            M(ValueMatcherFields.StringMatch, "string_match", "envoy.type.matcher.v3.StringMatcher"),
            B(ValueMatcherFields.PresentMatch, "present_match"),
            M(ValueMatcherFields.ListMatch, "list_match", "envoy.type.matcher.v3.ListMatcher"),
        ],
        ["envoy.type.matcher.v3.ListMatcher"] = [M(ListMatcherFields.OneOf, "one_of", "envoy.type.matcher.v3.ValueMatcher")],
        ["envoy.extensions.filters.http.jwt_authn.v3.JwtAuthentication"] =
        [
            new(JwtAuthenticationFields.Providers, "providers", FieldKind.Map, "envoy.extensions.filters.http.jwt_authn.v3.JwtProvider", true),
            M(JwtAuthenticationFields.Rules, "rules", "envoy.extensions.filters.http.jwt_authn.v3.RequirementRule", true),
        ],
        ["envoy.extensions.filters.http.jwt_authn.v3.JwtProvider"] =
        [
            S(JwtProviderFields.Issuer, "issuer"),
            S(JwtProviderFields.Audiences, "audiences", true),
            M(JwtProviderFields.RemoteJwks, "remote_jwks", "envoy.extensions.filters.http.jwt_authn.v3.RemoteJwks"),
            M(JwtProviderFields.LocalJwks, "local_jwks", "envoy.config.core.v3.DataSource"),
            B(JwtProviderFields.Forward, "forward"),
            M(JwtProviderFields.FromHeaders, "from_headers", "envoy.extensions.filters.http.jwt_authn.v3.JwtHeader", true),
            S(JwtProviderFields.FromParams, "from_params", true),
            S(JwtProviderFields.ForwardPayloadHeader, "forward_payload_header"),
            S(JwtProviderFields.PayloadInMetadata, "payload_in_metadata"),
            S(JwtProviderFields.FromCookies, "from_cookies", true),
            M(JwtProviderFields.ClaimToHeaders, "claim_to_headers", "envoy.extensions.filters.http.jwt_authn.v3.JwtClaimToHeader", true),
        ],
        ["envoy.extensions.filters.http.jwt_authn.v3.RemoteJwks"] = [M(RemoteJwksFields.HttpUri, "http_uri", "envoy.config.core.v3.HttpUri")],
        ["envoy.config.core.v3.HttpUri"] = [S(HttpUriFields.Uri, "uri"), S(HttpUriFields.Cluster, "cluster"), D(HttpUriFields.Timeout, "timeout")],
        ["envoy.extensions.filters.http.jwt_authn.v3.JwtHeader"] = [S(JwtHeaderFields.Name, "name"), S(JwtHeaderFields.ValuePrefix, "value_prefix")],
        ["envoy.extensions.filters.http.jwt_authn.v3.JwtClaimToHeader"] = [S(JwtClaimToHeaderFields.HeaderName, "header_name"), S(JwtClaimToHeaderFields.ClaimName, "claim_name")],
        ["envoy.extensions.filters.http.jwt_authn.v3.RequirementRule"] =
        [
            M(RequirementRuleFields.Match, "match", "envoy.config.route.v3.RouteMatch"),
            M(RequirementRuleFields.Requires, "requires", "envoy.extensions.filters.http.jwt_authn.v3.JwtRequirement"),
        ],
        ["envoy.extensions.filters.http.jwt_authn.v3.JwtRequirement"] =
        [
            S(JwtRequirementFields.ProviderName, "provider_name"),
            M(JwtRequirementFields.RequiresAny, "requires_any", "envoy.extensions.filters.http.jwt_authn.v3.JwtRequirementOrList"),
            M(JwtRequirementFields.AllowMissing, "allow_missing", "Empty"),
        ],
        ["envoy.extensions.filters.http.jwt_authn.v3.JwtRequirementOrList"] =
        [
            M(JwtRequirementOrListFields.Requirements, "requirements", "envoy.extensions.filters.http.jwt_authn.v3.JwtRequirement", true),
        ],
        ["envoy.config.rbac.v3.Principal.Set"] = [M(PrincipalSetFields.Ids, "ids", "envoy.config.rbac.v3.Principal", true)],
        ["envoy.config.rbac.v3.Principal.Authenticated"] =
        [
            M(AuthenticatedFields.PrincipalName, "principal_name", "envoy.type.matcher.v3.StringMatcher"),
        ],
        ["envoy.config.core.v3.CidrRange"] = [S(CidrRangeFields.AddressPrefix, "address_prefix"), W(CidrRangeFields.PrefixLen, "prefix_len")],
        ["envoy.type.matcher.v3.PathMatcher"] = [M(PathMatcherFields.Path, "path", "envoy.type.matcher.v3.StringMatcher")],
        ["envoy.extensions.transport_sockets.tls.v3.CommonTlsContext"] =
        [
            M(CommonTlsContextFields.TlsCertificates, "tls_certificates", "envoy.extensions.transport_sockets.tls.v3.TlsCertificate", true),
            S(CommonTlsContextFields.AlpnProtocols, "alpn_protocols", true),
            M(CommonTlsContextFields.TlsCertificateSdsSecretConfigs, "tls_certificate_sds_secret_configs", "envoy.extensions.transport_sockets.tls.v3.SdsSecretConfig", true),
            M(CommonTlsContextFields.ValidationContext, "validation_context", "envoy.extensions.transport_sockets.tls.v3.CertificateValidationContext"),
            M(CommonTlsContextFields.CombinedValidationContext, "combined_validation_context", "envoy.extensions.transport_sockets.tls.v3.CommonTlsContext.CombinedCertificateValidationContext"),
        ],
        ["envoy.extensions.transport_sockets.tls.v3.CommonTlsContext.CombinedCertificateValidationContext"] =
        [
            M(CombinedCertificateValidationContextFields.DefaultValidationContext, "default_validation_context", "envoy.extensions.transport_sockets.tls.v3.CertificateValidationContext"),
            M(CombinedCertificateValidationContextFields.ValidationContextSdsSecretConfig, "validation_context_sds_secret_config", "envoy.extensions.transport_sockets.tls.v3.SdsSecretConfig"),
        ],
        ["envoy.extensions.transport_sockets.tls.v3.CertificateValidationContext"] =
        [
            M(CertificateValidationContextFields.TrustedCa, "trusted_ca", "envoy.config.core.v3.DataSource"),
            M(CertificateValidationContextFields.MatchTypedSubjectAltNames, "match_typed_subject_alt_names", "envoy.extensions.transport_sockets.tls.v3.SubjectAltNameMatcher", true),
        ],
        ["envoy.extensions.transport_sockets.tls.v3.SubjectAltNameMatcher"] =
        [
            E(SubjectAltNameMatcherFields.SanType, "san_type", "SanType"),
            M(SubjectAltNameMatcherFields.Matcher, "matcher", "envoy.type.matcher.v3.StringMatcher"),
        ],
        ["envoy.config.core.v3.DataSource"] = [S(DataSourceFields.Filename, "filename"), S(DataSourceFields.InlineString, "inline_string")],
        ["envoy.extensions.transport_sockets.tls.v3.TlsCertificate"] =
        [
            M(TlsCertificateFields.CertificateChain, "certificate_chain", "envoy.config.core.v3.DataSource"),
            M(TlsCertificateFields.PrivateKey, "private_key", "envoy.config.core.v3.DataSource"),
        ],
        ["envoy.extensions.transport_sockets.tls.v3.SdsSecretConfig"] =
        [
            S(SdsSecretConfigFields.Name, "name"),
            M(SdsSecretConfigFields.SdsConfig, "sds_config", "envoy.config.core.v3.ConfigSource"),
        ],

        ["envoy.config.endpoint.v3.ClusterLoadAssignment"] =
        [
            S(ClusterLoadAssignmentFields.ClusterName, "cluster_name"),
            M(ClusterLoadAssignmentFields.Endpoints, "endpoints", "envoy.config.endpoint.v3.LocalityLbEndpoints", true),
        ],
        ["envoy.config.endpoint.v3.LocalityLbEndpoints"] =
        [
            M(LocalityLbEndpointsFields.Locality, "locality", "envoy.config.core.v3.Locality"),
            M(LocalityLbEndpointsFields.LbEndpoints, "lb_endpoints", "envoy.config.endpoint.v3.LbEndpoint", true),
            W(LocalityLbEndpointsFields.LoadBalancingWeight, "load_balancing_weight"),
            V(LocalityLbEndpointsFields.Priority, "priority"),
        ],
        ["envoy.config.endpoint.v3.LbEndpoint"] =
        [
            M(LbEndpointFields.Endpoint, "endpoint", "envoy.config.endpoint.v3.Endpoint"),
            E(LbEndpointFields.HealthStatus, "health_status", "HealthStatus"),
            W(LbEndpointFields.LoadBalancingWeight, "load_balancing_weight"),
        ],
        ["envoy.config.endpoint.v3.Endpoint"] = [M(EndpointFields.Address, "address", "envoy.config.core.v3.Address")],

        ["envoy.config.route.v3.RouteConfiguration"] =
        [
            S(RouteConfigurationFields.Name, "name"),
            M(RouteConfigurationFields.VirtualHosts, "virtual_hosts", "envoy.config.route.v3.VirtualHost", true),
        ],
        ["envoy.config.route.v3.VirtualHost"] =
        [
            S(VirtualHostFields.Name, "name"),
            S(VirtualHostFields.Domains, "domains", true),
            M(VirtualHostFields.Routes, "routes", "envoy.config.route.v3.Route", true),
            E(VirtualHostFields.RequireTls, "require_tls", "TlsRequirementType"),
        ],
        ["envoy.config.route.v3.Route"] =
        [
            M(RouteFields.Match, "match", "envoy.config.route.v3.RouteMatch"),
            M(RouteFields.Route, "route", "envoy.config.route.v3.RouteAction"),
            M(RouteFields.Redirect, "redirect", "envoy.config.route.v3.RedirectAction"),
            M(RouteFields.DirectResponse, "direct_response", "envoy.config.route.v3.DirectResponseAction"),
            M(RouteFields.RequestHeadersToAdd, "request_headers_to_add", "envoy.config.core.v3.HeaderValueOption", true),
            M(RouteFields.ResponseHeadersToAdd, "response_headers_to_add", "envoy.config.core.v3.HeaderValueOption", true),
            S(RouteFields.ResponseHeadersToRemove, "response_headers_to_remove", true),
            S(RouteFields.RequestHeadersToRemove, "request_headers_to_remove", true),
            Map(RouteFields.TypedPerFilterConfig, "typed_per_filter_config"),
            S(RouteFields.Name, "name"),
        ],
        ["envoy.config.route.v3.RouteMatch"] =
        [
            S(RouteMatchFields.Prefix, "prefix"),
            S(RouteMatchFields.Path, "path"),
            M(RouteMatchFields.Headers, "headers", "envoy.config.route.v3.HeaderMatcher", true),
            M(RouteMatchFields.QueryParameters, "query_parameters", "envoy.config.route.v3.QueryParameterMatcher", true),
            M(RouteMatchFields.SafeRegex, "safe_regex", "envoy.type.matcher.v3.RegexMatcher"),
        ],
        ["envoy.config.route.v3.HeaderMatcher"] =
        [
            S(HeaderMatcherFields.Name, "name"),
            B(HeaderMatcherFields.PresentMatch, "present_match"),
            B(HeaderMatcherFields.InvertMatch, "invert_match"),
            M(HeaderMatcherFields.StringMatch, "string_match", "envoy.type.matcher.v3.StringMatcher"),
        ],
        ["envoy.config.route.v3.QueryParameterMatcher"] =
        [
            S(QueryParameterMatcherFields.Name, "name"),
            M(QueryParameterMatcherFields.StringMatch, "string_match", "envoy.type.matcher.v3.StringMatcher"),
            B(QueryParameterMatcherFields.PresentMatch, "present_match"),
        ],
        ["envoy.config.route.v3.RouteAction"] =
        [
            S(RouteActionFields.Cluster, "cluster"),
            M(RouteActionFields.WeightedClusters, "weighted_clusters", "envoy.config.route.v3.WeightedCluster"),
            S(RouteActionFields.PrefixRewrite, "prefix_rewrite"),
            S(RouteActionFields.HostRewriteLiteral, "host_rewrite_literal"),
            D(RouteActionFields.Timeout, "timeout"),
            M(RouteActionFields.RetryPolicy, "retry_policy", "envoy.config.route.v3.RetryPolicy"),
            M(RouteActionFields.HashPolicy, "hash_policy", "envoy.config.route.v3.RouteAction.HashPolicy", true),
            M(RouteActionFields.RequestMirrorPolicies, "request_mirror_policies", "envoy.config.route.v3.RouteAction.RequestMirrorPolicy", true),
            M(RouteActionFields.RegexRewrite, "regex_rewrite", "envoy.type.matcher.v3.RegexMatchAndSubstitute"),
            M(RouteActionFields.MaxStreamDuration, "max_stream_duration", "envoy.config.route.v3.RouteAction.MaxStreamDuration"),
        ],
        ["envoy.config.route.v3.RouteAction.MaxStreamDuration"] =
        [
            D(MaxStreamDurationFields.MaxStreamDuration, "max_stream_duration"),
        ],
        ["envoy.config.route.v3.WeightedCluster"] =
        [
            M(WeightedClusterFields.Clusters, "clusters", "envoy.config.route.v3.WeightedCluster.ClusterWeight", true),
        ],
        ["envoy.config.route.v3.WeightedCluster.ClusterWeight"] = [S(ClusterWeightFields.Name, "name"), W(ClusterWeightFields.Weight, "weight")],
        ["envoy.config.route.v3.RetryPolicy"] =
        [
            S(RetryPolicyFields.RetryOn, "retry_on"),
            W(RetryPolicyFields.NumRetries, "num_retries"),
            D(RetryPolicyFields.PerTryTimeout, "per_try_timeout"),
            new(RetryPolicyFields.RetriableStatusCodes, "retriable_status_codes", FieldKind.PackedUInt32),
            M(RetryPolicyFields.RetryBackOff, "retry_back_off", "envoy.config.route.v3.RetryPolicy.RetryBackOff"),
        ],
        ["envoy.config.route.v3.RetryPolicy.RetryBackOff"] =
        [
            D(RetryBackOffFields.BaseInterval, "base_interval"),
            D(RetryBackOffFields.MaxInterval, "max_interval"),
        ],
        ["envoy.config.route.v3.RouteAction.HashPolicy"] =
        [
            M(HashPolicyFields.Header, "header", "envoy.config.route.v3.RouteAction.HashPolicy.Header"),
            M(HashPolicyFields.Cookie, "cookie", "envoy.config.route.v3.RouteAction.HashPolicy.Cookie"),
            M(HashPolicyFields.ConnectionProperties, "connection_properties", "envoy.config.route.v3.RouteAction.HashPolicy.ConnectionProperties"),
            M(HashPolicyFields.QueryParameter, "query_parameter", "envoy.config.route.v3.RouteAction.HashPolicy.QueryParameter"),
        ],
        ["envoy.config.route.v3.RouteAction.HashPolicy.Header"] = [S(HashPolicyHeaderFields.HeaderName, "header_name")],
        ["envoy.config.route.v3.RouteAction.HashPolicy.Cookie"] =
        [
            S(HashPolicyCookieFields.Name, "name"),
            D(HashPolicyCookieFields.Ttl, "ttl"),
            S(HashPolicyCookieFields.Path, "path"),
        ],
        ["envoy.config.route.v3.RouteAction.HashPolicy.ConnectionProperties"] = [B(HashPolicyConnectionPropertiesFields.SourceIp, "source_ip")],
        ["envoy.config.route.v3.RouteAction.HashPolicy.QueryParameter"] = [S(HashPolicyQueryParameterFields.Name, "name")],
        ["envoy.config.route.v3.RouteAction.RequestMirrorPolicy"] =
        [
            S(RequestMirrorPolicyFields.Cluster, "cluster"),
            M(RequestMirrorPolicyFields.RuntimeFraction, "runtime_fraction", "envoy.config.core.v3.RuntimeFractionalPercent"),
        ],
        ["envoy.config.route.v3.DirectResponseAction"] = [V(DirectResponseActionFields.Status, "status")],
        ["envoy.config.route.v3.RedirectAction"] =
        [
            S(RedirectActionFields.HostRedirect, "host_redirect"),
            S(RedirectActionFields.PathRedirect, "path_redirect"),
            E(RedirectActionFields.ResponseCode, "response_code", "RedirectResponseCode"),
            S(RedirectActionFields.PrefixRewrite, "prefix_rewrite"),
            S(RedirectActionFields.SchemeRedirect, "scheme_redirect"),
            V(RedirectActionFields.PortRedirect, "port_redirect"),
        ],
        ["envoy.extensions.filters.http.fault.v3.HTTPFault"] =
        [
            M(HttpFaultFields.Delay, "delay", "envoy.extensions.filters.common.fault.v3.FaultDelay"),
            M(HttpFaultFields.Abort, "abort", "envoy.extensions.filters.http.fault.v3.FaultAbort"),
        ],
        ["envoy.extensions.filters.common.fault.v3.FaultDelay"] =
        [
            D(FaultDelayFields.FixedDelay, "fixed_delay"),
            M(FaultDelayFields.Percentage, "percentage", "envoy.type.v3.FractionalPercent"),
        ],
        ["envoy.extensions.filters.http.fault.v3.FaultAbort"] =
        [
            V(FaultAbortFields.HttpStatus, "http_status"),
            M(FaultAbortFields.Percentage, "percentage", "envoy.type.v3.FractionalPercent"),
        ],
        ["envoy.extensions.filters.http.router.v3.Router"] = [],
        ["envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit"] =
        [
            S(LocalRateLimitFields.StatPrefix, "stat_prefix"),
            M(LocalRateLimitFields.Status, "status", "envoy.type.v3.HttpStatus"),
            M(LocalRateLimitFields.TokenBucket, "token_bucket", "envoy.type.v3.TokenBucket"),
            M(LocalRateLimitFields.FilterEnabled, "filter_enabled", "envoy.config.core.v3.RuntimeFractionalPercent"),
            M(LocalRateLimitFields.FilterEnforced, "filter_enforced", "envoy.config.core.v3.RuntimeFractionalPercent"),
        ],
        ["envoy.type.v3.HttpStatus"] = [V(HttpStatusFields.Code, "code")],
        ["envoy.type.v3.TokenBucket"] =
        [
            V(TokenBucketFields.MaxTokens, "max_tokens"),
            W(TokenBucketFields.TokensPerFill, "tokens_per_fill"),
            D(TokenBucketFields.FillInterval, "fill_interval"),
        ],

        ["envoy.config.listener.v3.Listener"] =
        [
            S(ListenerFields.Name, "name"),
            M(ListenerFields.Address, "address", "envoy.config.core.v3.Address"),
            M(ListenerFields.FilterChains, "filter_chains", "envoy.config.listener.v3.FilterChain", true),
            M(ListenerFields.ListenerFilters, "listener_filters", "envoy.config.listener.v3.ListenerFilter", true),
            E(ListenerFields.TrafficDirection, "traffic_direction", "TrafficDirection"),
            M(ListenerFields.ApiListener, "api_listener", "envoy.config.listener.v3.ApiListener"),
            B(ListenerFields.ContinueOnListenerFiltersTimeout, "continue_on_listener_filters_timeout"),
        ],
        ["envoy.config.listener.v3.FilterChain"] =
        [
            M(FilterChainFields.FilterChainMatch, "filter_chain_match", "envoy.config.listener.v3.FilterChainMatch"),
            M(FilterChainFields.Filters, "filters", "envoy.config.listener.v3.Filter", true),
            M(FilterChainFields.TransportSocket, "transport_socket", "envoy.config.core.v3.TransportSocket"),
            S(FilterChainFields.Name, "name"),
        ],
        ["envoy.config.listener.v3.FilterChainMatch"] =
        [
            W(FilterChainMatchFields.DestinationPort, "destination_port"),
            S(FilterChainMatchFields.ServerNames, "server_names", true),
            M(FilterChainMatchFields.PrefixRanges, "prefix_ranges", "envoy.config.core.v3.CidrRange", true),
        ],
        ["envoy.config.listener.v3.ListenerFilter"] = [S(ListenerFilterFields.Name, "name"), A(ListenerFilterFields.TypedConfig, "typed_config")],
        ["envoy.extensions.filters.listener.tls_inspector.v3.TlsInspector"] = [],
        ["envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy"] = [S(TcpProxyFields.StatPrefix, "stat_prefix"), S(TcpProxyFields.Cluster, "cluster"), M(TcpProxyFields.WeightedClusters, "weighted_clusters", "envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy.WeightedCluster"), M(TcpProxyFields.AccessLog, "access_log", "envoy.config.accesslog.v3.AccessLog", true)],
        ["envoy.config.listener.v3.Filter"] = [S(FilterFields.Name, "name"), A(FilterFields.TypedConfig, "typed_config")],
        ["envoy.config.listener.v3.ApiListener"] = [A(ApiListenerFields.ApiListener, "api_listener")],
        ["envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager"] =
        [
            S(HttpConnectionManagerFields.StatPrefix, "stat_prefix"),
            M(HttpConnectionManagerFields.Rds, "rds", "envoy.extensions.filters.network.http_connection_manager.v3.Rds"),
            M(HttpConnectionManagerFields.RouteConfig, "route_config", "envoy.config.route.v3.RouteConfiguration"),
            M(HttpConnectionManagerFields.HttpFilters, "http_filters", "envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter", true),
            M(HttpConnectionManagerFields.Tracing, "tracing", "envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager.Tracing"),
            M(HttpConnectionManagerFields.AccessLog, "access_log", "envoy.config.accesslog.v3.AccessLog", true),
        ],
        ["envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager.Tracing"] =
        [
            M(HcmTracingFields.RandomSampling, "random_sampling", "envoy.type.v3.Percent"),
            M(HcmTracingFields.CustomTags, "custom_tags", "envoy.type.tracing.v3.CustomTag", true),
        ],
        ["envoy.type.tracing.v3.CustomTag"] =
        [
            S(CustomTagFields.Tag, "tag"),
            M(CustomTagFields.Literal, "literal", "envoy.type.tracing.v3.CustomTag.Literal"),
            M(CustomTagFields.Environment, "environment", "envoy.type.tracing.v3.CustomTag.Environment"),
            M(CustomTagFields.RequestHeader, "request_header", "envoy.type.tracing.v3.CustomTag.Header"),
        ],
        ["envoy.type.tracing.v3.CustomTag.Literal"] = [S(CustomTagLiteralFields.Value, "value")],
        ["envoy.type.tracing.v3.CustomTag.Environment"] = [S(CustomTagEnvironmentFields.Name, "name"), S(CustomTagEnvironmentFields.DefaultValue, "default_value")],
        ["envoy.type.tracing.v3.CustomTag.Header"] = [S(CustomTagHeaderFields.Name, "name"), S(CustomTagHeaderFields.DefaultValue, "default_value")],
        ["envoy.config.accesslog.v3.AccessLog"] =
        [
            S(AccessLogFields.Name, "name"),
            A(AccessLogFields.TypedConfig, "typed_config"),
        ],
        ["envoy.extensions.access_loggers.file.v3.FileAccessLog"] = [S(FileAccessLogFields.Path, "path")],
        ["envoy.extensions.filters.network.http_connection_manager.v3.Rds"] =
        [
            M(RdsFields.ConfigSource, "config_source", "envoy.config.core.v3.ConfigSource"),
            S(RdsFields.RouteConfigName, "route_config_name"),
        ],
        ["envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter"] =
        [
            S(HttpFilterFields.Name, "name"),
            A(HttpFilterFields.TypedConfig, "typed_config"),
        ],
        ["envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy.WeightedCluster"] =
        [
            M(TcpProxyWeightedClusterFields.Clusters, "clusters", "envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy.WeightedCluster.ClusterWeight", true),
        ],
        ["envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy.WeightedCluster.ClusterWeight"] =
        [
            S(TcpProxyClusterWeightFields.Name, "name"),
            V(TcpProxyClusterWeightFields.Weight, "weight"),
        ],
        ["envoy.extensions.filters.listener.original_dst.v3.OriginalDst"] = [],
    };

    /// <summary>The enums the encoder writes: each name table indexed by value, from the enum that the encoders use.</summary>
    public static IReadOnlyDictionary<string, string[]> Enums { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["ApiVersion"] = Names<ApiVersion>(),
        ["DiscoveryType"] = Names<DiscoveryType>(),
        ["LbPolicy"] = Names<LbPolicy>(),
        ["HealthStatus"] = Names<EndpointHealth>(),
        ["TrafficDirection"] = Names<TrafficDirection>(),
        ["DenominatorType"] = Names<DenominatorType>(),
        ["RedirectResponseCode"] = Names<RedirectResponseCode>(),
        ["RbacAction"] = Names<RbacAction>(),
        ["HeaderAppendAction"] = Names<HeaderAppendAction>(),
        ["SanType"] = Names<SanType>(),
        ["TlsRequirementType"] = Names<TlsRequirementType>(),
    };

    /// <summary>
    /// The proto names of an enum's values (<c>TenThousand</c> → <c>TEN_THOUSAND</c>), indexed by value; a value the
    /// enum does not name is shown as its number.
    /// </summary>
    private static string[] Names<TEnum>() where TEnum : struct, Enum
    {
        var values = Enum.GetValues<TEnum>();
        var numbers = new int[values.Length];
        var max = 0;
        for (var i = 0; i < values.Length; i++)
        {
            numbers[i] = Convert.ToInt32(values[i], CultureInfo.InvariantCulture);
            max = Math.Max(max, numbers[i]);
        }
        var names = new string[max + 1];
        for (var n = 0; n < names.Length; n++) names[n] = n.ToString(CultureInfo.InvariantCulture);
        for (var i = 0; i < values.Length; i++) names[numbers[i]] = ProtoName(values[i].ToString());
        return names;
    }

    private static string ProtoName(string pascal)
    {
        var name = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]) && !char.IsUpper(pascal[i - 1])) name.Append('_');
            name.Append(char.ToUpperInvariant(pascal[i]));
        }
        return name.ToString();
    }
}
