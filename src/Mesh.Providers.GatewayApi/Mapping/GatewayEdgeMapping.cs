using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Resources;
using Mesh.Providers.GatewayApi.Translation;

namespace Mesh.Providers.GatewayApi.Mapping;

/// <summary>
/// The mesh's edge in Gateway API form, for meshes that route with Gateway API (Linkerd, whose ingress is any Gateway API
/// implementation): gateways as <c>Gateway</c>s, gateway routes as <c>HTTPRoute</c>s bound to them, <c>ReferenceGrant</c>s
/// for backends in other namespaces — and back.
/// </summary>
public static class GatewayEdgeMapping
{
    /// <summary>
    /// Model → Gateway API: the gateways of <paramref name="config"/> (of their class, else
    /// <see cref="GatewayApiOptions.GatewayClassName"/> of <paramref name="ctx"/>) and the gateway routes bound to them, with
    /// the grants their cross-namespace backends need; what cannot be written is reported to <paramref name="ctx"/>.
    /// </summary>
    /// <param name="config">The model.</param>
    /// <param name="takenRouteNames">The namespace and name of every route already written (a gateway route of such a name is written as <c>NAME-gateway</c>).</param>
    /// <param name="ctx">The translation's context.</param>
    /// <returns>The Gateways, then the HTTPRoutes (the gateway routes, then the listeners' redirects to HTTPS), then the ReferenceGrants.</returns>
    public static IReadOnlyList<object> ToGatewayApi(MeshConfig config, IEnumerable<(string Namespace, string Name)> takenRouteNames, RouteExportContext ctx)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(takenRouteNames);
        ArgumentNullException.ThrowIfNull(ctx);
        var gateways = GatewayMapping.ToGatewayApi(config, ctx);
        var (routes, grants) = GatewayRouteMapping.ToGatewayApi(config, gateways, new HashSet<(string, string)>(takenRouteNames), ctx);
        ctx.UnsupportedGatewayStreamRoutes("Gateway TLS and TCP routes are not written as TLSRoutes and TCPRoutes yet.");
        return [.. gateways, .. routes, .. GatewayMapping.HttpsRedirects(config, gateways), .. grants];
    }

    /// <summary>Gateway API → model: reads a <c>Gateway</c> into <paramref name="model"/> (whose <see cref="ModelBuilder.ReadsGateways"/> should be set).</summary>
    /// <param name="gateway">The Gateway.</param>
    /// <param name="name">Its name.</param>
    /// <param name="ns">Its namespace.</param>
    /// <param name="source">Its source name (<c>file#doc</c>).</param>
    /// <param name="model">The model being assembled.</param>
    /// <param name="ctx">The import's context.</param>
    public static void ReadGateway(Resources.Gateway gateway, string name, string ns, string source, ModelBuilder model, ImportContext ctx)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(ctx);
        GatewayMapping.ToModel(gateway, name, ns, source, model, ctx);
    }

    /// <summary>Gateway API → model: notes a <c>ReferenceGrant</c>, which the model does not need (the export derives grants).</summary>
    /// <param name="grant">The ReferenceGrant.</param>
    /// <param name="source">Its source name (<c>file#doc</c>).</param>
    /// <param name="ctx">The import's context.</param>
    public static void ReadReferenceGrant(ReferenceGrant grant, string source, ImportContext ctx)
    {
        ArgumentNullException.ThrowIfNull(grant);
        ArgumentNullException.ThrowIfNull(ctx);
        GatewayRouteMapping.ToModel(grant, source, ctx);
    }

    /// <summary>Gateway API → model: once every resource is read, binds the HTTPRoutes with Gateway parents to the Gateways read, as gateway routes.</summary>
    /// <param name="model">The model being assembled.</param>
    /// <param name="ctx">The import's context.</param>
    public static void BindRoutes(ModelBuilder model, ImportContext ctx)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(ctx);
        GatewayRouteMapping.ToModel(model.PendingGatewayRoutes, model, ctx);
        model.PendingGatewayRoutes.Clear();
    }
}
