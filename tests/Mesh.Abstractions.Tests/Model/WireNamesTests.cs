using Mesh.Model;

namespace Mesh.Abstractions.Tests.Model;

public class WireNamesTests
{
    [Theory]
    [InlineData(RetryCondition.ServerError, "5xx")]
    [InlineData(RetryCondition.GatewayError, "gateway-error")]
    [InlineData(RetryCondition.ConnectFailure, "connect-failure")]
    [InlineData(RetryCondition.RefusedStream, "refused-stream")]
    [InlineData(RetryCondition.Retriable4xx, "retriable-4xx")]
    [InlineData(RetryCondition.RetriableStatusCodes, "retriable-status-codes")]
    [InlineData(RetryCondition.DeadlineExceeded, "deadline-exceeded")]
    [InlineData(RetryCondition.ResourceExhausted, "resource-exhausted")]
    [InlineData(RetryCondition.Unavailable, "unavailable")]
    public void RetryConditions_UseEnvoyNames(RetryCondition condition, string name)
    {
        Assert.Equal(name, WireNames.Of(condition));
        Assert.True(WireNames.TryParse<RetryCondition>(name, out var parsed));
        Assert.Equal(condition, parsed);
    }

    [Fact]
    public void OtherEnums_UseCamelCase()
    {
        Assert.Equal("http2", WireNames.Of(Protocol.Http2));
        Assert.Equal("roundRobin", WireNames.Of(LoadBalancerAlgorithm.RoundRobin));
        Assert.Equal("sourceIp", WireNames.Of(HashKey.SourceIp));
        Assert.Equal("strict", WireNames.Of(MtlsMode.Strict));
        Assert.Equal(["exact", "prefix", "regex", "present", "absent"], WireNames.All<ValueMatchKind>());
    }

    [Fact]
    public void Parsing_IsCaseSensitive_AndRejectsUnknownNames()
    {
        Assert.False(WireNames.TryParse<Protocol>("HTTP", out _));
        Assert.False(WireNames.TryParse<Protocol>("udp", out _));
        Assert.False(WireNames.TryParse<Protocol>(null, out _));
    }

    [Fact]
    public void EveryEnumValue_RoundTrips()
    {
        AssertRoundTrip<Protocol>();
        AssertRoundTrip<RetryCondition>();
        AssertRoundTrip<PathMatchKind>();
        AssertRoundTrip<ValueMatchKind>();
        AssertRoundTrip<LoadBalancerAlgorithm>();
        AssertRoundTrip<HashKey>();
        AssertRoundTrip<MtlsMode>();
        AssertRoundTrip<AccessAction>();
        AssertRoundTrip<Resolution>();

        static void AssertRoundTrip<T>() where T : struct, Enum
        {
            foreach (var value in Enum.GetValues<T>())
            {
                Assert.True(WireNames.TryParse<T>(WireNames.Of(value), out var back));
                Assert.Equal(value, back);
            }
        }
    }
}
