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

    [Theory]
    [InlineData("${APP_NAMESPACE}", true)]
    [InlineData("web-${ENV}", true)]
    [InlineData("${A}${B}", true)]
    [InlineData("${}", false)]
    [InlineData("${1A}", false)]
    [InlineData("$APP", false)]
    [InlineData("${APP", false)]
    [InlineData("-${APP}", false)]
    [InlineData("${APP}_x", false)]
    public void IsDnsLabel_TakesATemplatePlaceholderAsAFragment(string text, bool expected)
    {
        Assert.Equal(expected, DnsNames.IsDnsLabel(text));
        Assert.Equal(expected, DnsNames.IsHostName($"front.{text}.svc.cluster.local"));
    }

    [Fact]
    public void Substitute_ReplacesEveryPlaceholder_AndLeavesOtherDollarsAlone()
    {
        Assert.Equal("a-x.b-x", TemplatePlaceholders.Substitute("a-${X}.b-${Y_1}"));
        Assert.Equal("$HOME-${}-${1}", TemplatePlaceholders.Substitute("$HOME-${}-${1}"));
        Assert.False(TemplatePlaceholders.Contains("$HOME ${ x}"));
        Assert.True(TemplatePlaceholders.Contains("color.${APP_NAMESPACE}.svc"));
    }
}
