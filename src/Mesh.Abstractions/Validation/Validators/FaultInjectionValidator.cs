using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Validation.Validators;

/// <summary>Validates a <see cref="FaultInjection"/>: percentages, the delay duration and the abort status.</summary>
internal sealed class FaultInjectionValidator : ModelValidator<FaultInjection>
{
    public static readonly FaultInjectionValidator Instance = new();

    protected override void Check(FaultInjection item, Reporter report)
    {
        if (item.Delay is { } delay)
        {
            report.Percentage("Delay.Percentage", delay.Percentage, "The delay percentage");
            report.Positive("Delay.Duration", delay.Duration, "The delay duration");
        }
        if (item.Abort is { } abort)
        {
            report.Percentage("Abort.Percentage", abort.Percentage, "The abort percentage");
            if (abort.HttpStatus is < 200 or > 599)
            {
                report.Error("Abort.HttpStatus", DiagnosticCodes.InvalidStatusCode, $"The abort status {abort.HttpStatus} is outside 200–599.");
            }
        }
    }
}
