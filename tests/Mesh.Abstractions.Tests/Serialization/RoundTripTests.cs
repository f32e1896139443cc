using CsCheck;
using Mesh.Model;
using Mesh.Serialization;
using Mesh.Testing;

namespace Mesh.Abstractions.Tests.Serialization;

public class RoundTripTests
{
    private const int Iterations = 500;

    [Fact]
    public void Yaml_ReadOfWrite_GivesTheSameModel()
    {
        MeshGenerators.Config.Sample(config =>
        {
            var yaml = MeshYaml.Write(config);
            var result = MeshYaml.Read(yaml);
            Assert.True(result.Diagnostics.Count == 0, string.Join("\n", result.Diagnostics) + "\n" + yaml);
            Assert.Equal(config, result.Config);
        }, iter: Iterations);
    }

    [Fact]
    public void Json_ReadOfWrite_GivesTheSameModel()
    {
        MeshGenerators.Config.Sample(config =>
        {
            var json = MeshJson.Write(config);
            var result = MeshJson.Read(json);
            Assert.True(result.Diagnostics.Count == 0, string.Join("\n", result.Diagnostics) + "\n" + json);
            Assert.Equal(config, result.Config);
        }, iter: Iterations);
    }

    [Fact]
    public void Write_IsDeterministic()
    {
        MeshGenerators.Config.Sample(config =>
        {
            var copy = MeshYaml.Read(MeshYaml.Write(config)).Config!;
            Assert.Equal(MeshYaml.Write(config), MeshYaml.Write(copy));
            Assert.Equal(MeshJson.Write(config), MeshJson.Write(copy));
        }, iter: 200);
    }

    [Fact]
    public void Normalize_IsIdempotent_AndSurvivesTheRoundTrip()
    {
        MeshGenerators.Config.Sample(config =>
        {
            var normal = config.Normalize();
            Assert.Equal(normal, normal.Normalize());
            Assert.Equal(normal, MeshYaml.Read(MeshYaml.Write(normal)).Config);
            Assert.Equal(normal, MeshJson.Read(MeshJson.Write(normal)).Config);
        }, iter: Iterations);
    }

    [Fact]
    public void Yaml_AndJson_ReadToTheSameModel()
    {
        MeshGenerators.Config.Sample(config =>
            Assert.Equal(MeshYaml.Read(MeshYaml.Write(config)).Config, MeshJson.Read(MeshJson.Write(config)).Config), iter: 200);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("1.0")]
    [InlineData("~")]
    [InlineData("yes")]
    [InlineData("")]
    [InlineData("0x1F")]
    [InlineData("1e3")]
    public void Strings_ThatLookLikeOtherTypes_AreQuoted_AndReadBackAsStrings(string value)
    {
        var config = new MeshConfig
        {
            Name = "m",
            Services = [new MeshService { Name = "a", Namespace = "b", Subsets = [new Subset { Name = "v1", Labels = new Dictionary<string, string> { ["version"] = value } }] }],
        };
        var yaml = MeshYaml.Write(config);
        Assert.Contains($"version: \"{value}\"", yaml, StringComparison.Ordinal);
        Assert.Equal(config, MeshYaml.Read(yaml).Config);
        Assert.Equal(config, MeshJson.Read(MeshJson.Write(config)).Config);
    }

    [Fact]
    public void DataKeys_ThatLookLikeOtherTypes_AreQuoted_ButPropertyKeysAreNot()
    {
        var config = new MeshConfig
        {
            Name = "m",
            Services = [new MeshService { Name = "a", Namespace = "b", Subsets = [new Subset { Name = "2", Labels = new Dictionary<string, string> { ["true"] = "x", ["on"] = "z" } }] }],
            Routes = [new HttpRoute { Name = "r", Namespace = "b", Host = new ServiceRef("a", "b"), Rules = [new HttpRouteRule { Retry = new RetryPolicy { Attempts = 1, On = [RetryCondition.Reset] } }] }],
        };
        var yaml = MeshYaml.Write(config);
        Assert.Contains("\"2\":", yaml, StringComparison.Ordinal);
        Assert.Contains("\"true\": x", yaml, StringComparison.Ordinal);
        Assert.Contains("\"on\": z", yaml, StringComparison.Ordinal);
        Assert.Contains("\n            on:\n", yaml, StringComparison.Ordinal);
        Assert.Equal(config, MeshYaml.Read(yaml).Config);
    }

    [Fact]
    public void Json_CompactTabbedAndEscaped_IsRead()
    {
        var compact = "{\"kind\":\"Mesh\",\"metadata\":{\"name\":\"m\"},\"spec\":{\"services\":[{\"name\":\"a\",\"namespace\":\"b\",\"ports\":[{\"port\":80,\"protocol\":\"http\"}]}]}}";
        Assert.Equal(80, MeshJson.Read(compact).Config!.Services[0].Ports[0].Port);
        var tabbed = "{\n\t\"kind\": \"Mesh\",\n\t\"metadata\": {\n\t\t\"name\": \"\\ud83d\\ude00\\u00e9\"\n\t}\n}\n";
        Assert.Equal("\U0001F600é", MeshJson.Read(tabbed).Config!.Name);
    }

    [Theory]
    [InlineData("tab\there")]
    [InlineData("emoji \U0001F600 and é")]
    [InlineData("control \u0001 char")]
    [InlineData("line\nbreak")]
    [InlineData("  leading and trailing  ")]
    [InlineData("quote \" and backslash \\")]
    [InlineData("# not a comment")]
    [InlineData("key: value")]
    [InlineData("- item")]
    [InlineData("\u00A0nbsp\u2028ls")]
    // Found by WriterFuzzTests: leading tabs were written plain and read back without them.
    [InlineData("\t\ttabs")]
    [InlineData("tabs\t")]
    [InlineData("\u00A0edges\u3000")]
    public void Strings_WithSpecialCharacters_RoundTripInBothForms(string value)
    {
        var config = new MeshConfig
        {
            Name = "m",
            Services = [new MeshService { Name = "a", Namespace = "b", Subsets = [new Subset { Name = "v1", Labels = new Dictionary<string, string> { ["k"] = value } }] }],
        };
        Assert.Equal(config, MeshYaml.Read(MeshYaml.Write(config)).Config);
        Assert.Equal(config, MeshJson.Read(MeshJson.Write(config)).Config);
    }
}
