using CsCheck;
using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Mapping;
using Regex = System.Text.RegularExpressions.Regex;
using RegexOptions = System.Text.RegularExpressions.RegexOptions;

namespace Mesh.Providers.GatewayApi.Tests.Mapping;

/// <summary>Prefix and presence matches written as regexes, and read back as what they were.</summary>
public sealed class RegexFormsTests
{
    [Theory]
    [InlineData("red", "^red.*")]
    [InlineData("v1.2 (beta)", @"^v1\.2 \(beta\).*")]
    [InlineData("a|b*", @"^a\|b\*.*")]
    [InlineData("", ".*")]
    public void Prefix_IsAnchoredEscapedAndOpenEnded(string prefix, string regex) => Assert.Equal(regex, RegexForms.Prefix(prefix));

    [Theory]
    [InlineData("^/r/[0-9]+$")]
    [InlineData("^red")]
    [InlineData("red.*")]
    [InlineData("^re.d.*")]
    [InlineData(@"^re\d.*")]
    [InlineData("^.*")]
    public void OtherRegexes_AreNotReadAsPrefixes(string regex) => Assert.Null(RegexForms.ParsePrefix(regex));

    [Fact]
    public void Prefix_ParsesBack_AndMatchesExactlyTheValuesWithThatPrefix() =>
        Gen.Select(Gen.String[Gen.Char["a.|*\\(^$x"], 1, 6], Gen.String[Gen.Char["a.|*\\(^$xy"], 0, 8]).Sample((prefix, value) =>
        {
            var regex = RegexForms.Prefix(prefix);
            Assert.Equal(prefix, RegexForms.ParsePrefix(regex));
            // Full match (Envoy) and unanchored search (Linkerd) agree with StartsWith.
            Assert.Equal(value.StartsWith(prefix, StringComparison.Ordinal), Regex.IsMatch(value, $"^(?:{regex})$", RegexOptions.Singleline));
            Assert.Equal(value.StartsWith(prefix, StringComparison.Ordinal), Regex.IsMatch(value, regex, RegexOptions.Singleline));
        });

    [Fact]
    public void PrefixAndPresentHeaders_AreWrittenAsRegexesWithAWarning_AndImportedBack()
    {
        var host = new ServiceRef("color", "shop");
        var model = new MeshConfig
        {
            Name = "shop",
            Services = [new MeshService { Name = "color", Namespace = "shop", Ports = [new ServicePort { Port = 8080, Protocol = Protocol.Http }] }],
            Routes =
            [
                new HttpRoute
                {
                    Name = "color", Namespace = "shop", Host = host,
                    Rules =
                    [
                        new HttpRouteRule { Matches = [new HttpMatch { Headers = [ValueMatch.Prefix("color", "red")], QueryParams = [ValueMatch.Present("debug")] }], Backends = [new WeightedBackend { Service = host }] },
                        new HttpRouteRule { Matches = [new HttpMatch { Headers = [ValueMatch.Present("color"), ValueMatch.Regex("x-id", "^[0-9]+$")] }], Backends = [new WeightedBackend { Service = host }] },
                    ],
                },
            ],
        };
        var translator = new GatewayApiTranslator();
        var translated = translator.Translate(model);
        var route = Assert.Single(translated.Resources.OfType<Resources.HttpRoute>());
        var first = Assert.Single(route.Spec.Rules![0].Matches!);
        Assert.Equal(("RegularExpression", "^red.*"), (first.Headers![0].Type, first.Headers[0].Value));
        Assert.Equal(("RegularExpression", ".*"), (first.QueryParams![0].Type, first.QueryParams[0].Value));
        Assert.Contains(translated.Diagnostics, d => d.Code == DiagnosticCodes.Approximated && d.Path == "$.spec.routes[0].rules[0].matches[0].headers[0]");

        // Two header matches outrank one on Gateway API, and a request can match both rules: reported, and read back first.
        Assert.Contains(translated.Diagnostics, d => d.Code == DiagnosticCodes.Approximated && d.Path == "$.spec.routes[0].rules[1]" && d.Message.Contains("most specific", StringComparison.Ordinal));
        var back = translator.Import(translated.Resources);
        Assert.False(back.HasErrors, string.Join("\n", back.Diagnostics));
        var rules = Assert.Single(back.Config!.Routes).Rules;
        Assert.Equal([ValueMatch.Present("color"), ValueMatch.Regex("x-id", "^[0-9]+$")], rules[0].Matches[0].Headers);
        Assert.Equal([ValueMatch.Prefix("color", "red")], rules[1].Matches[0].Headers);
        Assert.Equal([ValueMatch.Present("debug")], rules[1].Matches[0].QueryParams);
    }
}
