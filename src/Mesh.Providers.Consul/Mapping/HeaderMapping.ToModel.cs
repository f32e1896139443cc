using Mesh.Model;
using Mesh.Providers.Consul.Resources;

namespace Mesh.Providers.Consul.Mapping;

/// <summary>Consul header modifiers → model: set, add and remove one to one.</summary>
internal static partial class HeaderMapping
{
    public static HeaderModifier? ToModel(HttpHeaderModifiers? modifiers)
    {
        if (modifiers is null || ((modifiers.Set?.Count ?? 0) == 0 && (modifiers.Add?.Count ?? 0) == 0 && (modifiers.Remove?.Count ?? 0) == 0)) return null;
        return new HeaderModifier
        {
            Set = modifiers.Set is { Count: > 0 } set ? new Dictionary<string, string>(set, StringComparer.Ordinal) : null,
            Add = modifiers.Add is { Count: > 0 } add ? new Dictionary<string, string>(add, StringComparer.Ordinal) : null,
            Remove = modifiers.Remove is { Count: > 0 } remove ? [.. remove] : default,
        };
    }
}
