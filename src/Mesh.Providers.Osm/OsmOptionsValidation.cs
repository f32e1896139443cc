using Mesh.DependencyInjection;

namespace Mesh.Providers.Osm;

/// <summary>What makes <see cref="OsmOptions"/> unusable, checked when they are bound from configuration.</summary>
internal static class OsmOptionsValidation
{
    public static IEnumerable<string> Problems(OsmOptions options) =>
        OptionChecks.Of(
            OptionChecks.Label(nameof(OsmOptions.DefaultNamespace), options.DefaultNamespace),
            OptionChecks.Defined(nameof(OsmOptions.ServiceOutput), options.ServiceOutput),
            OptionChecks.HostName(nameof(OsmOptions.ClusterDomain), options.ClusterDomain),
            OptionChecks.HostName(nameof(OsmOptions.MeshConfigName), options.MeshConfigName),
            OptionChecks.Label(nameof(OsmOptions.MeshConfigNamespace), options.MeshConfigNamespace));
}
