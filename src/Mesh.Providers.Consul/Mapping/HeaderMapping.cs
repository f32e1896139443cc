using Mesh.Model;
using Mesh.Providers.Consul.Resources;

namespace Mesh.Providers.Consul.Mapping;

/// <summary>Header modifiers map one to one: set, add (append) and remove.</summary>
internal static partial class HeaderMapping
{
    public static HttpHeaderModifiers? ToConsul(HeaderModifier? modifier)
    {
        if (modifier is null || (modifier.Set.IsEmpty && modifier.Add.IsEmpty && modifier.Remove.Count == 0)) return null;
        return new HttpHeaderModifiers
        {
            Set = modifier.Set.IsEmpty ? null : modifier.Set.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
            Add = modifier.Add.IsEmpty ? null : modifier.Add.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
            Remove = modifier.Remove.Count == 0 ? null : [.. modifier.Remove],
        };
    }
}
