using System.Reflection;
using Mesh.Xds.EnvoyApi;

namespace Mesh.Xds.Tests.EnvoyApi;

/// <summary>
/// The encoder's named field numbers and enum values (<c>src/Mesh.Xds/EnvoyApi</c>) against the oracle protos,
/// which declare Envoy's messages with Envoy's numbers: a constant named after a field must carry that field's number.
/// </summary>
public sealed class FieldNumberTests
{
    public static TheoryData<Type, string> Messages => new()
    {
        { typeof(AnyFields), "google.protobuf.Any" },
        { typeof(DurationFields), "google.protobuf.Duration" },
        { typeof(WrapperFields), "google.protobuf.UInt32Value" },
        { typeof(MapEntryFields), "envoy.config.cluster.v3.Cluster.TypedExtensionProtocolOptionsEntry" },
        { typeof(DiscoveryResponseFields), "envoy.service.discovery.v3.DiscoveryResponse" },
        { typeof(DeltaDiscoveryResponseFields), "envoy.service.discovery.v3.DeltaDiscoveryResponse" },
        { typeof(ResourceFields), "envoy.service.discovery.v3.Resource" },
        { typeof(ConfigSourceFields), "envoy.config.core.v3.ConfigSource" },
        { typeof(AddressFields), "envoy.config.core.v3.Address" },
        { typeof(SocketAddressFields), "envoy.config.core.v3.SocketAddress" },
        { typeof(CidrRangeFields), "envoy.config.core.v3.CidrRange" },
        { typeof(LocalityFields), "envoy.config.core.v3.Locality" },
        { typeof(HeaderValueFields), "envoy.config.core.v3.HeaderValue" },
        { typeof(HeaderValueOptionFields), "envoy.config.core.v3.HeaderValueOption" },
        { typeof(TransportSocketFields), "envoy.config.core.v3.TransportSocket" },
        { typeof(RuntimeFractionalPercentFields), "envoy.config.core.v3.RuntimeFractionalPercent" },
        { typeof(CoreHttpProtocolOptionsFields), "envoy.config.core.v3.HttpProtocolOptions" },
        { typeof(FractionalPercentFields), "envoy.type.v3.FractionalPercent" },
        { typeof(PercentFields), "envoy.type.v3.Percent" },
        { typeof(TokenBucketFields), "envoy.type.v3.TokenBucket" },
        { typeof(HttpStatusFields), "envoy.type.v3.HttpStatus" },
        { typeof(LocalRateLimitFields), "envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit" },
        { typeof(RuntimeDoubleFields), "envoy.config.core.v3.RuntimeDouble" },
        { typeof(Http2ProtocolOptionsFields), "envoy.config.core.v3.Http2ProtocolOptions" },
        { typeof(RingHashLbConfigFields), "envoy.config.cluster.v3.Cluster.RingHashLbConfig" },
        { typeof(CommonLbConfigFields), "envoy.config.cluster.v3.Cluster.CommonLbConfig" },
        { typeof(MaglevLbConfigFields), "envoy.config.cluster.v3.Cluster.MaglevLbConfig" },
        { typeof(RoundRobinLbConfigFields), "envoy.config.cluster.v3.Cluster.RoundRobinLbConfig" },
        { typeof(LeastRequestLbConfigFields), "envoy.config.cluster.v3.Cluster.LeastRequestLbConfig" },
        { typeof(SlowStartConfigFields), "envoy.config.cluster.v3.Cluster.SlowStartConfig" },
        { typeof(StringMatcherFields), "envoy.type.matcher.v3.StringMatcher" },
        { typeof(RegexMatcherFields), "envoy.type.matcher.v3.RegexMatcher" },
        { typeof(RegexMatchAndSubstituteFields), "envoy.type.matcher.v3.RegexMatchAndSubstitute" },
        { typeof(PathMatcherFields), "envoy.type.matcher.v3.PathMatcher" },
        { typeof(MetadataMatcherFields), "envoy.type.matcher.v3.MetadataMatcher" },
        { typeof(PathSegmentFields), "envoy.type.matcher.v3.MetadataMatcher.PathSegment" },
        { typeof(ValueMatcherFields), "envoy.type.matcher.v3.ValueMatcher" },
        { typeof(ListMatcherFields), "envoy.type.matcher.v3.ListMatcher" },
        { typeof(HttpUriFields), "envoy.config.core.v3.HttpUri" },
        { typeof(JwtAuthenticationFields), "envoy.extensions.filters.http.jwt_authn.v3.JwtAuthentication" },
        { typeof(JwtProviderFields), "envoy.extensions.filters.http.jwt_authn.v3.JwtProvider" },
        { typeof(RemoteJwksFields), "envoy.extensions.filters.http.jwt_authn.v3.RemoteJwks" },
        { typeof(JwtHeaderFields), "envoy.extensions.filters.http.jwt_authn.v3.JwtHeader" },
        { typeof(JwtClaimToHeaderFields), "envoy.extensions.filters.http.jwt_authn.v3.JwtClaimToHeader" },
        { typeof(RequirementRuleFields), "envoy.extensions.filters.http.jwt_authn.v3.RequirementRule" },
        { typeof(JwtRequirementFields), "envoy.extensions.filters.http.jwt_authn.v3.JwtRequirement" },
        { typeof(JwtRequirementOrListFields), "envoy.extensions.filters.http.jwt_authn.v3.JwtRequirementOrList" },
        { typeof(ClusterFields), "envoy.config.cluster.v3.Cluster" },
        { typeof(EdsClusterConfigFields), "envoy.config.cluster.v3.Cluster.EdsClusterConfig" },
        { typeof(CircuitBreakersFields), "envoy.config.cluster.v3.CircuitBreakers" },
        { typeof(ThresholdsFields), "envoy.config.cluster.v3.CircuitBreakers.Thresholds" },
        { typeof(OutlierDetectionFields), "envoy.config.cluster.v3.OutlierDetection" },
        { typeof(HttpProtocolOptionsFields), "envoy.extensions.upstreams.http.v3.HttpProtocolOptions" },
        { typeof(ExplicitHttpConfigFields), "envoy.extensions.upstreams.http.v3.HttpProtocolOptions.ExplicitHttpConfig" },
        { typeof(ClusterLoadAssignmentFields), "envoy.config.endpoint.v3.ClusterLoadAssignment" },
        { typeof(LocalityLbEndpointsFields), "envoy.config.endpoint.v3.LocalityLbEndpoints" },
        { typeof(LbEndpointFields), "envoy.config.endpoint.v3.LbEndpoint" },
        { typeof(EndpointFields), "envoy.config.endpoint.v3.Endpoint" },
        { typeof(ListenerFields), "envoy.config.listener.v3.Listener" },
        { typeof(FilterChainFields), "envoy.config.listener.v3.FilterChain" },
        { typeof(FilterChainMatchFields), "envoy.config.listener.v3.FilterChainMatch" },
        { typeof(FilterFields), "envoy.config.listener.v3.Filter" },
        { typeof(ListenerFilterFields), "envoy.config.listener.v3.ListenerFilter" },
        { typeof(TcpProxyFields), "envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy" },
        { typeof(TlsCertificateFields), "envoy.extensions.transport_sockets.tls.v3.TlsCertificate" },
        { typeof(ApiListenerFields), "envoy.config.listener.v3.ApiListener" },
        { typeof(HttpConnectionManagerFields), "envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager" },
        { typeof(RdsFields), "envoy.extensions.filters.network.http_connection_manager.v3.Rds" },
        { typeof(HttpFilterFields), "envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter" },
        { typeof(HcmTracingFields), "envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager.Tracing" },
        { typeof(CustomTagFields), "envoy.type.tracing.v3.CustomTag" },
        { typeof(CustomTagLiteralFields), "envoy.type.tracing.v3.CustomTag.Literal" },
        { typeof(CustomTagEnvironmentFields), "envoy.type.tracing.v3.CustomTag.Environment" },
        { typeof(CustomTagHeaderFields), "envoy.type.tracing.v3.CustomTag.Header" },
        { typeof(AccessLogFields), "envoy.config.accesslog.v3.AccessLog" },
        { typeof(FileAccessLogFields), "envoy.extensions.access_loggers.file.v3.FileAccessLog" },
        { typeof(RouteConfigurationFields), "envoy.config.route.v3.RouteConfiguration" },
        { typeof(VirtualHostFields), "envoy.config.route.v3.VirtualHost" },
        { typeof(RouteFields), "envoy.config.route.v3.Route" },
        { typeof(RouteMatchFields), "envoy.config.route.v3.RouteMatch" },
        { typeof(HeaderMatcherFields), "envoy.config.route.v3.HeaderMatcher" },
        { typeof(QueryParameterMatcherFields), "envoy.config.route.v3.QueryParameterMatcher" },
        { typeof(RouteActionFields), "envoy.config.route.v3.RouteAction" },
        { typeof(MaxStreamDurationFields), "envoy.config.route.v3.RouteAction.MaxStreamDuration" },
        { typeof(WeightedClusterFields), "envoy.config.route.v3.WeightedCluster" },
        { typeof(ClusterWeightFields), "envoy.config.route.v3.WeightedCluster.ClusterWeight" },
        { typeof(RetryPolicyFields), "envoy.config.route.v3.RetryPolicy" },
        { typeof(RetryBackOffFields), "envoy.config.route.v3.RetryPolicy.RetryBackOff" },
        { typeof(HashPolicyFields), "envoy.config.route.v3.RouteAction.HashPolicy" },
        { typeof(HashPolicyHeaderFields), "envoy.config.route.v3.RouteAction.HashPolicy.Header" },
        { typeof(HashPolicyCookieFields), "envoy.config.route.v3.RouteAction.HashPolicy.Cookie" },
        { typeof(HashPolicyConnectionPropertiesFields), "envoy.config.route.v3.RouteAction.HashPolicy.ConnectionProperties" },
        { typeof(HashPolicyQueryParameterFields), "envoy.config.route.v3.RouteAction.HashPolicy.QueryParameter" },
        { typeof(RequestMirrorPolicyFields), "envoy.config.route.v3.RouteAction.RequestMirrorPolicy" },
        { typeof(RedirectActionFields), "envoy.config.route.v3.RedirectAction" },
        { typeof(DirectResponseActionFields), "envoy.config.route.v3.DirectResponseAction" },
        { typeof(HttpFaultFields), "envoy.extensions.filters.http.fault.v3.HTTPFault" },
        { typeof(FaultDelayFields), "envoy.extensions.filters.common.fault.v3.FaultDelay" },
        { typeof(FaultAbortFields), "envoy.extensions.filters.http.fault.v3.FaultAbort" },
        { typeof(RbacFilterFields), "envoy.extensions.filters.http.rbac.v3.RBAC" },
        { typeof(RbacFields), "envoy.config.rbac.v3.RBAC" },
        { typeof(PolicyFields), "envoy.config.rbac.v3.Policy" },
        { typeof(PermissionFields), "envoy.config.rbac.v3.Permission" },
        { typeof(PermissionSetFields), "envoy.config.rbac.v3.Permission.Set" },
        { typeof(PrincipalFields), "envoy.config.rbac.v3.Principal" },
        { typeof(PrincipalSetFields), "envoy.config.rbac.v3.Principal.Set" },
        { typeof(AuthenticatedFields), "envoy.config.rbac.v3.Principal.Authenticated" },
        { typeof(UpstreamTlsContextFields), "envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext" },
        { typeof(DownstreamTlsContextFields), "envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext" },
        { typeof(CommonTlsContextFields), "envoy.extensions.transport_sockets.tls.v3.CommonTlsContext" },
        { typeof(CombinedCertificateValidationContextFields), "envoy.extensions.transport_sockets.tls.v3.CommonTlsContext.CombinedCertificateValidationContext" },
        { typeof(SdsSecretConfigFields), "envoy.extensions.transport_sockets.tls.v3.SdsSecretConfig" },
        { typeof(CertificateValidationContextFields), "envoy.extensions.transport_sockets.tls.v3.CertificateValidationContext" },
        { typeof(SubjectAltNameMatcherFields), "envoy.extensions.transport_sockets.tls.v3.SubjectAltNameMatcher" },
        { typeof(DataSourceFields), "envoy.config.core.v3.DataSource" },
        { typeof(TcpProxyWeightedClusterFields), "envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy.WeightedCluster" },
        { typeof(TcpProxyClusterWeightFields), "envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy.WeightedCluster.ClusterWeight" },
    };

    public static TheoryData<Type, string> EnumTypes => new()
    {
        { typeof(ApiVersion), "envoy.config.core.v3.ApiVersion" },
        { typeof(HeaderAppendAction), "envoy.config.core.v3.HeaderValueOption.HeaderAppendAction" },
        { typeof(SanType), "envoy.extensions.transport_sockets.tls.v3.SubjectAltNameMatcher.SanType" },
        { typeof(TrafficDirection), "envoy.config.core.v3.TrafficDirection" },
        { typeof(DenominatorType), "envoy.type.v3.FractionalPercent.DenominatorType" },
        { typeof(DiscoveryType), "envoy.config.cluster.v3.Cluster.DiscoveryType" },
        { typeof(LbPolicy), "envoy.config.cluster.v3.Cluster.LbPolicy" },
        { typeof(RedirectResponseCode), "envoy.config.route.v3.RedirectAction.RedirectResponseCode" },
        { typeof(RbacAction), "envoy.config.rbac.v3.RBAC.Action" },
        { typeof(TlsRequirementType), "envoy.config.route.v3.VirtualHost.TlsRequirementType" },
        { typeof(EndpointHealth), "envoy.config.core.v3.HealthStatus" },
    };

    private static string Normalize(string name) => name.Replace("_", string.Empty, StringComparison.Ordinal).ToUpperInvariant();

    [Theory]
    [MemberData(nameof(Messages))]
    public void EveryConstant_IsTheNumberOfTheFieldItIsNamedAfter(Type constants, string message)
    {
        var descriptor = OracleDescriptors.Messages[message];
        var fields = constants.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).ToList();
        Assert.NotEmpty(fields);
        foreach (var constant in fields)
        {
            var field = descriptor.Fields.InDeclarationOrder().SingleOrDefault(f => Normalize(f.Name) == Normalize(constant.Name));
            Assert.True(field is not null, $"{message} has no field named like {constants.Name}.{constant.Name}.");
            Assert.Equal(field.FieldNumber, (int)constant.GetRawConstantValue()!);
        }
    }

    [Theory]
    [MemberData(nameof(EnumTypes))]
    public void EveryEnumValue_IsTheNumberOfTheProtoValueItIsNamedAfter(Type type, string protoEnum)
    {
        var descriptor = OracleDescriptors.Enums[protoEnum];
        foreach (var value in Enum.GetValues(type))
        {
            var name = Enum.GetName(type, value)!;
            var protoValue = descriptor.Values.SingleOrDefault(v => Normalize(v.Name) == Normalize(name));
            Assert.True(protoValue is not null, $"{protoEnum} has no value named like {type.Name}.{name}.");
            Assert.Equal(protoValue.Number, Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void EveryTypeOfEnvoyApi_IsChecked()
    {
        var checkedTypes = Messages.Select(row => row.Data.Item1).Concat(EnumTypes.Select(row => row.Data.Item1)).ToHashSet();
        var all = typeof(ClusterFields).Assembly.GetTypes().Where(t => t.Namespace == typeof(ClusterFields).Namespace && !t.IsNested);
        Assert.Empty(all.Where(t => !checkedTypes.Contains(t)).Select(t => t.Name));
    }
}
