using Mesh.Kubernetes;
using Mesh.Translation;

namespace Mesh.Providers.AppMesh;

/// <summary>Options of the AWS App Mesh translator. Immutable: derive variants with <c>with</c>.</summary>
public sealed record AppMeshOptions : IKubernetesProviderOptions
{
    /// <summary>The namespace of imported resources that have none in their metadata.</summary>
    /// <value>Defaults to <c>default</c>.</value>
    public string DefaultNamespace { get; set; } = "default";

    /// <summary>
    /// Which core <c>v1</c> Services translation writes. With DNS discovery each subset's virtual node names its own leaf Service
    /// (the pods of that subset), so those must exist: <see cref="ServiceOutput.Subsets"/> writes one for every subset.
    /// </summary>
    /// <value>Defaults to <see cref="ServiceOutput.Subsets"/>.</value>
    public ServiceOutput ServiceOutput { get; set; } = ServiceOutput.Subsets;

    /// <summary>The name of the <c>Mesh</c> written (its <c>namespaceSelector</c> is <c>mesh: &lt;name&gt;</c>).</summary>
    /// <value>Defaults to null: the model's name.</value>
    public string? MeshName { get; set; }

    /// <summary>How virtual nodes find their endpoints.</summary>
    /// <value>Defaults to <see cref="AppMeshDiscovery.Dns"/>: the node's Kubernetes Service name.</value>
    public AppMeshDiscovery Discovery { get; set; } = AppMeshDiscovery.Dns;

    /// <summary>The AWS Cloud Map namespace of <see cref="AppMeshDiscovery.CloudMap"/> discovery (e.g. <c>prod.local</c>).</summary>
    /// <value>Defaults to null: required when <see cref="Discovery"/> is Cloud Map.</value>
    public string? CloudMapNamespace { get; set; }

    /// <summary>The cluster DNS domain of the Service names written as DNS hostnames and virtual service names.</summary>
    /// <value>Defaults to <c>cluster.local</c>.</value>
    public string ClusterDomain { get; set; } = Model.ServiceRef.DefaultClusterDomain;

    /// <summary>How each virtual node names the virtual services it may call.</summary>
    /// <value>Defaults to <see cref="AppMeshBackends.List"/>.</value>
    public AppMeshBackends Backends { get; set; } = AppMeshBackends.List;

    /// <summary>
    /// The file each virtual node whose workloads log (the model's telemetry access logging) writes its access log to
    /// (<c>logging.accessLog.file.path</c>); the import carries only whether a node logs, not where.
    /// </summary>
    /// <value>Defaults to <c>/dev/stdout</c> (the Envoy container's log).</value>
    public string AccessLogPath { get; set; } = "/dev/stdout";

    /// <summary>Where mTLS certificates come from: App Mesh does not issue them.</summary>
    /// <value>Defaults to SDS (SPIRE) with trust domain <c>cluster.local</c>.</value>
    public AppMeshTlsOptions Tls { get; set; } = new();
}
