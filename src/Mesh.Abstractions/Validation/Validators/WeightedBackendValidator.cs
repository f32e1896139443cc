using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Validation.Validators;

/// <summary>Validates a <see cref="WeightedBackend"/>: the service, subset and port it names exist; the weight is not negative.</summary>
internal sealed class WeightedBackendValidator : ModelValidator<WeightedBackend>
{
    public static readonly WeightedBackendValidator Instance = new();

    protected override void Check(WeightedBackend item, Reporter report)
    {
        report.Port(nameof(WeightedBackend.Port), item.Port, "The backend port");
        report.Reference("", item.Service, item.Subset, item.Port, "backend");
        if (item.Weight < 0)
        {
            report.Error(nameof(WeightedBackend.Weight), DiagnosticCodes.NegativeWeight, $"The weight {item.Weight} is negative.");
        }
    }
}
