using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Resources;
using Mesh.Providers.GatewayApi.Translation;

namespace Mesh.Providers.GatewayApi.Mapping;

/// <summary>
/// The mesh's edge in Gateway API form, for meshes that route with Gateway API (Linkerd, whose ingress is any Gateway API
/// implementation): gateways as <c>Gateway</c>s, gateway routes as <c>HTTPRoute</c>s bound to them, gateway TLS and TCP
/// routes as <c>TLSRoute</c>s and <c>TCPRoute</c>s bound to them, <c>ReferenceGrant</c>s
/// for backends in other namespaces — and back.
/// </summary>
public static class GatewayEdgeMapping
{
    /// <summary>
    /// Model → Gateway API: the gateways of <paramref name="config"/> (of their class, else
    /// <see cref="GatewayApiOptions.GatewayClassName"/> of <paramref name="ctx"/>) and the gateway routes bound to them, with
    /// the grants their cross-namespace backends need; what cannot be written is reported to <paramref name="ctx"/>. Gateway
    /// TLS and TCP routes are written as <c>gateway.networking.k8s.io/v1</c> TLSRoutes and TCPRoutes.
    /// </summary>
    /// <param name="config">The model.</param>
    /// <param name="takenRouteNames">The namespace and name of every HTTPRoute already written (a gateway route of such a name is written as <c>NAME-gateway</c>).</param>
    /// <param name="ctx">The translation's context.</param>
    /// <returns>The Gateways, then the HTTPRoutes (the gateway routes, then the listeners' redirects to HTTPS), the TLSRoutes, the TCPRoutes, then the ReferenceGrants.</returns>
    public static IReadOnlyList<object> ToGatewayApi(MeshConfig config, IEnumerable<(string Namespace, string Name)> takenRouteNames, RouteExportContext ctx)
    {
        ArgumentNullException.ThrowIfNull(takenRouteNames);
        return ToGatewayApi(config, takenRouteNames.Select(t => (Resources.HttpRoute.KubeKind, t.Namespace, t.Name)), ctx, Resources.TlsRoute.KubeGroup + "/" + Resources.TlsRoute.KubeApiVersionV1);
    }

    /// <summary>
    /// Model → Gateway API: as <see cref="ToGatewayApi(MeshConfig, IEnumerable{ValueTuple{string, string}}, RouteExportContext)"/>,
    /// with the names already taken per route kind and the <c>apiVersion</c> TLSRoutes and TCPRoutes are written in.
    /// </summary>
    /// <param name="config">The model.</param>
    /// <param name="taken">
    /// The kind (<c>HTTPRoute</c>, <c>TLSRoute</c>, <c>TCPRoute</c>), namespace and name of every route already written: a
    /// gateway route, gateway TLS route or gateway TCP route of such a kind and name is written as <c>NAME-gateway</c>.
    /// </param>
    /// <param name="ctx">The translation's context.</param>
    /// <param name="streamRouteApiVersion">The <c>apiVersion</c> of the TLSRoutes and TCPRoutes (<c>gateway.networking.k8s.io/v1</c>, or <c>v1alpha2</c> for implementations that serve only that).</param>
    /// <returns>The Gateways, then the HTTPRoutes (the gateway routes, then the listeners' redirects to HTTPS), the TLSRoutes, the TCPRoutes, then the ReferenceGrants.</returns>
    public static IReadOnlyList<object> ToGatewayApi(MeshConfig config, IEnumerable<(string Kind, string Namespace, string Name)> taken, RouteExportContext ctx, string streamRouteApiVersion)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(taken);
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentException.ThrowIfNullOrEmpty(streamRouteApiVersion);
        var names = taken.ToList();
        var gateways = GatewayMapping.ToGatewayApi(config, ctx);
        var grants = new GatewayRouteMapping.Grants();
        var routes = GatewayRouteMapping.ToGatewayApi(config, gateways, Names(names, Resources.HttpRoute.KubeKind), grants, ctx);
        var (tls, tcp) = GatewayStreamRouteMapping.ToGatewayApi(config, gateways, Names(names, Resources.TlsRoute.KubeKind), Names(names, Resources.TcpRoute.KubeKind), grants, streamRouteApiVersion, ctx);
        return [.. gateways, .. routes, .. GatewayMapping.HttpsRedirects(config, gateways), .. tls, .. tcp, .. grants.ToGatewayApi()];
    }

    private static HashSet<(string Namespace, string Name)> Names(List<(string Kind, string Namespace, string Name)> taken, string kind) =>
        [.. taken.Where(t => t.Kind == kind).Select(t => (t.Namespace, t.Name))];

    /// <summary>
    /// Gateway API → model: reads a <c>TLSRoute</c> whose parents are Gateways (bound by <see cref="BindRoutes"/> once every
    /// Gateway is read); its other parents are reported (TLS routing inside the mesh is not in the model).
    /// </summary>
    /// <param name="route">The TLSRoute.</param>
    /// <param name="name">Its name.</param>
    /// <param name="ns">Its namespace.</param>
    /// <param name="source">Its source name (<c>file#doc</c>).</param>
    /// <param name="model">The model being assembled.</param>
    /// <param name="ctx">The import's context.</param>
    public static void ReadTlsRoute(Resources.TlsRoute route, string name, string ns, string source, ModelBuilder model, ImportContext ctx)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(ctx);
        var spec = route.Spec ?? new Resources.TlsRouteSpec();
        model.PendingGatewayStreamRoutes.Add(new GatewayStreamRouteMapping.Pending(Resources.TlsRoute.KubeKind, spec.Hostnames, spec.ParentRefs, spec.Rules?.Select(r => r?.BackendRefs ?? (r is null ? null : [])).ToList(), name, ns, source));
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

    /// <summary>Gateway API → model: once every resource is read, binds the HTTPRoutes, TLSRoutes and TCPRoutes with Gateway parents to the Gateways read, as gateway routes and gateway TLS and TCP routes.</summary>
    /// <param name="model">The model being assembled.</param>
    /// <param name="ctx">The import's context.</param>
    public static void BindRoutes(ModelBuilder model, ImportContext ctx)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(ctx);
        GatewayRouteMapping.ToModel(model.PendingGatewayRoutes, model, ctx);
        model.PendingGatewayRoutes.Clear();
        GatewayStreamRouteMapping.ToModel(model.PendingGatewayStreamRoutes, model, ctx);
        model.PendingGatewayStreamRoutes.Clear();
    }
}
