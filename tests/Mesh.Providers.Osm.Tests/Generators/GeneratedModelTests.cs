using Mesh.Diagnostics;
using CsCheck;

namespace Mesh.Providers.Osm.Tests.Generators;

/// <summary>Properties of the export over generated models.</summary>
public sealed class GeneratedModelTests
{
    /// <summary>What the capabilities and <see cref="OsmModels.ToOsm"/> keep is written: nothing is reported unsupported.</summary>
    [Fact]
    public void ModelsWithinCapabilities_AreWrittenWithoutUnsupportedDiagnostics() =>
        OsmModels.WithinCapabilities.Sample(model =>
        {
            var result = new OsmTranslator().Translate(model);
            var unsupported = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.Unsupported || d.IsError).ToList();
            Assert.True(unsupported.Count == 0, string.Join("\n", unsupported));
        }, iter: Mesh.Providers.Conformance.Support.Soak.Scale(200));

    /// <summary>Any valid model translates without an error, and the same model gives the same bytes.</summary>
    [Fact]
    public void AnyModel_TranslatesWithoutErrors_Deterministically() =>
        OsmModels.Any.Sample(model =>
        {
            var translator = new OsmTranslator();
            var first = translator.Translate(model);
            Assert.DoesNotContain(first.Diagnostics, d => d.IsError);
            Assert.Equal(translator.WriteYaml(first.Resources), translator.WriteYaml(translator.Translate(model).Resources));
        }, iter: Mesh.Providers.Conformance.Support.Soak.Scale(150));
}
