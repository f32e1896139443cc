namespace Mesh.Xds.Server.Protocol;

/// <summary>Type URLs to resource types, and the order in which a snapshot change is pushed.</summary>
internal static class ResourceTypes
{
    /// <summary>
    /// The order of pushes on a snapshot change, as the xDS protocol recommends to avoid dropping traffic: clusters before
    /// the endpoints they use, both before the listeners that point at them, routes last.
    /// </summary>
    public static readonly XdsResourceType[] PushOrder =
        [XdsResourceType.Cluster, XdsResourceType.ClusterLoadAssignment, XdsResourceType.Listener, XdsResourceType.RouteConfiguration];

    public static bool TryParse(string typeUrl, out XdsResourceType type)
    {
        switch (typeUrl)
        {
            case XdsTypeUrls.Listener: type = XdsResourceType.Listener; return true;
            case XdsTypeUrls.RouteConfiguration: type = XdsResourceType.RouteConfiguration; return true;
            case XdsTypeUrls.Cluster: type = XdsResourceType.Cluster; return true;
            case XdsTypeUrls.ClusterLoadAssignment: type = XdsResourceType.ClusterLoadAssignment; return true;
            default: type = default; return false;
        }
    }

    /// <summary>LDS and CDS may be subscribed to as a wildcard (every resource); RDS and EDS only by name.</summary>
    public static bool AllowsWildcard(XdsResourceType type) => type is XdsResourceType.Listener or XdsResourceType.Cluster;

    /// <summary>A short name for logs and metric tags.</summary>
    public static string ShortName(XdsResourceType type) => type switch
    {
        XdsResourceType.Listener => "lds",
        XdsResourceType.RouteConfiguration => "rds",
        XdsResourceType.Cluster => "cds",
        _ => "eds",
    };
}
