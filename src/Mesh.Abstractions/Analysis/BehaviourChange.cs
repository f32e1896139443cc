namespace Mesh.Analysis;

/// <summary>A difference in behaviour between two models, found by <see cref="MeshBehaviour.CompareTo"/>.</summary>
/// <param name="Before">The rule of the model compared from, or null when the rule is only in the target.</param>
/// <param name="After">The rule of the target with the same <see cref="RuleBehaviour.Key"/>, or null when the target has none.</param>
/// <param name="Message">
/// What changed, in words, starting with the rule's <see cref="RuleBehaviour.Title"/>, e.g.
/// <c>reviews.bookinfo rule [path prefix /api]: bookinfo{app=reviews,version=v2} 20% → 0%</c>.
/// </param>
public sealed record BehaviourChange(RuleBehaviour? Before, RuleBehaviour? After, string Message)
{
    /// <summary>The message.</summary>
    public override string ToString() => Message;
}
