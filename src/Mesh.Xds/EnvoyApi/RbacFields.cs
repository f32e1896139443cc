namespace Mesh.Xds.EnvoyApi;

// envoy.extensions.filters.http.rbac.v3 and envoy.config.rbac.v3 (rbac.proto).

/// <summary><c>envoy.extensions.filters.http.rbac.v3.RBAC</c>: the HTTP filter's config.</summary>
internal static class RbacFilterFields
{
    public const int Rules = 1;
}

/// <summary><c>envoy.config.rbac.v3.RBAC</c>.</summary>
internal static class RbacFields
{
    public const int Action = 1;
    public const int Policies = 2;
}

/// <summary><c>envoy.config.rbac.v3.RBAC.Action</c>.</summary>
internal enum RbacAction
{
    Allow = 0,
    Deny = 1,
    Log = 2,
}

/// <summary><c>envoy.config.rbac.v3.Policy</c>.</summary>
internal static class PolicyFields
{
    public const int Permissions = 1;
    public const int Principals = 2;
}

/// <summary><c>envoy.config.rbac.v3.Permission</c>.</summary>
internal static class PermissionFields
{
    public const int AndRules = 1;
    public const int OrRules = 2;
    public const int Any = 3;
    public const int Header = 4;
    public const int DestinationIp = 5;
    public const int DestinationPort = 6;
    public const int NotRule = 8;
    public const int RequestedServerName = 9;
    public const int UrlPath = 10;
}

/// <summary><c>envoy.config.rbac.v3.Permission.Set</c>.</summary>
internal static class PermissionSetFields
{
    public const int Rules = 1;
}

/// <summary><c>envoy.config.rbac.v3.Principal</c>.</summary>
internal static class PrincipalFields
{
    public const int AndIds = 1;
    public const int OrIds = 2;
    public const int Any = 3;
    public const int Authenticated = 4;
    public const int Metadata = 7;
    public const int NotId = 8;
    public const int DirectRemoteIp = 10;
    public const int RemoteIp = 11;
}

/// <summary><c>envoy.config.rbac.v3.Principal.Set</c>.</summary>
internal static class PrincipalSetFields
{
    public const int Ids = 1;
}

/// <summary><c>envoy.config.rbac.v3.Principal.Authenticated</c>.</summary>
internal static class AuthenticatedFields
{
    public const int PrincipalName = 2;
}
