namespace Mesh.Providers.AppMesh.Tests.Conformance;

/// <summary>The upstream App Mesh CRD files, relative to <c>../shared/conformance</c>.</summary>
internal static class AppMeshCrds
{
    /// <summary>The kinds the translator writes: Mesh, VirtualNode, VirtualRouter, VirtualService, VirtualGateway, GatewayRoute.</summary>
    public static IReadOnlyList<string> Written { get; } = [.. new[] { "meshes", "virtualnodes", "virtualrouters", "virtualservices", "virtualgateways", "gatewayroutes" }.Select(File)];

    /// <summary>Every App Mesh kind (the written ones, and the BackendGroup it reads).</summary>
    public static IReadOnlyList<string> All { get; } = [.. Written, File("backendgroups")];

    private static string File(string plural) => $"crds/appmesh/appmesh.k8s.aws_{plural}.yaml";
}
