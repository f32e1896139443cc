using Mesh.Collections;
using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Validation.Validators;

/// <summary>The rule shared by HTTP rules and TCP routes: some backend must be able to receive traffic.</summary>
internal static class BackendRules
{
    public static void RequireEffective(Reporter report, string property, EquatableArray<WeightedBackend> backends, string whenEmpty)
    {
        if (backends.IsEmpty)
        {
            report.Error(property, DiagnosticCodes.NoEffectiveBackends, whenEmpty);
            return;
        }
        var any = false;
        var allZero = true;
        foreach (var b in backends)
        {
            if (b is null) continue;
            any = true;
            if (b.Weight > 0) allZero = false;
        }
        if (any && allZero)
        {
            report.Error(property, DiagnosticCodes.NoEffectiveBackends, "All backend weights are zero (or negative): no traffic can be sent.");
        }
    }
}
