using Mesh.Diagnostics;
using Mesh.Providers.Conformance.Suites;
using Mesh.Translation;

namespace Mesh.Providers.Osm.Tests.Conformance;

/// <summary>
/// The export half of the capability rows (the round trip through the import is <see cref="OsmCapabilityRows"/>, the
/// CapabilityRowSuite over <see cref="OsmCapabilityCases"/>): a Native feature translates without a warning, an Unsupported one is
/// reported as such, an Approximated one is written (some resource comes out) or reported.
/// </summary>
public sealed class CapabilityExportTests
{
    public static TheoryData<string> Features => CapabilityRowSuite.Features;

    [Fact]
    public void EveryFeature_HasACaseAndACapability()
    {
        Assert.DoesNotContain(MeshFeature.All, f => !OsmCapabilityCases.All.ContainsKey(f));
        Assert.All(MeshFeature.All, f => Assert.NotNull(OsmCapabilities.Instance[f]));
    }

    [Theory]
    [MemberData(nameof(Features))]
    public void Feature_ExportsAsDeclared(string id)
    {
        var feature = MeshFeature.All.Single(f => f.Id == id);
        var translator = new OsmTranslator();
        var capability = translator.Capabilities[feature];
        var result = translator.Translate(OsmCapabilityCases.All[feature]);
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        var warnings = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        switch (capability.Support)
        {
            case CapabilitySupport.Native:
                Assert.True(warnings.Count == 0, $"{id} is declared native but: {string.Join("; ", warnings)}");
                break;
            case CapabilitySupport.Unsupported:
                Assert.Contains(warnings, d => d.Code == DiagnosticCodes.Unsupported);
                break;
            default:
                Assert.True(warnings.Count > 0 || result.Resources.Count > 0, $"{id} is declared approximated but nothing is written or reported");
                break;
        }
    }
}
