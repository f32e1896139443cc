namespace Mesh.Model;

/// <summary>What an access policy does with matching requests.</summary>
public enum AccessAction
{
    /// <summary>Allow them (and, once any allow policy applies, deny everything else).</summary>
    Allow,

    /// <summary>Deny them; deny policies are evaluated before allow policies.</summary>
    Deny,
}
