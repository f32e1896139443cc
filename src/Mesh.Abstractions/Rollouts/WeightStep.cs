using System.Globalization;

namespace Mesh.Rollouts;

/// <summary>A weighted step: <paramref name="CanaryWeight"/>% of the traffic goes to the canary, the rest to the stable.</summary>
/// <param name="CanaryWeight">The canary's share in percent, 0–100: 0 sends everything to the stable, 100 everything to the canary.</param>
public sealed record WeightStep(int CanaryWeight) : RolloutStep
{
    /// <summary>The step as <c>weight 25</c>.</summary>
    public override string ToString() => "weight " + CanaryWeight.ToString(CultureInfo.InvariantCulture);
}
