using CsCheck;
using Mesh.Serialization;

namespace Mesh.Abstractions.Tests.Serialization;

public class MeshDurationTests
{
    [Theory]
    [InlineData(3_600_000L, "1h")]
    [InlineData(60_000L, "1m")]
    [InlineData(90_000L, "90s")]
    [InlineData(1_500L, "1500ms")]
    [InlineData(500L, "500ms")]
    [InlineData(2_000L, "2s")]
    [InlineData(7_200_000L, "2h")]
    [InlineData(5_400_000L, "90m")]
    [InlineData(0L, "0s")]
    public void Format_UsesTheLargestExactUnit(long milliseconds, string expected) =>
        Assert.Equal(expected, MeshDuration.Format(TimeSpan.FromMilliseconds(milliseconds)));

    [Theory]
    [InlineData("1h", 3_600_000L)]
    [InlineData("1m", 60_000L)]
    [InlineData("90s", 90_000L)]
    [InlineData("1500ms", 1_500L)]
    [InlineData("1m30s", 90_000L)]
    [InlineData("1h2m3s4ms", 3_723_004L)]
    [InlineData("1.5s", 1_500L)]
    [InlineData("0.25s", 250L)]
    [InlineData("2.5m", 150_000L)]
    [InlineData("0s", 0L)]
    [InlineData("007ms", 7L)]
    public void TryParse_AcceptsUnitsCombinationsAndDecimals(string text, long milliseconds)
    {
        Assert.True(MeshDuration.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("5 seconds")]
    [InlineData("5 s")]
    [InlineData("-1s")]
    [InlineData("+1s")]
    [InlineData("1us")]
    [InlineData("1ns")]
    [InlineData("1d")]
    [InlineData("1.5ms")]
    [InlineData("0.0001s")]
    [InlineData("1S")]
    [InlineData("s")]
    [InlineData(".5s")]
    [InlineData("5.s")]
    [InlineData("1.2.3s")]
    [InlineData("99999999999999999999999h")]
    [InlineData("PT1S")]
    public void TryParse_RejectsEverythingElse(string? text)
    {
        Assert.False(MeshDuration.TryParse(text, out var value));
        Assert.Equal(TimeSpan.Zero, value);
    }

    [Fact]
    public void SubMillisecondAndNegative_FormatButDoNotParse()
    {
        Assert.Equal("0.5ms", MeshDuration.Format(TimeSpan.FromTicks(5_000)));
        Assert.Equal("-1s", MeshDuration.Format(TimeSpan.FromSeconds(-1)));
        Assert.False(MeshDuration.TryParse(MeshDuration.Format(TimeSpan.FromTicks(5_000)), out _));
        Assert.False(MeshDuration.TryParse(MeshDuration.Format(TimeSpan.FromSeconds(-1)), out _));
        Assert.StartsWith("-", MeshDuration.Format(TimeSpan.MinValue), StringComparison.Ordinal);
    }

    [Fact]
    public void FormatThenParse_RoundTripsWholeMilliseconds()
    {
        Gen.Long[0, (long)TimeSpan.MaxValue.TotalMilliseconds - 1].Sample(ms =>
        {
            var span = TimeSpan.FromMilliseconds(ms);
            Assert.True(MeshDuration.TryParse(MeshDuration.Format(span), out var parsed), MeshDuration.Format(span));
            Assert.Equal(span, parsed);
        }, iter: 10_000);
    }

    [Fact]
    public void ParseThenFormat_IsCanonical()
    {
        Gen.Select(Gen.Int[0, 99], Gen.Int[0, 59], Gen.Int[0, 59], Gen.Int[0, 999]).Sample((h, m, s, ms) =>
        {
            var text = $"{h}h{m}m{s}s{ms}ms";
            Assert.True(MeshDuration.TryParse(text, out var value));
            Assert.True(MeshDuration.TryParse(MeshDuration.Format(value), out var again));
            Assert.Equal(value, again);
            Assert.Equal(new TimeSpan(0, h, m, s, ms), value);
        }, iter: 2_000);
    }
}
