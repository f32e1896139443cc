namespace Mesh.Providers.Conformance.Support;

/// <summary>
/// Property-test iteration counts, scaled by the <c>MESH_SOAK</c> environment variable (a whole-number multiplier, default 1),
/// so a soak run — <c>MESH_SOAK=20 dotnet test</c> — can search far more models for a failing seed than CI does.
/// </summary>
public static class Soak
{
    /// <summary>The multiplier <c>MESH_SOAK</c> sets; 1 when it is unset or not a positive whole number.</summary>
    public static long Factor { get; } =
        long.TryParse(Environment.GetEnvironmentVariable("MESH_SOAK"), out var factor) && factor > 0 ? factor : 1;

    /// <summary><paramref name="iterations"/> times <see cref="Factor"/>.</summary>
    public static long Scale(long iterations) => iterations * Factor;
}
