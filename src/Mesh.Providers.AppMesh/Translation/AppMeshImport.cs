using Mesh.Kubernetes;
using Mesh.Providers.AppMesh.Resources;
using Mesh.Translation;

namespace Mesh.Providers.AppMesh.Translation;

/// <summary>App Mesh resources → model.</summary>
internal static class AppMeshImport
{
    public static ResourceCatalog Catalog { get; } = new(
        AppMeshResourceTypes.TypeMap,
        new Dictionary<Type, string>
        {
            [typeof(AppMeshMesh)] = AppMeshMesh.KubeGroup + "/" + AppMeshMesh.KubeApiVersion,
            [typeof(VirtualService)] = VirtualService.KubeGroup + "/" + VirtualService.KubeApiVersion,
            [typeof(VirtualRouter)] = VirtualRouter.KubeGroup + "/" + VirtualRouter.KubeApiVersion,
            [typeof(VirtualNode)] = VirtualNode.KubeGroup + "/" + VirtualNode.KubeApiVersion,
            [typeof(VirtualGateway)] = VirtualGateway.KubeGroup + "/" + VirtualGateway.KubeApiVersion,
            [typeof(GatewayRoute)] = GatewayRoute.KubeGroup + "/" + GatewayRoute.KubeApiVersion,
            [typeof(BackendGroup)] = BackendGroup.KubeGroup + "/" + BackendGroup.KubeApiVersion,
            [typeof(CoreService)] = CoreService.KubeApiVersion,
        },
        new HashSet<string>(AppMeshResourceTypes.Groups, StringComparer.Ordinal),
        "an App Mesh resource this provider reads");

    public static ImportResult ToModel(IReadOnlyList<(object Resource, string Source)> resources, ImportContext ctx, AppMeshOptions options, ImportOptions? importOptions) =>
        throw new NotImplementedException("import: being written");
}
