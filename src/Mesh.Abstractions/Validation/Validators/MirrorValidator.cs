using Mesh.Model;

namespace Mesh.Validation.Validators;

/// <summary>Validates a <see cref="Mirror"/>: its references, port and percentage.</summary>
internal sealed class MirrorValidator : ModelValidator<Mirror>
{
    public static readonly MirrorValidator Instance = new();

    protected override void Check(Mirror item, Reporter report)
    {
        report.Port(nameof(Mirror.Port), item.Port, "The mirror port");
        report.Reference("", item.Service, item.Subset, item.Port, "mirror");
        report.Percentage(nameof(Mirror.Percentage), item.Percentage, "The mirror percentage");
    }
}
