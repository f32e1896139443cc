namespace Mesh.Rollouts;

/// <summary>
/// One step of a progressive delivery: a <see cref="WeightStep">weight</see> to the canary, an A/B test by a
/// <see cref="HeaderStep">header</see>, or a <see cref="MirrorStep">mirror</see> of a share of the stable's traffic to the
/// canary. <see cref="Rollout.Apply"/> gives the model of a step. The three kinds are the only ones.
/// </summary>
public abstract record RolloutStep
{
    private protected RolloutStep()
    {
    }

    /// <summary>A step sending <paramref name="canaryWeight"/>% of the traffic to the canary and the rest to the stable.</summary>
    /// <param name="canaryWeight">The canary's share, 0–100.</param>
    /// <returns>The step.</returns>
    public static WeightStep Weight(int canaryWeight) => new(canaryWeight);

    /// <summary>An A/B step: requests carrying header <paramref name="name"/> with value <paramref name="value"/> go to the canary, every other request to the stable.</summary>
    /// <param name="name">The header name (an HTTP token, compared case-insensitively).</param>
    /// <param name="value">The exact header value.</param>
    /// <returns>The step.</returns>
    public static HeaderStep Header(string name, string value) => new(name, value);

    /// <summary>A step sending all traffic to the stable and a copy of <paramref name="percentage"/>% of it to the canary.</summary>
    /// <param name="percentage">The share of requests copied, 0–100.</param>
    /// <returns>The step.</returns>
    public static MirrorStep Mirror(decimal percentage) => new(percentage);
}
