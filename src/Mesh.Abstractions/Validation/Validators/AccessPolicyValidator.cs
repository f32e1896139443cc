using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Validation.Validators;

/// <summary>Validates an <see cref="AccessPolicy"/>: names, action, target and rules.</summary>
internal sealed class AccessPolicyValidator : ModelValidator<AccessPolicy>
{
    public static readonly AccessPolicyValidator Instance = new();

    private AccessPolicyValidator() => Each(x => x.Rules, AccessRuleValidator.Instance);

    protected override void Check(AccessPolicy item, Reporter report)
    {
        report.DnsLabel(nameof(AccessPolicy.Name), item.Name, "The access policy name");
        report.DnsLabel(nameof(AccessPolicy.Namespace), item.Namespace, "The access policy namespace");
        report.Enum(nameof(AccessPolicy.Action), item.Action);
        report.NoNullItems(nameof(AccessPolicy.Rules), item.Rules, "An access rule");
        if (item.Target is { } target)
        {
            report.Reference("Target.", target.Service, target.Subset, null, "access policy target");
            if (target.Port is not null)
            {
                report.Error("Target.Port", DiagnosticCodes.ConflictingFields, "An access policy protects a service or subset; name ports in a rule's to.ports instead.");
            }
        }
    }
}
