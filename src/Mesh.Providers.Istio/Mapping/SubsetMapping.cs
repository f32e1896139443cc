using Mesh.Collections;
using Mesh.Model;
using Mesh.Providers.Istio.Translation;

namespace Mesh.Providers.Istio.Mapping;

/// <summary>
/// A service's subsets ↔ the <c>subsets</c> of its <c>DestinationRule</c> (name and labels). A subset's traffic policy is a
/// destination policy, placed by <see cref="DestinationRuleMapping"/>.
/// </summary>
internal static class SubsetMapping
{
    public static List<Resources.Subset> ToIstio(EquatableArray<Model.Subset> subsets) =>
        [.. subsets.Select(s => new Resources.Subset { Name = s.Name, Labels = Lists.OrNull(s.Labels) })];

    /// <summary><paramref name="existing"/> subsets of <paramref name="service"/> and the rule's; a name defined again keeps its first definition.</summary>
    public static EquatableArray<Model.Subset> ToModel(List<Resources.Subset>? subsets, ServiceRef service, EquatableArray<Model.Subset> existing, string source, IstioImportContext ctx)
    {
        var result = existing.ToList();
        for (var i = 0; i < (subsets?.Count ?? 0); i++)
        {
            if (subsets![i] is not { } subset) continue;
            if (string.IsNullOrEmpty(subset.Name))
            {
                ctx.Invalid(source, $"$.spec.subsets[{i}].name", "A subset needs a name.");
                continue;
            }
            if (result.Any(x => x.Name == subset.Name))
            {
                ctx.NotImported(source, $"$.spec.subsets[{i}]", $"Subset '{subset.Name}' of '{service}' is already defined; this definition was not imported.");
                continue;
            }
            result.Add(new Model.Subset { Name = subset.Name, Labels = (subset.Labels ?? []).Where(e => e.Value is not null).ToEquatableMap() });
        }
        return [.. result];
    }
}
