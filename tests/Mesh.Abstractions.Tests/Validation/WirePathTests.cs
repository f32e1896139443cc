using CsCheck;
using Mesh.Model;
using Mesh.Validation;
using Mesh.Validation.Validators;

namespace Mesh.Abstractions.Tests.Validation;

public sealed class WirePathTests
{
    [Theory]
    [InlineData("Routes[1].Rules[0].Backends[2].Weight", "$.spec.routes[1].rules[0].backends[2].weight")]
    [InlineData("Name", "$.metadata.name")]
    [InlineData("", "$.spec")]
    [InlineData("Routes[0].Name", "$.spec.routes[0].name")]
    [InlineData("DestinationPolicies[0].OutlierDetection.Consecutive5xx", "$.spec.destinationPolicies[0].outlierDetection.consecutive5xx")]
    [InlineData("DestinationPolicies[0].LoadBalancer.consistentHash.queryParameter", "$.spec.destinationPolicies[0].loadBalancer.consistentHash.queryParameter")]
    [InlineData("Routes[0].Rules[1].Matches[0].Path.regex", "$.spec.routes[0].rules[1].matches[0].path.regex")]
    [InlineData("Services[0].Subsets[\"v1\"]", "$.spec.services[0].subsets.v1")]
    [InlineData("Services[0].Subsets[\"V1\"]", "$.spec.services[0].subsets.V1")]
    [InlineData("Services[0].Subsets[\"a.b\"]", "$.spec.services[0].subsets['a.b']")]
    [InlineData("Mtls[2].Scope.Port", "$.spec.mtls[2].scope.port")]
    [InlineData("AccessPolicies[0].Rules[0].From.IpBlocks[3]", "$.spec.accessPolicies[0].rules[0].from.ipBlocks[3]")]
    public void Converts_PropertyChains_ToWirePaths(string chain, string expected)
    {
        Assert.Equal(expected, WirePath.FromPropertyChain(chain));
    }

    [Theory]
    [InlineData("v1", "$.spec.subsets.v1")]
    [InlineData("a\"b", "$.spec.subsets['a\"b']")]
    [InlineData("x\\y", "$.spec.subsets['x\\\\y']")]
    [InlineData("it's", "$.spec.subsets['it\\'s']")]
    public void Keeps_MapKeys_Verbatim(string key, string expected)
    {
        Assert.Equal(expected, WirePath.FromPropertyChain(WirePath.Key("Subsets", key)));
    }

    [Fact]
    public void Reads_TheChainFluentValidationBuilds()
    {
        var model = ValidModel.Create().Backend(0, b => b with { Weight = -1 });
        var context = new FluentValidation.ValidationContext<MeshConfig>(model);
        new ValidationIndex(model).Attach(context);

        var failure = Assert.Single(MeshConfigValidator.Instance.Validate(context).Errors, f => f.ErrorCode == "MESH2005");

        Assert.Equal("Routes[0].Rules[0].Backends[0].Weight", failure.PropertyName);
        Assert.Equal("$.spec.routes[0].rules[0].backends[0].weight", WirePath.FromPropertyChain(failure.PropertyName));
    }

    private static readonly Gen<string> Identifier =
        Gen.Select(Gen.Char['A', 'Z'], Gen.String[Gen.Char.AlphaNumeric, 0, 8], (first, rest) => first + rest);

    [Fact]
    public void CamelCases_EverySegment_AndKeepsIndices()
    {
        var segment = Gen.Select(Identifier, Gen.Int[0, 20].Array[0, 2], (name, indices) => (name, indices));
        segment.Array[2, 6].Sample(segments =>
        {
            var chain = string.Join(".", segments.Select(s => s.name + string.Concat(s.indices.Select(i => $"[{i}]"))));
            var expected = "$.spec." + string.Join(".", segments.Select(s => char.ToLowerInvariant(s.name[0]) + s.name[1..] + string.Concat(s.indices.Select(i => $"[{i}]"))));
            return WirePath.FromPropertyChain(chain) == expected;
        }, iter: 1000);
    }
}
