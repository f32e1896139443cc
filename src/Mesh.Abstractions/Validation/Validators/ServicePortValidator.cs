using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Validation.Validators;

/// <summary>Validates a <see cref="ServicePort"/> of a service or an external service.</summary>
internal sealed class ServicePortValidator : ModelValidator<ServicePort>
{
    public static readonly ServicePortValidator Instance = new();

    protected override void Check(ServicePort item, Reporter report)
    {
        report.Port(nameof(ServicePort.Port), item.Port, "The port");
        report.Enum(nameof(ServicePort.Protocol), item.Protocol);
        if (item.Name is not null) report.DnsLabel(nameof(ServicePort.Name), item.Name, "The port name");
        switch (item.TargetPort)
        {
            case { Number: { } number }:
                report.Port(nameof(ServicePort.TargetPort), number, "The target port");
                break;
            case { Name: { } name } when !KubernetesNames.IsPortName(name):
                report.Error(nameof(ServicePort.TargetPort), DiagnosticCodes.InvalidName, $"The target port '{name}' is neither a number nor a container port name (at most {KubernetesNames.MaxPortNameLength} lower-case letters, digits and '-', with a letter, no leading, trailing or doubled '-').");
                break;
        }
    }
}
