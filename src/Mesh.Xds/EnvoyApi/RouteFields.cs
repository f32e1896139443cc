namespace Mesh.Xds.EnvoyApi;

// envoy.config.route.v3 (envoy/config/route/v3/{route,route_components}.proto).

/// <summary><c>envoy.config.route.v3.RouteConfiguration</c>.</summary>
internal static class RouteConfigurationFields
{
    public const int Name = 1;
    public const int VirtualHosts = 2;
}

/// <summary><c>envoy.config.route.v3.VirtualHost</c>.</summary>
internal static class VirtualHostFields
{
    public const int Name = 1;
    public const int Domains = 2;
    public const int Routes = 3;
    public const int RequireTls = 4;
}

/// <summary><c>envoy.config.route.v3.VirtualHost.TlsRequirementType</c>.</summary>
internal enum TlsRequirementType
{
    None = 0,
    ExternalOnly = 1,
    All = 2,
}

/// <summary><c>envoy.config.route.v3.Route</c>.</summary>
internal static class RouteFields
{
    public const int Match = 1;
    public const int Route = 2;
    public const int Redirect = 3;
    public const int DirectResponse = 7;
    public const int RequestHeadersToAdd = 9;
    public const int ResponseHeadersToAdd = 10;
    public const int ResponseHeadersToRemove = 11;
    public const int RequestHeadersToRemove = 12;
    public const int TypedPerFilterConfig = 13;
    public const int Name = 14;
}

/// <summary><c>envoy.config.route.v3.RouteMatch</c>.</summary>
internal static class RouteMatchFields
{
    public const int Prefix = 1;
    public const int Path = 2;
    public const int Headers = 6;
    public const int QueryParameters = 7;
    public const int SafeRegex = 10;
}

/// <summary><c>envoy.config.route.v3.HeaderMatcher</c>.</summary>
internal static class HeaderMatcherFields
{
    public const int Name = 1;
    public const int PresentMatch = 7;
    public const int InvertMatch = 8;
    public const int StringMatch = 13;
}

/// <summary><c>envoy.config.route.v3.QueryParameterMatcher</c>.</summary>
internal static class QueryParameterMatcherFields
{
    public const int Name = 1;
    public const int StringMatch = 5;
    public const int PresentMatch = 6;
}

/// <summary><c>envoy.config.route.v3.RouteAction</c>.</summary>
internal static class RouteActionFields
{
    public const int Cluster = 1;
    public const int WeightedClusters = 3;
    public const int PrefixRewrite = 5;
    public const int HostRewriteLiteral = 6;
    public const int Timeout = 8;
    public const int RetryPolicy = 9;
    public const int HashPolicy = 15;
    public const int RequestMirrorPolicies = 30;
    public const int RegexRewrite = 32;
    public const int MaxStreamDuration = 36;
}

/// <summary><c>envoy.config.route.v3.RouteAction.MaxStreamDuration</c>.</summary>
internal static class MaxStreamDurationFields
{
    public const int MaxStreamDuration = 1;
}

/// <summary><c>envoy.config.route.v3.WeightedCluster</c>.</summary>
internal static class WeightedClusterFields
{
    public const int Clusters = 1;
}

/// <summary><c>envoy.config.route.v3.WeightedCluster.ClusterWeight</c>.</summary>
internal static class ClusterWeightFields
{
    public const int Name = 1;
    public const int Weight = 2;
}

/// <summary><c>envoy.config.route.v3.RetryPolicy</c>.</summary>
internal static class RetryPolicyFields
{
    public const int RetryOn = 1;
    public const int NumRetries = 2;
    public const int PerTryTimeout = 3;
    public const int RetriableStatusCodes = 7;
    public const int RetryBackOff = 8;
}

/// <summary><c>envoy.config.route.v3.RetryPolicy.RetryBackOff</c>.</summary>
internal static class RetryBackOffFields
{
    public const int BaseInterval = 1;
    public const int MaxInterval = 2;
}

/// <summary><c>envoy.config.route.v3.RouteAction.HashPolicy</c>.</summary>
internal static class HashPolicyFields
{
    public const int Header = 1;
    public const int Cookie = 2;
    public const int ConnectionProperties = 3;
    public const int QueryParameter = 5;
}

/// <summary><c>envoy.config.route.v3.RouteAction.HashPolicy.Header</c>.</summary>
internal static class HashPolicyHeaderFields
{
    public const int HeaderName = 1;
}

/// <summary><c>envoy.config.route.v3.RouteAction.HashPolicy.Cookie</c>.</summary>
internal static class HashPolicyCookieFields
{
    public const int Name = 1;
    public const int Ttl = 2;
    public const int Path = 3;
}

/// <summary><c>envoy.config.route.v3.RouteAction.HashPolicy.ConnectionProperties</c>.</summary>
internal static class HashPolicyConnectionPropertiesFields
{
    public const int SourceIp = 1;
}

/// <summary><c>envoy.config.route.v3.RouteAction.HashPolicy.QueryParameter</c>.</summary>
internal static class HashPolicyQueryParameterFields
{
    public const int Name = 1;
}

/// <summary><c>envoy.config.route.v3.RouteAction.RequestMirrorPolicy</c>.</summary>
internal static class RequestMirrorPolicyFields
{
    public const int Cluster = 1;
    public const int RuntimeFraction = 3;
}

/// <summary><c>envoy.config.route.v3.RedirectAction</c>.</summary>
internal static class RedirectActionFields
{
    public const int HostRedirect = 1;
    public const int PathRedirect = 2;
    public const int ResponseCode = 3;
    public const int PrefixRewrite = 5;
    public const int SchemeRedirect = 7;
    public const int PortRedirect = 8;
}

/// <summary><c>envoy.config.route.v3.DirectResponseAction</c>.</summary>
internal static class DirectResponseActionFields
{
    public const int Status = 1;
}

/// <summary><c>envoy.config.route.v3.RedirectAction.RedirectResponseCode</c>.</summary>
internal enum RedirectResponseCode
{
    MovedPermanently = 0,
    Found = 1,
    SeeOther = 2,
    TemporaryRedirect = 3,
    PermanentRedirect = 4,
}
