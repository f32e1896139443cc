using Mesh.DependencyInjection;

namespace Mesh.Providers.Consul;

/// <summary>What makes <see cref="ConsulOptions"/> unusable, checked when they are bound from configuration.</summary>
internal static class ConsulOptionsValidation
{
    public static IEnumerable<string> Problems(ConsulOptions options) =>
        OptionChecks.Of(
            OptionChecks.Label(nameof(ConsulOptions.DefaultNamespace), options.DefaultNamespace),
            OptionChecks.Defined(nameof(ConsulOptions.ServiceOutput), options.ServiceOutput),
            OptionChecks.Defined(nameof(ConsulOptions.Edition), options.Edition),
            options.Partition is not null && options.Edition != ConsulEdition.Enterprise
                ? $"{nameof(ConsulOptions.Partition)} is an Enterprise feature: set {nameof(ConsulOptions.Edition)} = {nameof(ConsulEdition.Enterprise)} or leave it out."
                : null,
            OptionChecks.Label(nameof(ConsulOptions.TerminatingGatewayName), options.TerminatingGatewayName),
            OptionChecks.HostName(nameof(ConsulOptions.GatewayClassName), options.GatewayClassName));
}
