namespace Mesh.Providers.AppMesh.Tests.Conformance;

/// <summary>The upstream App Mesh CRD files, relative to <c>../shared/conformance</c>.</summary>
internal static class AppMeshCrds
{
    /// <summary>The kinds the translator writes: Mesh, VirtualNode, VirtualRouter, VirtualService.</summary>
    public static IReadOnlyList<string> Written { get; } = [.. new[] { "meshes", "virtualnodes", "virtualrouters", "virtualservices" }.Select(File)];

    /// <summary>Every App Mesh kind (the written ones, and the VirtualGateway, GatewayRoute and BackendGroup it reads).</summary>
    public static IReadOnlyList<string> All { get; } = [.. Written, .. new[] { "virtualgateways", "gatewayroutes", "backendgroups" }.Select(File)];

    private static string File(string plural) => $"crds/appmesh/appmesh.k8s.aws_{plural}.yaml";
}
