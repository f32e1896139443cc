using Mesh.DependencyInjection;

namespace Mesh.Providers.GatewayApi;

/// <summary>What makes <see cref="GatewayApiOptions"/> unusable, checked when they are bound from configuration.</summary>
internal static class GatewayApiOptionsValidation
{
    public static IEnumerable<string> Problems(GatewayApiOptions options) =>
        OptionChecks.Of(
            OptionChecks.Label(nameof(GatewayApiOptions.DefaultNamespace), options.DefaultNamespace),
            OptionChecks.Defined(nameof(GatewayApiOptions.ServiceOutput), options.ServiceOutput));
}
