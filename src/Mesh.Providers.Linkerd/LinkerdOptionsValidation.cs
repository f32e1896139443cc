using Mesh.DependencyInjection;

namespace Mesh.Providers.Linkerd;

/// <summary>What makes <see cref="LinkerdOptions"/> unusable, checked when they are bound from configuration.</summary>
internal static class LinkerdOptionsValidation
{
    public static IEnumerable<string> Problems(LinkerdOptions options) =>
        OptionChecks.Of(
            OptionChecks.Label(nameof(LinkerdOptions.DefaultNamespace), options.DefaultNamespace),
            OptionChecks.Defined(nameof(LinkerdOptions.ServiceOutput), options.ServiceOutput),
            OptionChecks.Defined(nameof(LinkerdOptions.RouteApi), options.RouteApi),
            OptionChecks.HostName(nameof(LinkerdOptions.TrustDomain), options.TrustDomain),
            OptionChecks.Label(nameof(LinkerdOptions.GlobalEgressNamespace), options.GlobalEgressNamespace));
}
