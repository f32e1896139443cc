using System.Text.Json.Nodes;
using CsCheck;
using Mesh.Providers.Conformance.Support;
using Mesh.Providers.Istio.Resources;
using Mesh.Providers.Istio.Tests.Generators;
using Mesh.Kubernetes;

namespace Mesh.Providers.Istio.Tests.Yaml;

public sealed class YamlWriterTests
{
    private static readonly IstioTranslator Translator = new();

    [Fact]
    public void WriteYaml_GivesTheSameDocumentsAsKubernetesYaml() =>
        IstioModels.Any.Sample(model =>
        {
            var resources = Translator.Translate(model).Resources;
            var ours = YamlJson.Documents(Translator.WriteYaml(resources));
            var theirs = YamlJson.Documents(k8s.KubernetesYaml.SerializeAll(resources));
            Assert.Equal(theirs.Count, ours.Count);
            for (var i = 0; i < ours.Count; i++) Assert.True(JsonNode.DeepEquals(theirs[i], ours[i]), $"document {i}:\nours   {ours[i].ToJsonString()}\ntheirs {theirs[i].ToJsonString()}");
        }, iter: 200);

    [Fact]
    public void WriteYaml_AnyString_ReadsBackAsTheSameString() =>
        Gen.String.Sample(text =>
        {
            var expected = new string([.. text.Select((c, i) => char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) && !(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1])) ? '\ufffd' : c)]);
            var vs = new VirtualService { Metadata = new() { Name = "n" }, Spec = new VirtualServiceSpec { Hosts = [text], Http = [new HttpRoute { Headers = new Headers { Request = new HeaderOperations { Set = new() { [text.Length == 0 ? "k" : text] = text } } } }] } };
            var yaml = Translator.WriteYaml([vs]);
            var loaded = (VirtualService)k8s.KubernetesYaml.LoadAllFromString(yaml, IstioResourceTypes.TypeMap.ToDictionary(e => e.Key, e => e.Value))[0];
            Assert.Equal(expected, loaded.Spec.Hosts![0]);
            Assert.Equal(expected, YamlJson.Documents(yaml)[0]["spec"]!["hosts"]![0]!.GetValue<string>());
            Assert.Equal(expected, loaded.Spec.Http![0].Headers!.Request!.Set!.Values.Single());
        }, iter: 1000);

    [Theory]
    [InlineData("true")]
    [InlineData("Yes")]
    [InlineData("off")]
    [InlineData("y")]
    [InlineData("NULL")]
    [InlineData("1.0")]
    [InlineData("80")]
    [InlineData("1e3")]
    [InlineData("0x1F")]
    [InlineData("0o17")]
    [InlineData("1_000")]
    [InlineData("2001-12-14")]
    [InlineData("-1")]
    [InlineData(".inf")]
    [InlineData("a: b")]
    [InlineData("*")]
    [InlineData("")]
    public void Strings_ThatAReaderCouldTakeForSomethingElse_AreQuoted(string text) => Assert.False(KubeYamlWriter.IsPlainSafe(text));

    [Theory]
    [InlineData("reviews.bookinfo.svc.cluster.local")]
    [InlineData("2s")]
    [InlineData("v1")]
    [InlineData("/api/v1")]
    [InlineData("10.0.0.0/8")]
    [InlineData("x-user")]
    public void Strings_ThatCanOnlyBeStrings_ArePlain(string text) => Assert.True(KubeYamlWriter.IsPlainSafe(text));

    [Fact]
    public void WriteYaml_PutsApiVersionAndKindFirst()
    {
        var yaml = Translator.WriteYaml(Translator.Translate(Samples.Bookinfo).Resources);
        Assert.StartsWith("apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteYaml_AnObjectOfATypeWithoutMetadata_IsAnError_NotAnEmptyMapping()
    {
        // The writer takes members from source-generated metadata only (trim and AOT safe): an unknown type is refused loudly.
        var map = new k8s.Models.V1ConfigMap { ApiVersion = "v1", Kind = "ConfigMap", Metadata = new() { Name = "c" }, Data = new Dictionary<string, string> { ["k"] = "true" } };
        var error = Assert.Throws<InvalidOperationException>(() => Translator.WriteYaml([new VirtualService { Metadata = { Name = "v" } }, map]));
        Assert.Contains("V1ConfigMap", error.Message, StringComparison.Ordinal);
    }
}
