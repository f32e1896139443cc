using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Validation.Validators;

/// <summary>Validates a header or query-parameter <see cref="ValueMatch"/>.</summary>
internal sealed class ValueMatchValidator : ModelValidator<ValueMatch>
{
    public static readonly ValueMatchValidator Instance = new();

    protected override void Check(ValueMatch item, Reporter report)
    {
        if (string.IsNullOrEmpty(item.Name))
        {
            report.Error(nameof(ValueMatch.Name), DiagnosticCodes.InvalidMatch, "The match needs a non-empty name.");
        }
        if (!Enum.IsDefined(item.Kind))
        {
            report.Enum(nameof(ValueMatch.Kind), item.Kind);
            return;
        }
        // On the wire the kind is the key: { name, exact: v } or { name, present: true }.
        var key = WireNames.Of(item.Kind);
        switch (item.Kind)
        {
            case ValueMatchKind.Exact or ValueMatchKind.Prefix or ValueMatchKind.Regex when item.Value is null:
                report.Error(key, DiagnosticCodes.InvalidMatch, $"A '{key}' match needs a value.");
                break;
            case ValueMatchKind.Present or ValueMatchKind.Absent when item.Value is not null:
                report.Error(key, DiagnosticCodes.InvalidMatch, $"A '{key}' match takes no value, but has '{item.Value}'.");
                break;
            case ValueMatchKind.Regex:
                report.Regex(key, item.Value);
                break;
        }
    }
}
