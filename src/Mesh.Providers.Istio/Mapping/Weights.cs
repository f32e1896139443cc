namespace Mesh.Providers.Istio.Mapping;

/// <summary>Scales relative weights to integers that add up to exactly 100.</summary>
internal static class Weights
{
    /// <summary>
    /// Largest-remainder rounding: each weight gets the floor of its exact share, and the points left over go to
    /// the largest remainders (ties to the earlier entry). Returns whether rounding changed any ratio.
    /// </summary>
    public static int[] ToPercent(IReadOnlyList<int> weights, out bool rounded)
    {
        var result = new int[weights.Count];
        rounded = false;
        if (weights.Count == 0) return result;
        long sum = 0;
        foreach (var w in weights) sum += Math.Max(w, 0);
        if (sum == 0)
        {
            // Nothing to be proportional to: share equally.
            return ToPercent([.. weights.Select(_ => 1)], out rounded);
        }
        var remainders = new long[weights.Count];
        var given = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            var scaled = Math.Max(weights[i], 0) * 100L;
            result[i] = (int)(scaled / sum);
            remainders[i] = scaled % sum;
            given += result[i];
            if (remainders[i] != 0) rounded = true;
        }
        var order = Enumerable.Range(0, weights.Count).OrderByDescending(i => remainders[i]).ThenBy(i => i).ToArray();
        for (var k = 0; given < 100; k++, given++) result[order[k % order.Length]]++;
        return result;
    }
}
