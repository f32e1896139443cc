using Mesh.DependencyInjection;

namespace Mesh.Providers.AppMesh;

/// <summary>What makes <see cref="AppMeshOptions"/> unusable, checked when they are bound from configuration.</summary>
internal static class AppMeshOptionsValidation
{
    public static IEnumerable<string> Problems(AppMeshOptions options) =>
        OptionChecks.Of(
            OptionChecks.Label(nameof(AppMeshOptions.DefaultNamespace), options.DefaultNamespace),
            OptionChecks.Defined(nameof(AppMeshOptions.ServiceOutput), options.ServiceOutput),
            OptionChecks.Defined(nameof(AppMeshOptions.Discovery), options.Discovery),
            options.Discovery == AppMeshDiscovery.CloudMap && string.IsNullOrWhiteSpace(options.CloudMapNamespace)
                ? $"{nameof(AppMeshOptions.CloudMapNamespace)} is required with {nameof(AppMeshOptions.Discovery)} = {nameof(AppMeshDiscovery.CloudMap)}."
                : null,
            OptionChecks.HostName(nameof(AppMeshOptions.ClusterDomain), options.ClusterDomain),
            OptionChecks.Defined(nameof(AppMeshOptions.Backends), options.Backends),
            options.MeshName is { } mesh && string.IsNullOrWhiteSpace(mesh) ? $"{nameof(AppMeshOptions.MeshName)} cannot be blank (leave it out for the model's name)." : null,
            string.IsNullOrWhiteSpace(options.AccessLogPath) ? $"{nameof(AppMeshOptions.AccessLogPath)} cannot be blank." : null,
            OptionChecks.Defined("Tls:Source", options.Tls.Source),
            string.IsNullOrWhiteSpace(options.Tls.SystemTrustChainPath) ? "Tls:SystemTrustChainPath cannot be blank." : null,
            OptionChecks.HostName("Tls:TrustDomain", options.Tls.TrustDomain));
}
