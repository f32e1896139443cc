using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Validation.Validators;

/// <summary>Validates an <see cref="MtlsPolicy"/>: a well-formed scope (a port needs a workload, a workload needs a namespace) and a known mode.</summary>
internal sealed class MtlsPolicyValidator : ModelValidator<MtlsPolicy>
{
    public static readonly MtlsPolicyValidator Instance = new();

    protected override void Check(MtlsPolicy item, Reporter report)
    {
        report.Enum(nameof(MtlsPolicy.Mode), item.Mode);
        if (item.Scope is not { } scope)
        {
            report.Required(nameof(MtlsPolicy.Scope), null, "The mTLS scope");
            return;
        }
        if (scope.Namespace is not null) report.DnsLabel("Scope.Namespace", scope.Namespace, "The mTLS scope namespace");
        report.Port("Scope.Port", scope.Port, "The mTLS scope port");
        if (scope.Port is not null && scope.Workload.IsEmpty)
        {
            report.Error("Scope.Port", DiagnosticCodes.MissingWorkloadSelector, "An mTLS policy for a port needs a workload selector.");
        }
        if (scope.Namespace is null && !scope.Workload.IsEmpty)
        {
            report.Error("Scope.Namespace", DiagnosticCodes.MissingRequired, "An mTLS policy for a workload needs its namespace.");
        }
        foreach (var label in scope.Workload)
        {
            if (string.IsNullOrEmpty(label.Key) || label.Value is null)
            {
                report.Error("Scope.Workload", DiagnosticCodes.MissingRequired, "A workload selector label needs a non-empty key and a value.");
            }
        }
    }
}
