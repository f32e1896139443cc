using Mesh.Diagnostics;

namespace Mesh.Compliance;

/// <summary>A rule as it was checked: for reports (SARIF's <c>tool.driver.rules</c>).</summary>
/// <param name="Id">The rule's id.</param>
/// <param name="Severity">Its effective severity.</param>
/// <param name="Description">What it requires.</param>
/// <param name="BuiltIn">Whether it is a rule of the built-in pack (or a rule running a built-in check).</param>
public sealed record ComplianceRuleInfo(string Id, DiagnosticSeverity Severity, string Description, bool BuiltIn);
