using Mesh.Validation;

namespace Mesh.Abstractions.Tests.Validation;

public class DnsNamesTests
{
    [Theory]
    [InlineData("reviews", true)]
    [InlineData("a-1", true)]
    [InlineData("Reviews", false)]
    [InlineData("-a", false)]
    [InlineData("a-", false)]
    [InlineData("", false)]
    [InlineData("a.b", false)]
    public void IsDnsLabel_FollowsDns1123(string text, bool expected) => Assert.Equal(expected, DnsNames.IsDnsLabel(text));

    [Theory]
    [InlineData("api.example.com", true)]
    [InlineData("API.Example.COM", true)]
    [InlineData("*.example.com", true)]
    [InlineData("*", false)]
    [InlineData("a.*.com", false)]
    [InlineData("example..com", false)]
    [InlineData("exa_mple.com", false)]
    public void IsHostName_IsCaseInsensitive_WithALeadingWildcardOnly(string text, bool expected) => Assert.Equal(expected, DnsNames.IsHostName(text));

    [Fact]
    public void IsHostName_RejectsNamesLongerThan253()
    {
        var label = new string('a', 63);
        Assert.True(DnsNames.IsHostName(string.Join('.', label, label, label, new string('a', 61))));
        Assert.False(DnsNames.IsHostName(string.Join('.', label, label, label, new string('a', 62))));
    }
}
