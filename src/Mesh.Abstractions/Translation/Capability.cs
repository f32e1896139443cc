namespace Mesh.Translation;

/// <summary>A provider's support for one feature, with the reason when it is not native.</summary>
/// <param name="Support">The level of support.</param>
/// <param name="Reason">Why it is approximated or unsupported (and, if any, the workaround); null for native support.</param>
public sealed record Capability(CapabilitySupport Support, string? Reason = null)
{
    /// <summary>Native support.</summary>
    public static Capability Native { get; } = new(CapabilitySupport.Native);

    /// <summary>Approximate support.</summary>
    /// <param name="why">How the meaning differs.</param>
    public static Capability Approximated(string why) => new(CapabilitySupport.Approximated, why);

    /// <summary>No support.</summary>
    /// <param name="why">Why, and any workaround.</param>
    public static Capability Unsupported(string why) => new(CapabilitySupport.Unsupported, why);
}
