namespace Mesh.Xds.EnvoyApi;

// envoy.extensions.filters.http.jwt_authn.v3 (config.proto), envoy.config.core.v3.HttpUri and the metadata matchers of
// envoy.type.matcher.v3 (metadata.proto, value.proto) that RBAC reads a verified token's payload with.

/// <summary><c>envoy.extensions.filters.http.jwt_authn.v3.JwtAuthentication</c>.</summary>
internal static class JwtAuthenticationFields
{
    public const int Providers = 1;
    public const int Rules = 2;
}

/// <summary><c>envoy.extensions.filters.http.jwt_authn.v3.JwtProvider</c>.</summary>
internal static class JwtProviderFields
{
    public const int Issuer = 1;
    public const int Audiences = 2;
    public const int RemoteJwks = 3;
    public const int LocalJwks = 4;
    public const int Forward = 5;
    public const int FromHeaders = 6;
    public const int FromParams = 7;
    public const int ForwardPayloadHeader = 8;
    public const int PayloadInMetadata = 9;
    public const int FromCookies = 13;
    public const int ClaimToHeaders = 15;
}

/// <summary><c>envoy.extensions.filters.http.jwt_authn.v3.RemoteJwks</c>.</summary>
internal static class RemoteJwksFields
{
    public const int HttpUri = 1;
}

/// <summary><c>envoy.config.core.v3.HttpUri</c>.</summary>
internal static class HttpUriFields
{
    public const int Uri = 1;
    public const int Cluster = 2;
    public const int Timeout = 3;
}

/// <summary><c>envoy.extensions.filters.http.jwt_authn.v3.JwtHeader</c>.</summary>
internal static class JwtHeaderFields
{
    public const int Name = 1;
    public const int ValuePrefix = 2;
}

/// <summary><c>envoy.extensions.filters.http.jwt_authn.v3.JwtClaimToHeader</c>.</summary>
internal static class JwtClaimToHeaderFields
{
    public const int HeaderName = 1;
    public const int ClaimName = 2;
}

/// <summary><c>envoy.extensions.filters.http.jwt_authn.v3.RequirementRule</c>.</summary>
internal static class RequirementRuleFields
{
    public const int Match = 1;
    public const int Requires = 2;
}

/// <summary><c>envoy.extensions.filters.http.jwt_authn.v3.JwtRequirement</c>.</summary>
internal static class JwtRequirementFields
{
    public const int ProviderName = 1;
    public const int RequiresAny = 3;
    public const int AllowMissing = 6;
}

/// <summary><c>envoy.extensions.filters.http.jwt_authn.v3.JwtRequirementOrList</c>.</summary>
internal static class JwtRequirementOrListFields
{
    public const int Requirements = 1;
}

/// <summary><c>envoy.type.matcher.v3.MetadataMatcher</c>.</summary>
internal static class MetadataMatcherFields
{
    public const int Filter = 1;
    public const int Path = 2;
    public const int Value = 3;
}

/// <summary><c>envoy.type.matcher.v3.MetadataMatcher.PathSegment</c>.</summary>
internal static class PathSegmentFields
{
    public const int Key = 1;
}

/// <summary><c>envoy.type.matcher.v3.ValueMatcher</c>.</summary>
internal static class ValueMatcherFields
{
    public const int StringMatch = 3;
    public const int PresentMatch = 5;
    public const int ListMatch = 6;
}

/// <summary><c>envoy.type.matcher.v3.ListMatcher</c>.</summary>
internal static class ListMatcherFields
{
    public const int OneOf = 1;
}
