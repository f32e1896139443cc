namespace Mesh.Diagnostics;

/// <summary>
/// The stable diagnostic codes. Ranges: <c>MESH10xx</c> reading model YAML/JSON, <c>MESH20xx</c> model validation,
/// <c>MESH21xx</c> translation to a provider, <c>MESH22xx</c> import from a provider, <c>MESH40xx</c> xDS.
/// </summary>
public static class DiagnosticCodes
{
    // Reading (MESH10xx).

    /// <summary>The text is not well-formed YAML or JSON.</summary>
    public static readonly DiagnosticCode Syntax = new("MESH1001");

    /// <summary>A value has the wrong type (e.g. a list where a number belongs).</summary>
    public static readonly DiagnosticCode WrongType = new("MESH1002");

    /// <summary>A key the model does not have.</summary>
    public static readonly DiagnosticCode UnknownKey = new("MESH1003");

    /// <summary>A value outside an enumeration (protocol, mode, retry condition, …).</summary>
    public static readonly DiagnosticCode UnknownEnumValue = new("MESH1004");

    /// <summary>A required key is missing.</summary>
    public static readonly DiagnosticCode MissingRequired = new("MESH1005");

    /// <summary>The input exceeds a reader limit (size, depth, node count, aliases).</summary>
    public static readonly DiagnosticCode LimitExceeded = new("MESH1006");

    /// <summary>A scalar is malformed (duration, service reference, number).</summary>
    public static readonly DiagnosticCode InvalidFormat = new("MESH1007");

    /// <summary>A mapping repeats a key.</summary>
    public static readonly DiagnosticCode DuplicateKey = new("MESH1008");

    /// <summary>The document is not a <c>kind: Mesh</c> document.</summary>
    public static readonly DiagnosticCode UnknownKind = new("MESH1009");

    /// <summary>A key holds mutually exclusive forms at once (e.g. <c>exact</c> and <c>prefix</c>).</summary>
    public static readonly DiagnosticCode ConflictingForms = new("MESH1010");

    // Translation (MESH21xx) and import (MESH22xx): shared by every provider.

    /// <summary>A model feature the provider cannot express; it is not in the output.</summary>
    public static readonly DiagnosticCode Unsupported = new("MESH2101");

    /// <summary>A model feature the provider expresses only approximately.</summary>
    public static readonly DiagnosticCode Approximated = new("MESH2102");

    /// <summary>Weights were rescaled and rounding changed their ratio.</summary>
    public static readonly DiagnosticCode WeightsRounded = new("MESH2103");

    /// <summary>An input field that was not carried into the model.</summary>
    public static readonly DiagnosticCode FieldNotImported = new("MESH2201");

    /// <summary>A resource kind the provider does not read; it was skipped.</summary>
    public static readonly DiagnosticCode UnknownResourceKind = new("MESH2202");

    /// <summary>A provider resource that is malformed (wrong type, missing field, bad value).</summary>
    public static readonly DiagnosticCode InvalidResource = new("MESH2203");

    /// <summary>A legacy resource form that was understood and converted.</summary>
    public static readonly DiagnosticCode LegacyForm = new("MESH2204");

    /// <summary>A feature outside the model's scope (gateways, export rules, …).</summary>
    public static readonly DiagnosticCode OutOfScope = new("MESH2205");
}
