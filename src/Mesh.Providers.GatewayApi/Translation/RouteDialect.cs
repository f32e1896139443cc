using Mesh.Translation;

namespace Mesh.Providers.GatewayApi.Translation;

/// <summary>
/// What an implementation of Gateway API mesh routing supports, for providers built on this one (Linkerd): which
/// filters it runs, and whether retries are written elsewhere (annotations) instead of being reported.
/// </summary>
/// <param name="ProviderId">The provider named in diagnostics.</param>
/// <param name="DisplayName">The implementation's name, for messages.</param>
/// <param name="Rewrite">Whether the URLRewrite filter is supported.</param>
/// <param name="Mirror">Whether the RequestMirror filter is supported.</param>
/// <param name="Cors">Whether the CORS filter is supported.</param>
/// <param name="ResponseHeaders">Whether the ResponseHeaderModifier filter is supported.</param>
/// <param name="RetriesElsewhere">Whether the caller writes retries itself (nothing is reported here).</param>
/// <param name="RedirectCodes">The redirect status codes the implementation's schema takes.</param>
public sealed record RouteDialect(ProviderName ProviderId, string DisplayName, bool Rewrite, bool Mirror, bool Cors, bool ResponseHeaders, bool RetriesElsewhere, IReadOnlyList<int> RedirectCodes)
{
    /// <summary>Plain Gateway API (standard channel): every filter, no retries.</summary>
    public static RouteDialect GatewayApi { get; } = new(ProviderName.GatewayApi, "Gateway API", Rewrite: true, Mirror: true, Cors: true, ResponseHeaders: true, RetriesElsewhere: false, RedirectCodes: [301, 302, 303, 307, 308]);
}
