namespace Mesh.Rollouts;

/// <summary>
/// An A/B step: requests whose header <paramref name="Name"/> is exactly <paramref name="Value"/> go to the canary; every other
/// request goes to the stable.
/// </summary>
/// <param name="Name">The header name: an HTTP token (letters, digits and <c>!#$%&amp;'*+-.^_`|~</c>), compared case-insensitively.</param>
/// <param name="Value">The exact value, not empty.</param>
public sealed record HeaderStep(string Name, string Value) : RolloutStep
{
    /// <summary>The step as <c>header x-canary=always</c>.</summary>
    public override string ToString() => $"header {Name}={Value}";
}
