namespace Mesh.Translation;

/// <summary>What one provider can express, for every <see cref="MeshFeature"/>. Capabilities are data, rendered into <c>docs/capabilities.md</c>.</summary>
public sealed class ProviderCapabilities
{
    private readonly Dictionary<MeshFeature, Capability> _features;

    /// <summary>Creates the capabilities of <paramref name="provider"/>.</summary>
    /// <param name="provider">The provider.</param>
    /// <param name="features">Support per feature; a feature left out is <see cref="CapabilitySupport.Unsupported"/>.</param>
    public ProviderCapabilities(ProviderName provider, IReadOnlyDictionary<MeshFeature, Capability> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        Provider = provider;
        _features = new Dictionary<MeshFeature, Capability>(features);
    }

    /// <summary>The provider.</summary>
    public ProviderName Provider { get; }

    /// <summary>Support for <paramref name="feature"/>.</summary>
    /// <param name="feature">The feature.</param>
    public Capability this[MeshFeature feature] =>
        _features.TryGetValue(feature, out var capability) ? capability : Capability.Unsupported("Not declared by the provider.");

    /// <summary>Every feature with its support, in <see cref="MeshFeature.All"/> order.</summary>
    public IEnumerable<KeyValuePair<MeshFeature, Capability>> All => MeshFeature.All.Select(f => KeyValuePair.Create(f, this[f]));
}
