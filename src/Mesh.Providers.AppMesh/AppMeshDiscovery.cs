namespace Mesh.Providers.AppMesh;

/// <summary>How App Mesh virtual nodes written by the translator discover their endpoints.</summary>
public enum AppMeshDiscovery
{
    /// <summary><c>serviceDiscovery.dns.hostname</c>: the Kubernetes Service of the node (the subset's leaf Service for a subset).</summary>
    Dns,

    /// <summary><c>serviceDiscovery.awsCloudMap</c>: the service's name in <see cref="AppMeshOptions.CloudMapNamespace"/>, a subset selected by its labels as instance attributes.</summary>
    CloudMap,
}
