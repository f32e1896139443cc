using Mesh.DependencyInjection;

namespace Mesh.Providers.Istio;

/// <summary>What makes <see cref="IstioOptions"/> unusable, checked when they are bound from configuration.</summary>
internal static class IstioOptionsValidation
{
    public static IEnumerable<string> Problems(IstioOptions options) =>
        OptionChecks.Of(
            OptionChecks.HostName(nameof(IstioOptions.ClusterDomain), options.ClusterDomain),
            OptionChecks.Label(nameof(IstioOptions.RootNamespace), options.RootNamespace),
            OptionChecks.HostName(nameof(IstioOptions.TrustDomain), options.TrustDomain),
            OptionChecks.Label(nameof(IstioOptions.DefaultNamespace), options.DefaultNamespace),
            OptionChecks.Defined(nameof(IstioOptions.ServiceOutput), options.ServiceOutput));
}
