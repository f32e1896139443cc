namespace Mesh.Xds.Server.Protocol;

// Field numbers of the responses the server writes by hand (Protos/discovery.proto declares the same).

/// <summary><c>envoy.service.discovery.v3.DiscoveryResponse</c>.</summary>
internal static class DiscoveryResponseFields
{
    public const int VersionInfo = 1;
    public const int Resources = 2;
    public const int TypeUrl = 4;
    public const int Nonce = 5;
}

/// <summary><c>envoy.service.discovery.v3.DeltaDiscoveryResponse</c>.</summary>
internal static class DeltaDiscoveryResponseFields
{
    public const int SystemVersionInfo = 1;
    public const int Resources = 2;
    public const int TypeUrl = 4;
    public const int Nonce = 5;
    public const int RemovedResources = 6;
}

/// <summary><c>envoy.service.discovery.v3.Resource</c>.</summary>
internal static class ResourceFields
{
    public const int Version = 1;
    public const int Resource = 2;
    public const int Name = 3;
}

/// <summary><c>google.protobuf.Any</c>.</summary>
internal static class AnyFields
{
    public const int TypeUrl = 1;
    public const int Value = 2;
}
