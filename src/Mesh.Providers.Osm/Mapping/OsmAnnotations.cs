namespace Mesh.Providers.Osm.Mapping;

/// <summary>
/// The annotations the export writes so that an import gives back the model exactly where OSM's resources alone would not say it
/// (leaf Services carry the kit's <c>mesh-sdk.io/subset-of</c> and <c>mesh-sdk.io/parent-selector</c> besides these).
/// </summary>
internal static class OsmAnnotations
{
    /// <summary>On a TrafficSplit written for a model TCP route: <c>tcp</c> (absent for an HTTP route).</summary>
    public const string RouteKind = "mesh-sdk.io/route-kind";

    /// <summary>On a TrafficSplit written for a model TCP route with a port: that port.</summary>
    public const string TcpPort = "mesh-sdk.io/tcp-port";

    /// <summary>On a TrafficSplit whose model route lives in another namespace than its host (the split must live beside the host): the route's namespace.</summary>
    public const string RouteNamespace = "mesh-sdk.io/route-namespace";

    /// <summary>On a TrafficTarget and an UpstreamTrafficSetting: the model target, <c>&lt;service&gt;</c> or <c>&lt;service&gt;/&lt;subset&gt;</c>, in the resource's namespace.</summary>
    public const string Target = "mesh-sdk.io/target";

    /// <summary>On a TrafficTarget: the access policy it was written for, <c>&lt;namespace&gt;/&lt;name&gt;</c>.</summary>
    public const string AccessPolicy = "mesh-sdk.io/access-policy";

    /// <summary>On a TrafficTarget: the index of the policy's rule it was written for.</summary>
    public const string AccessRule = "mesh-sdk.io/access-rule";

    /// <summary>On a TrafficTarget whose rule names ports: those service ports, comma-separated (an HTTPRouteGroup has no port, a TCPRoute names target ports).</summary>
    public const string AccessPorts = "mesh-sdk.io/access-ports";

    /// <summary>On a TrafficSplit: <c>&lt;backend&gt;=&lt;port&gt;</c>, comma-separated, for the backends whose model port the split keeps (the one port a request to the root can come on).</summary>
    public const string BackendPorts = "mesh-sdk.io/backend-ports";

    /// <summary>On the MeshConfig: <c>strict</c> when the model has a mesh-wide strict mTLS policy (OSM is always strict, so nothing else says it).</summary>
    public const string Mtls = "mesh-sdk.io/mtls";

    /// <summary>The value of <see cref="RouteKind"/> for a TCP route.</summary>
    public const string TcpRouteKind = "tcp";

    /// <summary>The value of annotation <paramref name="key"/> of <paramref name="metadata"/>, or null.</summary>
    public static string? Get(k8s.Models.V1ObjectMeta? metadata, string key) =>
        metadata?.Annotations is { } annotations && annotations.TryGetValue(key, out var value) ? value : null;

    /// <summary>The value of <see cref="Mtls"/>.</summary>
    public const string StrictMtls = "strict";
}
