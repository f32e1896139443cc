using System.Globalization;
using System.Text.RegularExpressions;
using Mesh.Diagnostics;

namespace Mesh.Providers.Conformance.Support;

/// <summary>
/// Whether an export's diagnostics name a rule whose behaviour a migration changed: a warning at the rule's path, inside it,
/// at a parent of it (the route, the host's service), or at an earlier rule of the same route — first match wins, so an
/// earlier rule the export broadened (a condition it could not write, dropped) takes the traffic of later rules.
/// </summary>
public static partial class ChangeAttribution
{
    /// <summary>Whether a warning or error of <paramref name="diagnostics"/> names the rule at <paramref name="rulePath"/>.</summary>
    /// <param name="diagnostics">The export's diagnostics (paths into the model).</param>
    /// <param name="rulePath">The changed rule's path (<c>$.spec.routes[r].rules[j]</c>, <c>$.spec.tcpRoutes[r]</c>).</param>
    public static bool Names(IEnumerable<Diagnostic> diagnostics, string rulePath) =>
        diagnostics.Any(d => d.Severity >= DiagnosticSeverity.Warning
            && (d.Path.StartsWith(rulePath, StringComparison.Ordinal) || rulePath.StartsWith(d.Path, StringComparison.Ordinal) || AtEarlierRule(d.Path, rulePath)));

    /// <summary>Whether <paramref name="diagnosticPath"/> is at (or inside) a rule of the same route before the rule at <paramref name="rulePath"/>.</summary>
    private static bool AtEarlierRule(string diagnosticPath, string rulePath)
    {
        if (RulePath().Match(rulePath) is not { Success: true } rule || RulePath().Match(diagnosticPath) is not { Success: true } at) return false;
        return at.Groups["route"].Value == rule.Groups["route"].Value
            && int.Parse(at.Groups["rule"].Value, CultureInfo.InvariantCulture) < int.Parse(rule.Groups["rule"].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>A rule path's route (<c>$.spec.routes[r]</c>, <c>$.spec.tcpRoutes[r]</c>) and rule index, followed by nothing or a field or index inside the rule.</summary>
    [GeneratedRegex(@"^(?<route>\$\.spec\.\w+\[\d+\])\.rules\[(?<rule>\d+)\](?=$|[.\[])")]
    private static partial Regex RulePath();
}
