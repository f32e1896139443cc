using Mesh.Model;

namespace Mesh.Abstractions.Tests.Model;

public class ServiceRefTests
{
    [Theory]
    [InlineData("reviews.bookinfo", "reviews", "bookinfo")]
    [InlineData("a.b", "a", "b")]
    public void Parses_NameDotNamespace(string text, string name, string ns)
    {
        Assert.True(ServiceRef.TryParse(text, out var parsed));
        Assert.Equal(new ServiceRef(name, ns), parsed);
        Assert.Equal(text, parsed.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("reviews")]
    [InlineData(".bookinfo")]
    [InlineData("reviews.")]
    [InlineData("reviews.bookinfo.svc")]
    public void Rejects_MalformedReferences(string? text)
    {
        Assert.False(ServiceRef.TryParse(text, out _));
        if (text is not null) Assert.Throws<FormatException>(() => ServiceRef.Parse(text));
    }

    [Fact]
    public void Fqdn_UsesClusterDomain() =>
        Assert.Equal("reviews.bookinfo.svc.cluster.local", new ServiceRef("reviews", "bookinfo").ToFqdn());

    [Theory]
    [InlineData("bookinfo/bookinfo-reviews", true)]
    [InlineData("bookinfo", false)]
    [InlineData("a/b/c", false)]
    [InlineData("/b", false)]
    public void ServiceAccountRef_ParsesNamespaceSlashName(string text, bool ok)
    {
        Assert.Equal(ok, ServiceAccountRef.TryParse(text, out var parsed));
        if (ok) Assert.Equal(text, parsed.ToString());
    }
}
