using System.Collections;
using System.Reflection;

namespace Mesh.Testing;

/// <summary>
/// Structural mutations of typed objects (a provider's Kubernetes resources, read from real manifests), for in-process fuzzing
/// of <c>ITranslator.Import</c>: any settable property or list item, found by reflection, made null, an empty or null-holding
/// list, a list of one item repeated 1,000 times, a huge or negative number, a giant or control-character string, an
/// unknown enum-like value or an object of the wrong type; and the resource list given nulls, duplicates, objects of other
/// kinds, objects without metadata or without a name. Each mutation is chosen by plain integers, so a CsCheck seed replays it,
/// and named, so a failure says what was done.
/// </summary>
public static class ObjectMutations
{
    private static readonly string Giant = new('x', 100_000);

    private static readonly string?[] Strings =
    [
        null, "", Giant, "\u0000\u0001\u001b[31m", "\uD800", "NOT_A_VALUE", "HTTP", "tcp", "ALL", "-1", "99999999999999999999",
        "1e400", "NaN", "-5s", "1h1h", "*", "*.*", "..", "/", "a/b/c", "é\U0001F600", "line\nbreak", "  ", "UPPER.Case_name",
        "default", "http://", "0",
    ];

    private static readonly object?[] Objects =
        [null, "x", 42, -1, long.MaxValue, true, 1.5, new object(), new List<object?> { null }, "", Giant, double.NaN];

    /// <summary>
    /// Applies one mutation, chosen by <paramref name="kind"/>, <paramref name="a"/> and <paramref name="b"/>, to
    /// <paramref name="resources"/> (the objects and the list both change).
    /// </summary>
    /// <param name="resources">The resources to import.</param>
    /// <param name="kind">Which mutation (any integer).</param>
    /// <param name="a">Where (any integer).</param>
    /// <param name="b">With what (any integer).</param>
    /// <param name="others">Objects the mutation may add: other providers' kinds and unrelated types.</param>
    /// <returns>What was done.</returns>
    public static string Apply(List<object?> resources, int kind, int a, int b, IReadOnlyList<object?> others)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(others);
        switch (Math.Abs(kind % 14))
        {
            case 6:
                resources.Insert(a % (resources.Count + 1), null);
                return "a null resource inserted";
            case 7 when resources.Count > 0:
                var original = a % resources.Count;
                var copy = resources[original];
                resources.Insert(b % (resources.Count + 1), copy);
                return $"resource {original} ({Describe(copy)}) duplicated";
            case 8 when others.Count > 0:
                var other = others[b % others.Count];
                resources.Insert(a % (resources.Count + 1), other);
                return $"{Describe(other)} inserted";
            case 9 when resources.Count > 0:
                var target = resources[a % resources.Count];
                return Set(target, "Metadata", null) ? $"{Describe(target)}: metadata null" : "no metadata to clear";
            case 10 when resources.Count > 0:
                var named = resources[a % resources.Count];
                var meta = named?.GetType().GetProperty("Metadata")?.GetValue(named);
                var field = b % 3 == 0 ? "Name" : b % 3 == 1 ? "NamespaceProperty" : "GenerateName";
                var value = b % 2 == 0 ? null : Strings[b % Strings.Length];
                return meta is not null && Set(meta, field, value) ? $"{Describe(named)}: metadata.{field} = {Show(value)}" : "no metadata";
            case 11 when resources.Count > 0:
                resources.RemoveAt(a % resources.Count);
                return "a resource removed";
            case 12:
                resources.Reverse();
                return "resources reversed";
            default:
                var slots = new List<Slot>();
                var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
                for (var i = 0; i < resources.Count; i++)
                {
                    if (resources[i] is { } r && IsWalkable(r.GetType())) Walk(r, $"[{i}]", slots, seen, 0);
                }
                if (slots.Count == 0) return "nothing to mutate";
                var slot = slots[a % slots.Count];
                var candidates = ValuesFor(slot.Type, slot.Get());
                if (candidates.Count == 0) return $"{slot.Path}: no value for {slot.Type.Name}";
                var chosen = candidates[b % candidates.Count];
                try
                {
                    slot.Set(chosen.Value);
                }
                catch (Exception e) when (e is ArgumentException or InvalidCastException or TargetInvocationException or NotSupportedException)
                {
                    return $"{slot.Path}: {chosen.What} not settable";
                }
                return $"{slot.Path} = {chosen.What}";
        }
    }

    private sealed record Slot(string Path, Type Type, Func<object?> Get, Action<object?> Set);

    private static bool Set(object? target, string property, object? value)
    {
        var p = target?.GetType().GetProperty(property);
        if (p is null || !p.CanWrite) return false;
        p.SetValue(target, value);
        return true;
    }

    private static string Describe(object? o) => o switch
    {
        null => "null",
        string s => $"the string {Show(s)}",
        _ => o.GetType().GetProperty("Metadata")?.GetValue(o) is { } m && m.GetType().GetProperty("Name")?.GetValue(m) is string n
            ? $"{o.GetType().Name} {Show(n)}"
            : $"a {o.GetType().Name}",
    };

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s when s.Length > 40 => $"\"{s[..10]}…\" ({s.Length} chars)",
        string s => "\"" + s.Replace("\n", "\\n", StringComparison.Ordinal) + "\"",
        _ => value.ToString() ?? value.GetType().Name,
    };

    private static bool IsWalkable(Type type)
    {
        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime)) return false;
        if (typeof(IList).IsAssignableFrom(type) || typeof(IDictionary).IsAssignableFrom(type)) return !type.IsArray;
        var ns = type.Namespace ?? "";
        return ns.StartsWith("Mesh", StringComparison.Ordinal) || ns.StartsWith("k8s", StringComparison.Ordinal);
    }

    private static void Walk(object obj, string path, List<Slot> slots, HashSet<object> seen, int depth)
    {
        if (depth > 24 || !seen.Add(obj)) return;
        switch (obj)
        {
            case IList list:
                var itemType = ItemType(list.GetType()) ?? typeof(object);
                for (var i = 0; i < list.Count; i++)
                {
                    var index = i;
                    slots.Add(new Slot($"{path}[{i}]", itemType, () => list[index], v => list[index] = v));
                    if (list[i] is { } item && IsWalkable(item.GetType())) Walk(item, $"{path}[{i}]", slots, seen, depth + 1);
                }
                return;
            case IDictionary dictionary:
                var valueType = dictionary.GetType().GetGenericArguments() is [_, var v] ? v : typeof(object);
                foreach (var key in dictionary.Keys.Cast<object>().OrderBy(k => k.ToString(), StringComparer.Ordinal).ToList())
                {
                    slots.Add(new Slot($"{path}[{key}]", valueType, () => dictionary[key], v => dictionary[key] = v));
                    if (dictionary[key] is { } item && IsWalkable(item.GetType())) Walk(item, $"{path}[{key}]", slots, seen, depth + 1);
                }
                return;
        }
        foreach (var p in obj.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (p.GetIndexParameters().Length > 0 || !p.CanRead || p.SetMethod is not { IsPublic: true }) continue;
            var property = p;
            slots.Add(new Slot($"{path}.{p.Name}", p.PropertyType, () => property.GetValue(obj), v => property.SetValue(obj, v)));
            if (p.GetValue(obj) is { } value && IsWalkable(value.GetType())) Walk(value, $"{path}.{p.Name}", slots, seen, depth + 1);
        }
    }

    private static Type? ItemType(Type listType) =>
        listType.GetInterfaces().Append(listType).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IList<>))?.GetGenericArguments()[0];

    private static List<(object? Value, string What)> ValuesFor(Type type, object? current)
    {
        var values = new List<(object?, string)>();
        var underlying = Nullable.GetUnderlyingType(type);
        var nullable = !type.IsValueType || underlying is not null;
        var t = underlying ?? type;
        if (nullable) values.Add((null, "null"));
        if (t == typeof(string)) values.AddRange(Strings.Where(s => s is not null).Select(s => ((object?)s, Show(s))));
        else if (t == typeof(int)) values.AddRange(new object?[] { int.MaxValue, int.MinValue, -1, 0, 65536 }.Select(v => (v, Show(v))));
        else if (t == typeof(long)) values.AddRange(new object?[] { long.MaxValue, long.MinValue, -1L, 0L }.Select(v => (v, Show(v))));
        else if (t == typeof(ulong)) values.AddRange(new object?[] { ulong.MaxValue, 0UL }.Select(v => (v, Show(v))));
        else if (t == typeof(uint)) values.AddRange(new object?[] { uint.MaxValue, 0U }.Select(v => (v, Show(v))));
        else if (t == typeof(double)) values.AddRange(new object?[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, -1.0, double.Epsilon }.Select(v => (v, Show(v))));
        else if (t == typeof(float)) values.AddRange(new object?[] { float.NaN, float.PositiveInfinity, float.MaxValue, -1f }.Select(v => (v, Show(v))));
        else if (t == typeof(decimal)) values.AddRange(new object?[] { decimal.MaxValue, decimal.MinValue, -1m, 0.00000001m }.Select(v => (v, Show(v))));
        else if (t == typeof(bool)) values.AddRange(new object?[] { true, false }.Select(v => (v, Show(v))));
        else if (t == typeof(DateTime)) values.AddRange(new object?[] { DateTime.MinValue, DateTime.MaxValue }.Select(v => (v, Show(v))));
        else if (t.IsEnum) values.AddRange(new[] { -1, 999 }.Select(v => ((object?)Enum.ToObject(t, v), $"({t.Name}){v}")));
        else if (t == typeof(object)) values.AddRange(Objects.Select(v => (v, v is null ? "null" : $"{Show(v)} ({v.GetType().Name})")));
        else if (ItemType(t) is { } item && Creatable(t, typeof(List<>).MakeGenericType(item)) is { } listType)
        {
            values.Add((Activator.CreateInstance(listType), "an empty list"));
            if (!item.IsValueType || Nullable.GetUnderlyingType(item) is not null)
            {
                var withNull = (IList)Activator.CreateInstance(listType)!;
                withNull.Add(null);
                if (current is IList { Count: > 0 } existing) withNull.Add(existing[0]);
                values.Add((withNull, "a list holding null"));
            }
            if (current is IList { Count: > 0 } old)
            {
                var repeated = (IList)Activator.CreateInstance(listType)!;
                for (var i = 0; i < 1000; i++) repeated.Add(old[0]);
                values.Add((repeated, "its first item repeated 1,000 times"));
            }
            if (Creatable(item, item) is { } itemType && itemType.GetConstructor(Type.EmptyTypes) is not null)
            {
                var one = (IList)Activator.CreateInstance(listType)!;
                one.Add(Activator.CreateInstance(itemType));
                values.Add((one, $"a list of one empty {item.Name}"));
            }
        }
        else if (t.IsGenericType && t.GetGenericArguments() is [var key, var value] && key == typeof(string)
            && Creatable(t, typeof(Dictionary<,>).MakeGenericType(key, value)) is { } mapType)
        {
            values.Add((Activator.CreateInstance(mapType), "an empty map"));
            if (value == typeof(string))
            {
                foreach (var (k, v) in new[] { ("", "x"), (Giant, "x"), ("k", Giant), ("\u0000", "\uD800"), ("app", "") })
                {
                    var map = (IDictionary)Activator.CreateInstance(mapType)!;
                    map[k] = v;
                    values.Add((map, $"a map {{{Show(k)}: {Show(v)}}}"));
                }
            }
        }
        else if (!t.IsAbstract && !t.IsInterface && t.GetConstructor(Type.EmptyTypes) is not null)
        {
            values.Add((Activator.CreateInstance(t), $"an empty {t.Name}"));
        }
        return values;
    }

    /// <summary><paramref name="concrete"/> when a <paramref name="declared"/> property can hold it, else null.</summary>
    private static Type? Creatable(Type declared, Type concrete) =>
        declared.IsAssignableFrom(concrete) && !concrete.IsAbstract && !concrete.IsInterface ? concrete : null;
}
