namespace Mesh.Analysis;

/// <summary>What a rule does with the traffic it matches.</summary>
public enum RuleOutcome
{
    /// <summary>Forwards it to its destinations, split by share.</summary>
    Forward,

    /// <summary>Answers with an HTTP redirect (<see cref="RuleBehaviour.Redirect"/>); nothing is forwarded or mirrored.</summary>
    Redirect,

    /// <summary>Sends it nowhere: the rule has no backends, or every backend weight is zero (the request fails).</summary>
    NoDestination,
}
