using Mesh.Analysis.Checks;
using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Validation;

namespace Mesh.Analysis;

/// <summary>
/// Static analysis of a model: what a cluster would accept but does not do what it says. It validates the model first
/// (<see cref="MeshValidator"/>: two HTTP or two TCP routes for one host and rules after a catch-all are MESH2012,
/// references to subsets no service defines MESH2002, a per-try timeout longer than the timeout MESH2009), then adds the
/// MESH30xx findings, each naming both sides by path:
/// <list type="bullet">
/// <item>MESH3001 an HTTP and a TCP route claiming one host and port;</item>
/// <item>MESH3002 rules shadowed by an earlier broader match;</item>
/// <item>MESH3003 weighted splits whose backends can reach the same pods;</item>
/// <item>MESH3004 strict mTLS on a service whose allow rules admit callers outside the mesh;</item>
/// <item>MESH3005 allow rules a deny rule cancels, MESH3006 allow policies that allow nothing;</item>
/// <item>MESH3007 retries whose total time exceeds the rule's timeout;</item>
/// <item>MESH3008 mirrors to the pods the rule routes to;</item>
/// <item>MESH3009 access rules naming end users where no request authentication verifies their tokens.</item>
/// </list>
/// </summary>
/// <remarks>
/// The checks never throw on bad content (null items are skipped; the validator reports them) and never guess: where the
/// model cannot tell (a regex path, a service it does not declare) a check stays silent rather than report a false finding.
/// </remarks>
public static class MeshAnalyzer
{
    /// <summary>Validates and analyses <paramref name="config"/>.</summary>
    /// <param name="config">The model.</param>
    /// <returns>The validator's diagnostics, then the analysis findings (warnings), in model order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="config"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<Diagnostic> Analyze(MeshConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var context = new AnalysisContext(config);
        HostClaims.Check(context);
        ShadowedRules.Check(context);
        OverlappingSplits.Check(context);
        StrictMtlsCallers.Check(context);
        AccessConflicts.Check(context);
        RetryBudgets.Check(context);
        SelfMirrors.Check(context);
        UnverifiedPrincipals.Check(context);
        return [.. MeshValidator.Validate(config), .. context.Findings];
    }
}
