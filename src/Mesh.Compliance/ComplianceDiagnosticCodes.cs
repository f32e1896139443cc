using Mesh.Diagnostics;

namespace Mesh.Compliance;

/// <summary>
/// The codes of problems with a rules document and its rules (<c>MESH50xx</c>). Reading the document also reports the reading
/// codes of <see cref="DiagnosticCodes"/> (MESH1001 syntax, MESH1002 wrong type, MESH1003 unknown key, MESH1004 unknown value,
/// MESH1005 missing key, MESH1006 limits, MESH1009 not a <c>MeshRules</c> document).
/// </summary>
public static class ComplianceDiagnosticCodes
{
    /// <summary>MESH5001: a rule names a built-in check that does not exist.</summary>
    public static readonly DiagnosticCode UnknownCheck = new("MESH5001");

    /// <summary>MESH5002: a parameter a check does not take, or a value of the wrong type or out of range.</summary>
    public static readonly DiagnosticCode InvalidParameter = new("MESH5002");

    /// <summary>MESH5003: two rules of a document have one id.</summary>
    public static readonly DiagnosticCode DuplicateRule = new("MESH5003");

    /// <summary>MESH5004: a rule is incomplete or contradictory (neither a check nor an expression, both, <c>on</c> without an expression, an exemption that names nothing).</summary>
    public static readonly DiagnosticCode InvalidRule = new("MESH5004");

    /// <summary>MESH5005: an expression does not compile (syntax, an unknown function, characters the parser skipped); the message gives the position.</summary>
    public static readonly DiagnosticCode ExpressionInvalid = new("MESH5005");

    /// <summary>MESH5006: an expression failed on an object (an evaluation error, or a value that is not a boolean).</summary>
    public static readonly DiagnosticCode ExpressionFailed = new("MESH5006");
}
