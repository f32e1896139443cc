using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Translation;
using Xunit;

namespace Mesh.Providers.Conformance.Suites;

/// <summary>
/// One case per row of the capability table: a small model using just that feature is translated, and what happens
/// must match what the provider declares — Native round-trips with no warning, Unsupported is reported as such,
/// Approximated is reported or round-trips to an equal meaning.
/// </summary>
public abstract class CapabilityRowSuite : ConformanceSuite
{
    /// <summary>One small model per feature, using just that feature.</summary>
    protected abstract IReadOnlyDictionary<MeshFeature, MeshConfig> Cases { get; }

    /// <summary>Every feature id.</summary>
    public static TheoryData<string> Features => [.. MeshFeature.All.Select(f => f.Id)];

    /// <summary>Every feature has a case.</summary>
    [Fact]
    public void EveryFeature_HasACase() => Assert.DoesNotContain(MeshFeature.All, f => !Cases.ContainsKey(f));

    /// <summary>The feature translates as declared.</summary>
    /// <param name="id">The feature id.</param>
    [Theory]
    [MemberData(nameof(Features))]
    public void Feature_TranslatesAsDeclared(string id)
    {
        var feature = MeshFeature.All.Single(f => f.Id == id);
        var model = Cases[feature];
        var capability = Translator.Capabilities[feature];
        var translated = Translator.Translate(model);
        var warnings = translated.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        var back = Translator.ImportYaml(Translator.WriteYaml(translated.Resources), "back.yaml");
        var roundTrips = back.Config == model.Normalize();
        switch (capability.Support)
        {
            case CapabilitySupport.Native:
                Assert.Empty(warnings);
                Assert.True(roundTrips, $"{id}: {back.Config}\n!=\n{model.Normalize()}\n{string.Join("; ", back.Diagnostics)}");
                break;
            case CapabilitySupport.Approximated:
                Assert.True(roundTrips || warnings.Any(d => d.Code == DiagnosticCodes.Approximated || d.Code == DiagnosticCodes.WeightsRounded || d.Code == DiagnosticCodes.Unsupported),
                    $"{id} is declared approximated ({capability.Reason}) but neither round-trips nor reports: {string.Join("; ", translated.Diagnostics)}");
                break;
            default:
                Assert.Contains(warnings, d => d.Code == DiagnosticCodes.Unsupported);
                break;
        }
    }
}
