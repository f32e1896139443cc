namespace Mesh.Model;

/// <summary>How an external service's addresses are found.</summary>
public enum Resolution
{
    /// <summary>Resolve the hosts with DNS.</summary>
    Dns,

    /// <summary>Use the static <see cref="ExternalService.Addresses"/>.</summary>
    Static,

    /// <summary>Forward to the address the caller asked for (passthrough).</summary>
    None,
}
