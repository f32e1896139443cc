using Mesh.Kubernetes;
using Mesh.Translation;

namespace Mesh.Providers.Osm;

/// <summary>Options of the Open Service Mesh translator. Immutable: derive variants with <c>with</c>.</summary>
public sealed record OsmOptions : IKubernetesProviderOptions
{
    /// <summary>The namespace of imported resources that have none in their metadata.</summary>
    /// <value>Defaults to <c>default</c>.</value>
    public string DefaultNamespace { get; set; } = "default";

    /// <summary>
    /// Which core <c>v1</c> Services translation writes. OSM splits traffic among Services, so a subset a route sends to is
    /// reached through its leaf Service: <see cref="ServiceOutput.Subsets"/> writes those.
    /// </summary>
    /// <value>Defaults to <see cref="ServiceOutput.Subsets"/>.</value>
    public ServiceOutput ServiceOutput { get; set; } = ServiceOutput.Subsets;

    /// <summary>The cluster DNS domain of the Service FQDNs written (TrafficSplit roots, UpstreamTrafficSetting hosts).</summary>
    /// <value>Defaults to <c>cluster.local</c>.</value>
    public string ClusterDomain { get; set; } = Model.ServiceRef.DefaultClusterDomain;

    /// <summary>
    /// Whether translation writes the partial <c>MeshConfig</c> holding the mesh-wide settings the model decides (permissive
    /// traffic policy mode, and the feature flags that Retry and Egress policies need), to merge into the installed one.
    /// </summary>
    /// <value>Defaults to true; when false the settings are only named in diagnostics.</value>
    public bool WriteMeshConfig { get; set; } = true;

    /// <summary>The name of the installed MeshConfig.</summary>
    /// <value>Defaults to <c>osm-mesh-config</c>, the name OSM installs.</value>
    public string MeshConfigName { get; set; } = "osm-mesh-config";

    /// <summary>The namespace of the OSM control plane, where the MeshConfig lives.</summary>
    /// <value>Defaults to <c>osm-system</c>.</value>
    public string MeshConfigNamespace { get; set; } = "osm-system";
}
