namespace Mesh.Providers.Linkerd;

/// <summary>The API group HTTP routes are written in.</summary>
public enum LinkerdRouteApi
{
    /// <summary><c>policy.linkerd.io/v1beta3</c> HTTPRoute: works without the Gateway API CRDs.</summary>
    Policy,

    /// <summary><c>gateway.networking.k8s.io/v1</c> HTTPRoute.</summary>
    GatewayApi,
}
