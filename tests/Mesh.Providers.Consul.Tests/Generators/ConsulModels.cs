using CsCheck;
using Mesh.Model;
using Mesh.Testing;
using Mesh.Translation;

namespace Mesh.Providers.Consul.Tests.Generators;

/// <summary>
/// The shared generators seen through Consul: <see cref="Any"/> is every valid model; <see cref="WithinCapabilities"/> uses
/// only the features Consul expresses (natively or approximately), so its export raises no Unsupported diagnostic but for
/// the combinations the capability table cannot say (a TCP host of an HTTP route, a query parameter that must be absent).
/// </summary>
internal static class ConsulModels
{
    private static readonly ProviderCapabilities Capabilities = ConsulCapabilities.Instance;

    /// <summary>Valid models using every model feature.</summary>
    public static Gen<MeshConfig> Any => MeshGenerators.Config;

    /// <summary>Valid models using only the features Consul declares Native or Approximated.</summary>
    public static Gen<MeshConfig> WithinCapabilities =>
        MeshGenerators.ConfigSupporting(f => Capabilities[f].Support != CapabilitySupport.Unsupported);
}
