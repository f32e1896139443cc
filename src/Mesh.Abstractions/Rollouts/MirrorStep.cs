using System.Globalization;

namespace Mesh.Rollouts;

/// <summary>
/// A mirror step: the stable gets all of the traffic, and a copy of <paramref name="Percentage"/>% of the requests goes to the
/// canary (its responses are discarded).
/// </summary>
/// <param name="Percentage">The share of requests copied, 0–100; 0 mirrors nothing.</param>
public sealed record MirrorStep(decimal Percentage) : RolloutStep
{
    /// <summary>The step as <c>mirror 10%</c>.</summary>
    public override string ToString() => $"mirror {Percentage.ToString(CultureInfo.InvariantCulture)}%";
}
