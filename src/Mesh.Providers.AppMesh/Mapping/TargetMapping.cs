using System.Globalization;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.AppMesh.Resources;

namespace Mesh.Providers.AppMesh.Mapping;

/// <summary>
/// <c>weightedTargets</c> → backends: each node resolved to its service and subset by the caller (against the router's host),
/// weights 0–100 and the target <c>port</c>. A target whose node is not in the input is reported at its reference and left out.
/// </summary>
internal static partial class TargetMapping
{
    /// <summary>The backends of <paramref name="action"/>; null when the input is invalid.</summary>
    public static List<WeightedBackend>? ToModel(RouteAction? action, Func<AppMeshReference, NodeTarget?> resolve, string source, string path, ImportContext ctx)
    {
        var targets = action?.WeightedTargets;
        if (targets is not { Count: > 0 })
        {
            ctx.Invalid(source, path + ".weightedTargets", "A route action needs at least one weighted target.");
            return null;
        }
        var backends = new List<WeightedBackend>();
        for (var i = 0; i < targets.Count; i++)
        {
            var at = $"{path}.weightedTargets[{i}]";
            if (targets[i] is not { } target) continue;
            if (target.Weight is not { } weight || weight is < 0 or > Weights.Max)
            {
                ctx.Invalid(source, at + ".weight", string.Create(CultureInfo.InvariantCulture, $"A target's weight is a whole number from 0 to {Weights.Max}."));
                return null;
            }
            if (target.Port is { } port && port is < 1 or > 65535)
            {
                ctx.Invalid(source, at + ".port", "A target port is between 1 and 65535.");
                return null;
            }
            if (target.VirtualNodeRef is not { } reference)
            {
                if (target.VirtualNodeArn is not null) ctx.NotImported(source, at + ".virtualNodeARN", "A node named by ARN lives outside the input; the target was left out.");
                else ctx.Invalid(source, at, "A weighted target names a virtual node.");
                continue;
            }
            if (target.VirtualNodeArn is not null) ctx.NotImportedInfo(source, at + ".virtualNodeARN", "The ARN is the controller's; the reference is read.");
            if (string.IsNullOrEmpty(reference.Name))
            {
                ctx.Invalid(source, at + ".virtualNodeRef.name", "The reference names no virtual node.");
                return null;
            }
            if (resolve(reference) is not { } node)
            {
                ctx.NotImported(source, at + ".virtualNodeRef.name", $"Virtual node {reference.Name} is not in the input; the target was left out.");
                continue;
            }
            backends.Add(new WeightedBackend { Service = node.Service, Subset = node.Subset, Port = target.Port, Weight = weight });
        }
        return backends;
    }
}
