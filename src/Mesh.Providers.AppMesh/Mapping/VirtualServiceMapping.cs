using Mesh.Model;
using Mesh.Providers.AppMesh.Resources;
using Mesh.Providers.AppMesh.Translation;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>
/// Virtual services: one per service, named after it, <c>awsName</c> its cluster FQDN, provided by its virtual router when it
/// has one (a route host or a service with subsets), else by its one virtual node; one per external service, <c>awsName</c>
/// the host its node resolves, provided by that node.
/// </summary>
internal static partial class VirtualServiceMapping
{
    public static VirtualService ToAppMesh(MeshService service, bool routed, AppMeshExportContext ctx) => new()
    {
        Metadata = { Name = service.Name, NamespaceProperty = service.Namespace },
        Spec =
        {
            AwsName = ctx.Fqdn(service.Reference),
            // A service with subsets has no node of its own: without a router (reported) it has no provider.
            Provider = routed ? new VirtualServiceProvider { VirtualRouter = new VirtualRouterServiceProvider { VirtualRouterRef = new AppMeshReference { Name = service.Name } } }
                : service.Subsets.IsEmpty ? NodeProvider(service.Name)
                : null,
        },
    };

    public static VirtualService ToAppMesh(PlannedNode external) => new()
    {
        Metadata = { Name = external.Name, NamespaceProperty = external.Namespace },
        Spec = { AwsName = external.Host, Provider = NodeProvider(external.Name) },
    };

    private static VirtualServiceProvider NodeProvider(string node) =>
        new() { VirtualNode = new VirtualNodeServiceProvider { VirtualNodeRef = new AppMeshReference { Name = node } } };
}
