using Mesh.Translation;
using Mesh.Kubernetes;

namespace Mesh.Providers.GatewayApi;

/// <summary>Options of the Gateway API translator. Immutable: derive variants with <c>with</c>.</summary>
public sealed record GatewayApiOptions : IKubernetesProviderOptions
{
    /// <summary>The namespace of imported resources that have none in their metadata.</summary>
    /// <value>Defaults to <c>default</c>.</value>
    public string DefaultNamespace { get; set; } = "default";

    /// <summary>Which core <c>v1</c> Services translation writes. Default: <see cref="ServiceOutput.Subsets"/> (Gateway API routes to Services).</summary>
    public ServiceOutput ServiceOutput { get; set; } = ServiceOutput.Subsets;

    /// <summary>
    /// Whether a route whose host service speaks only gRPC (every port <c>grpc</c>) and whose rules GRPCRoute can express
    /// is written as a <c>GRPCRoute</c>; otherwise every route is an <c>HTTPRoute</c> (which carries gRPC too).
    /// </summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool EmitGrpcRoutes { get; set; } = true;

    /// <summary>
    /// The <c>gatewayClassName</c> written for a model gateway that names no class (<see cref="Model.Gateway.ClassName"/>):
    /// the implementation that provisions it (<c>istio</c>, <c>envoy-gateway</c>, …). Null: such a gateway is not written (reported).
    /// </summary>
    /// <value>Defaults to null.</value>
    public string? GatewayClassName { get; set; }
}
