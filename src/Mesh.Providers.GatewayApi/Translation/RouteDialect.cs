using Mesh.Translation;

namespace Mesh.Providers.GatewayApi.Translation;

/// <summary>
/// What an implementation of Gateway API mesh routing supports, for providers built on this one (Linkerd): which
/// filters it runs, whether retries are written elsewhere (annotations) instead of being reported, and how strictly the
/// CRDs' rules on parentRefs and backendRefs are followed.
/// </summary>
/// <param name="ProviderId">The provider named in diagnostics.</param>
/// <param name="DisplayName">The implementation's name, for messages.</param>
/// <param name="Rewrite">Whether the URLRewrite filter is supported.</param>
/// <param name="Mirror">Whether the RequestMirror filter is supported.</param>
/// <param name="Cors">Whether the CORS filter is supported.</param>
/// <param name="ResponseHeaders">Whether the ResponseHeaderModifier filter is supported.</param>
/// <param name="RetriesElsewhere">Whether the caller writes retries itself (nothing is reported here).</param>
/// <param name="RedirectCodes">The redirect status codes the implementation's schema takes.</param>
/// <param name="PortSectionNames">
/// Whether a route written for several ports of its parent Service names each parentRef's port by <c>sectionName</c> too
/// (the Service port's name, <see cref="Model.ServicePort.EffectiveName"/>): the standard-channel CRDs accept several
/// parentRefs to one Service only when their <c>sectionName</c>s differ. Defaults to <see langword="false"/> (the port
/// alone).
/// </param>
/// <param name="ResolveBackendPorts">
/// Whether every Service backendRef and mirror is written with the port the CRDs require: one the model gives without a
/// port takes its service's only port, else the route's parent port (a route for several ports is then written as one
/// route per port, see <see cref="Mapping.HttpRouteMapping.ToGatewayApiRoutes"/>), and one whose port cannot be determined
/// is left out and reported. Defaults to <see langword="false"/>: such a backend is written without a port and reported.
/// </param>
public sealed record RouteDialect(ProviderName ProviderId, string DisplayName, bool Rewrite, bool Mirror, bool Cors, bool ResponseHeaders, bool RetriesElsewhere, IReadOnlyList<int> RedirectCodes, bool PortSectionNames = false, bool ResolveBackendPorts = false)
{
    /// <summary>Plain Gateway API (standard channel): every filter, no retries, ports named by sectionName, every backend port resolved.</summary>
    public static RouteDialect GatewayApi { get; } = new(ProviderName.GatewayApi, "Gateway API", Rewrite: true, Mirror: true, Cors: true, ResponseHeaders: true, RetriesElsewhere: false, RedirectCodes: [301, 302, 303, 307, 308], PortSectionNames: true, ResolveBackendPorts: true);
}
