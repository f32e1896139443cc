using System.Globalization;
using Mesh.Collections;

namespace Mesh.Analysis;

/// <summary>One object of a model list with its index in the model as given.</summary>
internal readonly record struct Indexed<T>(T Item, int Index);

/// <summary>Pairs the objects of two model lists by identity, whatever their order.</summary>
internal static class KeyedPairs
{
    /// <summary>
    /// The pairs: every object of <paramref name="desired"/> (in order) with the live object of the same key or null, then every
    /// live object left (in order) with null. Null items and items <paramref name="include"/> refuses are left out; a key seen
    /// twice in one list is told apart by its occurrence (<c>key #2</c>), so duplicates pair in order.
    /// </summary>
    public static List<(Indexed<T>? Desired, Indexed<T>? Live, string Key)> Pair<T>(
        EquatableArray<T> desired, EquatableArray<T> live, Func<T, string> key, Func<T, bool>? include = null) where T : class
    {
        var liveByKey = new Dictionary<string, Indexed<T>>(StringComparer.Ordinal);
        var liveOrder = new List<string>();
        foreach (var (k, item) in Keys(live, key, include))
        {
            liveByKey[k] = item;
            liveOrder.Add(k);
        }
        var pairs = new List<(Indexed<T>?, Indexed<T>?, string)>();
        var paired = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (k, item) in Keys(desired, key, include))
        {
            if (liveByKey.TryGetValue(k, out var other))
            {
                paired.Add(k);
                pairs.Add((item, other, k));
            }
            else
            {
                pairs.Add((item, null, k));
            }
        }
        foreach (var k in liveOrder)
        {
            if (!paired.Contains(k)) pairs.Add((null, liveByKey[k], k));
        }
        return pairs;
    }

    private static IEnumerable<(string Key, Indexed<T> Item)> Keys<T>(EquatableArray<T> items, Func<T, string> key, Func<T, bool>? include) where T : class
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } item || (include is not null && !include(item))) continue;
            var k = key(item);
            var count = seen.GetValueOrDefault(k) + 1;
            seen[k] = count;
            yield return (count == 1 ? k : $"{k} #{count.ToString(CultureInfo.InvariantCulture)}", new Indexed<T>(item, i));
        }
    }
}
