using Mesh.Model;
using Mesh.Providers.Conformance.Suites;
using Mesh.Providers.Conformance.Support;
using Mesh.Translation;

namespace Mesh.Providers.GatewayApi.Tests.Export;

/// <summary>One case per row of the capability table (see <see cref="CapabilityRowSuite"/>), on the shared Service-and-port cases.</summary>
public sealed class CapabilityRowTests : CapabilityRowSuite
{
    protected override ITranslator Translator { get; } = new GatewayApiTranslator();

    protected override IReadOnlyDictionary<MeshFeature, MeshConfig> Cases => ServicePortCapabilityCases.All;
}
