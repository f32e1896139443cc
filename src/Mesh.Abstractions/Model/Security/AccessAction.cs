namespace Mesh.Model;

/// <summary>What an access policy does with matching requests.</summary>
public enum AccessAction
{
    /// <summary>Allow them (and, once any allow policy applies, deny everything else).</summary>
    Allow,

    /// <summary>Deny them; deny policies are evaluated before allow policies.</summary>
    Deny,

    /// <summary>
    /// Mark them for audit logging; an audit policy neither allows nor denies anything (Istio's <c>AUDIT</c>, Envoy's RBAC
    /// <c>LOG</c> action).
    /// </summary>
    Audit,
}
