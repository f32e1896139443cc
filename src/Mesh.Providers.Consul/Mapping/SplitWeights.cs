namespace Mesh.Providers.Consul.Mapping;

/// <summary>
/// Relative weights → ServiceSplitter percentages: 0.01 to 100 in 0.01 steps summing to exactly 100 (the webhook and Consul
/// check the sum). Each weight is scaled to hundredths of a percent and floored; the remainder goes by largest remainder
/// (ties to the first), and a split that would round to 0 gets 0.01 from the largest one (Consul rejects a weight of 0).
/// </summary>
internal static class SplitWeights
{
    /// <summary>The percentages of <paramref name="weights"/> (every weight positive), and whether their ratios are exact.</summary>
    public static (decimal[] Percentages, bool Exact) ToPercentages(IReadOnlyList<int> weights)
    {
        long total = 0;
        foreach (var w in weights) total += w;
        var hundredths = new long[weights.Count];
        var remainders = new long[weights.Count];
        long assigned = 0;
        var exact = true;
        for (var i = 0; i < weights.Count; i++)
        {
            var scaled = (long)weights[i] * 10_000;
            hundredths[i] = scaled / total;
            remainders[i] = scaled % total;
            if (remainders[i] != 0) exact = false;
            assigned += hundredths[i];
        }
        var order = Enumerable.Range(0, weights.Count).OrderByDescending(i => remainders[i]).ThenBy(i => i).ToList();
        for (var k = 0; assigned < 10_000; k++, assigned++) hundredths[order[k % order.Count]]++;
        for (var i = 0; i < hundredths.Length; i++)
        {
            if (hundredths[i] > 0) continue;
            var largest = Enumerable.Range(0, hundredths.Length).OrderByDescending(j => hundredths[j]).First();
            hundredths[largest]--;
            hundredths[i] = 1;
            exact = false;
        }
        return ([.. hundredths.Select(h => Normalize(h / 100m))], exact);
    }

    /// <summary>Drops trailing zeros (<c>50.00</c> → <c>50</c>), so the YAML number is the shortest.</summary>
    private static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;
}
