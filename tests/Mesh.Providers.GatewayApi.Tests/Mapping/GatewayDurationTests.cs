using System.Text.RegularExpressions;
using CsCheck;
using Mesh.Providers.GatewayApi.Mapping;

namespace Mesh.Providers.GatewayApi.Tests.Mapping;

/// <summary>GEP-2257 durations: what is written matches the CRDs' pattern, and reads back to the same value.</summary>
public sealed partial class GatewayDurationTests
{
    [GeneratedRegex(DurationMapping.Pattern)]
    private static partial Regex CrdPattern();

    [Theory]
    [InlineData(1500, "1s500ms")]
    [InlineData(10_000, "10s")]
    [InlineData(90 * 60_000, "1h30m")]
    [InlineData(0, "0s")]
    [InlineData(3_723_004, "1h2m3s4ms")]
    [InlineData(250, "250ms")]
    public void Format_WritesHoursMinutesSecondsMilliseconds(long milliseconds, string expected)
    {
        Assert.True(DurationMapping.TryFormat(TimeSpan.FromMilliseconds(milliseconds), out var text));
        Assert.Equal(expected, text);
    }

    [Fact]
    public void Format_MatchesTheCrdPatternAndRoundTrips() =>
        Gen.Long[0, 99_999L * 3_600_000].Sample(ms =>
        {
            var value = TimeSpan.FromMilliseconds(ms);
            Assert.True(DurationMapping.TryFormat(value, out var text));
            Assert.Matches(CrdPattern(), text);
            Assert.True(DurationMapping.TryParse(text, out var back));
            Assert.Equal(value, back);
        }, iter: 2000);

    [Fact]
    public void Format_ReportsSubMillisecondAndTooLongValues()
    {
        Assert.False(DurationMapping.TryFormat(TimeSpan.FromTicks(15_000), out var rounded));
        Assert.Equal("1ms", rounded);
        Assert.False(DurationMapping.TryFormat(TimeSpan.FromHours(100_000), out var capped));
        Assert.Matches(CrdPattern(), capped);
    }

    [Theory]
    [InlineData("1.5s")]
    [InlineData("-1s")]
    [InlineData("1us")]
    [InlineData("123456s")]
    [InlineData("1h1m1s1ms1h")]
    [InlineData("s")]
    [InlineData("")]
    [InlineData("10")]
    public void Parse_RejectsWhatThePatternRejects(string text)
    {
        Assert.False(DurationMapping.TryParse(text, out _));
        Assert.DoesNotMatch(CrdPattern(), text);
    }

    [Fact]
    public void Parse_AcceptsExactlyWhatThePatternAccepts() =>
        Gen.String[Gen.Char["0123456789hms."], 1, 12].Sample(text =>
            Assert.Equal(CrdPattern().IsMatch(text), DurationMapping.TryParse(text, out _)), iter: 3000);
}
