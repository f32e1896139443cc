using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Translation;

namespace Mesh.Providers.Conformance.Support;

/// <summary>
/// Gateway API (and Linkerd's HTTPRoutes) apply the most specific match, the model the first. A model whose rule order
/// disagrees with that precedence on a request both rules match is written with MESH2102 on the two rules and read back in
/// precedence order, so it is not a round trip; those models are covered by the providers' precedence tests instead.
/// </summary>
public static class MatchPrecedenceConflicts
{
    /// <summary>Whether <paramref name="translator"/> writes <paramref name="model"/> without a precedence report.</summary>
    /// <param name="translator">A translator writing HTTPRoutes.</param>
    /// <param name="model">The model.</param>
    /// <returns>True when no rule is reported for precedence.</returns>
    public static bool None(ITranslator translator, MeshConfig model) =>
        !translator.Translate(model).Diagnostics.Any(d => d.Code == DiagnosticCodes.Approximated && d.Message.StartsWith("Gateway API picks the most specific match", StringComparison.Ordinal));
}
