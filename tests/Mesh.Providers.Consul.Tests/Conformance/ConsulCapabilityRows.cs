using Mesh.Model;
using Mesh.Providers.Conformance.Suites;
using Mesh.Translation;

namespace Mesh.Providers.Consul.Tests.Conformance;

/// <summary>One case per row of the capability table (<see cref="ConsulCapabilityCases"/>); every Service written, as a migration carries them.</summary>
public sealed class ConsulCapabilityRows : CapabilityRowSuite
{
    protected override ITranslator Translator { get; } = new ConsulTranslator(new ConsulOptions { ServiceOutput = ServiceOutput.All });

    protected override IReadOnlyDictionary<MeshFeature, MeshConfig> Cases => ConsulCapabilityCases.All;
}
