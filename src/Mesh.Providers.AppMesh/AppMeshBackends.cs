namespace Mesh.Providers.AppMesh;

/// <summary>How a written virtual node names the virtual services it may call.</summary>
public enum AppMeshBackends
{
    /// <summary>
    /// <c>spec.backends</c>: every virtual service of the export the node may call, one entry each. Exact, and what every
    /// controller accepts; a mesh of N services writes about N² entries, and App Mesh's default quota is 50 per node.
    /// </summary>
    List,

    /// <summary>
    /// <c>spec.backendGroups</c> with the controller's namespace wildcard (<c>name: "*"</c>): one entry per namespace holding
    /// virtual services the node may call. Linear in the mesh's size; needs the controller flag <c>enableBackendGroups=true</c>
    /// (experimental), and a namespace's group also holds its services the model's policies keep from the node (reported).
    /// </summary>
    NamespaceGroups,
}
