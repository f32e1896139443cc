namespace Mesh.Translation;

/// <summary>How well a provider expresses a model feature.</summary>
public enum CapabilitySupport
{
    /// <summary>A native field with the same meaning.</summary>
    Native,

    /// <summary>Expressed, with a difference in meaning the reason explains.</summary>
    Approximated,

    /// <summary>Not expressible; translating it yields a diagnostic.</summary>
    Unsupported,
}
