using Mesh.Translation;

namespace Mesh.Abstractions.Tests.Translation;

public class CapabilityTests
{
    private static ProviderCapabilities Sample() => new(new ProviderName("demo"), new Dictionary<MeshFeature, Capability>
    {
        [MeshFeature.PathExact] = Capability.Native,
        [MeshFeature.Mirror] = Capability.Approximated("only 100%"),
    });

    [Fact]
    public void UndeclaredFeatures_AreUnsupported()
    {
        var caps = Sample();
        Assert.Equal(CapabilitySupport.Native, caps[MeshFeature.PathExact].Support);
        Assert.Equal(CapabilitySupport.Unsupported, caps[MeshFeature.Cors].Support);
        Assert.Equal(MeshFeature.All.Count, caps.All.Count());
    }

    [Fact]
    public void FeatureIds_AreUnique() =>
        Assert.Equal(MeshFeature.All.Count, MeshFeature.All.Select(f => f.Id).Distinct().Count());

    [Fact]
    public void Markdown_ListsEveryFeature_AndExplainsNonNativeOnes()
    {
        var md = CapabilityMatrix.ToMarkdown([Sample()]);
        foreach (var feature in MeshFeature.All) Assert.Contains($"`{feature.Id}`", md, StringComparison.Ordinal);
        Assert.Contains("◐ `http.mirror`: only 100%", md, StringComparison.Ordinal);
        Assert.Contains("✗ `http.cors`: Not declared by the provider.", md, StringComparison.Ordinal);
        Assert.EndsWith("\n", md, StringComparison.Ordinal);
    }

    [Fact]
    public void ProviderNames_CompareCaseInsensitively()
    {
        Assert.Equal(ProviderName.Istio, new ProviderName("ISTIO"));
        Assert.Equal(ProviderName.Istio.GetHashCode(), new ProviderName("Istio").GetHashCode());
    }
}
