using k8s.Models;
using Mesh.Kubernetes;

namespace Mesh.Providers.Osm.Resources;

/// <summary>SMI's <c>HTTPRouteGroup</c> (<c>specs.smi-spec.io/v1alpha4</c>): named HTTP request matches that <see cref="TrafficTarget"/> rules allow (OSM does not route by them).</summary>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeApiVersion, PluralName = KubePluralName)]
public sealed class HttpRouteGroup : CustomResource<HttpRouteGroupSpec>
{
    /// <summary>The API group.</summary>
    public const string KubeGroup = "specs.smi-spec.io";

    /// <summary>The kind.</summary>
    public const string KubeKind = "HTTPRouteGroup";

    /// <summary>The version written (the one OSM v1.2 serves).</summary>
    public const string KubeApiVersion = "v1alpha4";

    /// <summary>The plural resource name.</summary>
    public const string KubePluralName = "httproutegroups";

    /// <summary>Creates an empty resource with <c>apiVersion</c> and <c>kind</c> set.</summary>
    public HttpRouteGroup()
        : base(KubeGroup + "/" + KubeApiVersion, KubeKind)
    {
    }
}
