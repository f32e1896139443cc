namespace Mesh.Providers.Linkerd;

/// <summary>Options of the Linkerd translator.</summary>
public sealed class LinkerdOptions
{
    /// <summary>The namespace of imported resources that have none in their metadata.</summary>
    /// <value>Defaults to <c>default</c>.</value>
    public string DefaultNamespace { get; set; } = "default";

    /// <summary>The API group HTTP routes are written in (both are read). gRPC routes are always <c>gateway.networking.k8s.io/v1</c> GRPCRoutes.</summary>
    /// <value>Defaults to <see cref="LinkerdRouteApi.Policy"/>.</value>
    public LinkerdRouteApi RouteApi { get; set; } = LinkerdRouteApi.Policy;
}
