using Mesh.Analysis;

namespace Mesh.Abstractions.Tests.Analysis;

public class ShareTests
{
    [Fact]
    public void Shares_AreKeptInLowestTerms_SoEqualFractionsAreEqual()
    {
        Assert.Equal(new Share(4, 5), new Share(80, 100));
        Assert.Equal((4L, 5L), (new Share(80, 100).Numerator, new Share(80, 100).Denominator));
        Assert.Equal(new Share(4, 5).GetHashCode(), new Share(8, 10).GetHashCode());
        Assert.NotEqual(new Share(1, 3), new Share(3333, 10000));
    }

    [Fact]
    public void Default_IsZero_AndEqualsEveryZeroShare()
    {
        Assert.Equal(Share.Zero, default);
        Assert.Equal(Share.Zero, new Share(0, 7));
        Assert.Equal(1, default(Share).Denominator);
        Assert.True(default(Share).IsZero);
        Assert.Equal(new Share(5, 5), Share.All);
    }

    [Theory]
    [InlineData(4, 5, "80%")]
    [InlineData(1, 3, "33.33%")]
    [InlineData(2, 3, "66.67%")]
    [InlineData(1, 1, "100%")]
    [InlineData(0, 1, "0%")]
    [InlineData(1, 8, "12.5%")]
    [InlineData(1, 100000, "0.001%")]
    [InlineData(99999, 100000, "99.999%")]
    public void ToString_IsAPercentage_ThatNeverShowsANonZeroShareAsZero(long numerator, long denominator, string expected) =>
        Assert.Equal(expected, new Share(numerator, denominator).ToString());

    [Fact]
    public void FromPercentage_IsExact()
    {
        Assert.Equal(new Share(1, 8), Share.FromPercentage(12.5m));
        Assert.Equal(new Share(3333, 10000), Share.FromPercentage(33.33m));
        Assert.Equal(Share.All, Share.FromPercentage(100m));
        Assert.Equal(Share.Zero, Share.FromPercentage(0m));
        Assert.Equal(12.5m, new Share(1, 8).ToPercentage());
    }

    [Fact]
    public void Rejects_NegativeParts_AndPercentagesOutsideZeroToHundred()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Share(-1, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Share(1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Share.FromPercentage(-0.5m));
        Assert.Throws<ArgumentOutOfRangeException>(() => Share.FromPercentage(100.01m));
    }
}
