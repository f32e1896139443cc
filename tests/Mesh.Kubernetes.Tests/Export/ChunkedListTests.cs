using CsCheck;
using Mesh.Kubernetes;

namespace Mesh.Kubernetes.Tests.Export;

/// <summary>The chunked diagnostics list reads back exactly what was added, across the growth of its first chunk and chunk boundaries.</summary>
public sealed class ChunkedListTests
{
    [Fact]
    public void IndexerAndEnumerator_GiveBackWhatWasAdded()
    {
        Gen.Int[0, 13_000].Sample(count =>
        {
            var list = new ChunkedList<int>();
            for (var i = 0; i < count; i++) list.Add(i * 7);
            Assert.Equal(count, list.Count);
            Assert.Equal(Enumerable.Range(0, count).Select(i => i * 7), list);
            for (var i = 0; i < count; i += 97) Assert.Equal(i * 7, list[i]);
            if (count > 0) Assert.Equal((count - 1) * 7, list[count - 1]);
            Assert.Throws<ArgumentOutOfRangeException>(() => list[count]);
            Assert.Throws<ArgumentOutOfRangeException>(() => list[-1]);
        }, iter: 200);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(4096)]
    [InlineData(4097)]
    [InlineData(8192)]
    public void Boundaries(int count)
    {
        var list = new ChunkedList<string>();
        for (var i = 0; i < count; i++) list.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("0", list[0]);
        Assert.Equal((count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), list[count - 1]);
        var enumerated = 0;
        foreach (var _ in list) enumerated++;
        Assert.Equal(count, enumerated);
    }
}
