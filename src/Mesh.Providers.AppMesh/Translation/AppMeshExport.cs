using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Providers.AppMesh.Translation;

/// <summary>Model → App Mesh, in output order: the Mesh, VirtualNodes, VirtualRouters, VirtualServices.</summary>
internal static class AppMeshExport
{
    public static (IReadOnlyList<object> Resources, IReadOnlyList<Diagnostic> Diagnostics) ToAppMesh(MeshConfig config, AppMeshOptions options) =>
        throw new NotImplementedException("export: being written");
}
