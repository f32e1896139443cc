using Mesh.Diagnostics;
using Mesh.Model;

namespace Mesh.Validation.Validators;

/// <summary>Validates a <see cref="MeshService"/>: names, the selector, ports (unique numbers, target ports) and subsets (unique DNS-label names).</summary>
internal sealed class MeshServiceValidator : ModelValidator<MeshService>
{
    public static readonly MeshServiceValidator Instance = new();

    private MeshServiceValidator() => Each(x => x.Ports, ServicePortValidator.Instance);

    protected override void Check(MeshService item, Reporter report)
    {
        report.DnsLabel(nameof(MeshService.Name), item.Name, "The service name");
        report.DnsLabel(nameof(MeshService.Namespace), item.Namespace, "The service namespace");
        report.Labels(nameof(MeshService.Selector), item.Selector, "A selector label");
        report.NoNullItems(nameof(MeshService.Ports), item.Ports, "A port");
        var ports = new HashSet<int>();
        for (var i = 0; i < item.Ports.Count; i++)
        {
            if (item.Ports[i] is { } port && !ports.Add(port.Port))
            {
                report.Error($"Ports[{i}].Port", DiagnosticCodes.DuplicateName, $"Port {port.Port} is declared more than once on service '{item.Name}.{item.Namespace}'.");
            }
        }
        var subsets = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < item.Subsets.Count; i++)
        {
            var subset = item.Subsets[i];
            if (subset?.Name is null)
            {
                report.Error($"Subsets[{i}]", DiagnosticCodes.MissingRequired, "A subset needs a name.");
                continue;
            }
            // Subsets are a map on the wire: the path names the key.
            var path = WirePath.Key(nameof(MeshService.Subsets), subset.Name);
            report.DnsLabel(path, subset.Name, "The subset name");
            if (!subsets.Add(subset.Name))
            {
                report.Error(path, DiagnosticCodes.DuplicateName, $"Subset '{subset.Name}' is declared more than once.");
            }
            report.Labels(path, subset.Labels, $"A label of subset '{subset.Name}'");
        }
    }
}
