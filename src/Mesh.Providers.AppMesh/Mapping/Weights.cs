namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>
/// App Mesh weights: each target's weight is an integer 0–100 (relative, the sum need not be 100). Weights that fit are kept;
/// otherwise they are reduced to lowest terms, and rescaled to a sum of 100 by largest remainder only when that is not enough.
/// </summary>
internal static class Weights
{
    /// <summary>The largest weight App Mesh takes.</summary>
    public const int Max = 100;

    /// <summary>The weights written for <paramref name="weights"/>, and whether the ratios changed.</summary>
    public static (int[] Weights, bool Rounded) Scale(IReadOnlyList<int> weights)
    {
        var result = weights.ToArray();
        if (result.All(w => w <= Max)) return (result, false);
        var gcd = result.Aggregate(0, (g, w) => Gcd(g, w));
        if (gcd > 1) result = [.. result.Select(w => w / gcd)];
        if (result.All(w => w <= Max)) return (result, false);
        long total = result.Sum(w => (long)w);
        var floors = result.Select(w => (int)(w * (long)Max / total)).ToArray();
        var left = Max - floors.Sum();
        foreach (var i in Enumerable.Range(0, result.Length).OrderByDescending(i => result[i] * (long)Max % total).ThenBy(i => i).Take(left)) floors[i]++;
        return (floors, true);
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }
}
