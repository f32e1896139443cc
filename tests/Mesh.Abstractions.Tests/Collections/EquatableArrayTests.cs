using CsCheck;
using Mesh.Collections;

namespace Mesh.Abstractions.Tests.Collections;

public class EquatableArrayTests
{
    [Fact]
    public void Arrays_WithEqualItems_AreEqualAndHashAlike()
    {
        EquatableArray<string> a = ["x", "y"];
        EquatableArray<string> b = new(new List<string> { "x", "y" });
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Default_IsEmpty_AndEqualToEmptyLiteral()
    {
        EquatableArray<int> unset = default;
        Assert.True(unset.IsEmpty);
        Assert.Equal(unset, (EquatableArray<int>)[]);
        Assert.Empty(unset);
    }

    [Fact]
    public void Order_Matters()
    {
        EquatableArray<int> a = [1, 2];
        EquatableArray<int> b = [2, 1];
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Equality_AgreesWithSequenceEquality() =>
        Gen.Int[0, 3].Array[0, 5].Select(Gen.Int[0, 3].Array[0, 5]).Sample((x, y) =>
        {
            EquatableArray<int> a = x, b = y;
            return a.Equals(b) == x.SequenceEqual(y) && (!a.Equals(b) || a.GetHashCode() == b.GetHashCode());
        });

    [Fact]
    public void Map_IgnoresInsertionOrder() =>
        Gen.Dictionary(Gen.String[Gen.Char.AlphaNumeric, 1, 3], Gen.Int[0, 9])[0, 6].Sample(d =>
        {
            var forward = new EquatableMap<int>(d);
            var backward = new EquatableMap<int>(d.Reverse());
            return forward == backward && forward.GetHashCode() == backward.GetHashCode() && forward.Keys.SequenceEqual(d.Keys.Order(StringComparer.Ordinal));
        });

    [Fact]
    public void Map_KeepsTheLastOfDuplicateKeysInOrdinalOrder() =>
        Gen.Select(Gen.String[Gen.Char['A', 'c'], 0, 3], Gen.Int[0, 9]).Array[0, 80].Sample(entries =>
        {
            var reference = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (var (key, value) in entries) reference[key] = value;
            var pairs = entries.Select(e => KeyValuePair.Create(e.Item1, e.Item2)).ToArray();
            var fromSequence = new EquatableMap<int>(pairs.Select(p => p));
            var fromSpan = EquatableMap.Create<int>(pairs);
            return fromSequence.SequenceEqual(reference) && fromSpan.SequenceEqual(reference) && fromSequence.Count == reference.Count
                && reference.All(e => fromSequence.TryGetValue(e.Key, out var v) && v == e.Value);
        });

    [Fact]
    public void Map_RejectsANullKey() =>
        Assert.Throws<ArgumentNullException>(() => new EquatableMap<int>([KeyValuePair.Create("a", 1), KeyValuePair.Create<string, int>(null!, 2)]));

    [Fact]
    public void WorkloadLabels_AreTheSelectorWithTheSubsetsLabelsOverriding()
    {
        var labels = Gen.Dictionary(Gen.String[Gen.Char['a', 'f'], 1, 2], Gen.String[Gen.Char['0', '3'], 0, 2])[0, 6];
        Gen.Select(labels, labels).Sample((selector, subsetLabels) =>
        {
            var service = new Mesh.Model.MeshService
            {
                Name = "svc",
                Namespace = "ns",
                Selector = new EquatableMap<string>(selector),
                Subsets = [new Mesh.Model.Subset { Name = "s", Labels = new EquatableMap<string>(subsetLabels) }],
            };
            var expected = new SortedDictionary<string, string>(service.EffectiveSelector.ToDictionary(e => e.Key, e => e.Value), StringComparer.Ordinal);
            foreach (var (key, value) in subsetLabels) expected[key] = value;
            var actual = service.WorkloadLabels("s")!.Value;
            return actual.SequenceEqual(expected) && actual == new EquatableMap<string>(expected) && service.WorkloadLabels("missing") is null;
        });
    }
}
