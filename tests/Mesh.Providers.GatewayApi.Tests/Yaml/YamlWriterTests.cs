using System.Text.Json.Nodes;
using CsCheck;
using Mesh.Providers.Conformance.Support;
using Mesh.Providers.GatewayApi.Resources;
using Mesh.Providers.GatewayApi.Tests.Generators;

namespace Mesh.Providers.GatewayApi.Tests.Yaml;

/// <summary>The shared writer gives the same documents as KubernetesClient's <c>KubernetesYaml</c>, and KubernetesYaml loads them with the type map (200 cases).</summary>
public sealed class YamlWriterTests
{
    private static readonly GatewayApiTranslator Translator = new();

    [Fact]
    public void WriteYaml_GivesTheSameDocumentsAsKubernetesYaml() =>
        GatewayApiModels.Any.Sample(model =>
        {
            var resources = Translator.Translate(model).Resources;
            var yaml = Translator.WriteYaml(resources);
            var ours = YamlJson.Documents(yaml);
            var theirs = YamlJson.Documents(k8s.KubernetesYaml.SerializeAll(resources));
            Assert.Equal(theirs.Count, ours.Count);
            for (var i = 0; i < ours.Count; i++) Assert.True(JsonNode.DeepEquals(theirs[i], ours[i]), $"document {i}:\nours   {ours[i].ToJsonString()}\ntheirs {theirs[i].ToJsonString()}");
            var loaded = k8s.KubernetesYaml.LoadAllFromString(yaml, GatewayApiResourceTypes.CreateTypeMap());
            Assert.Equal(resources.Count, loaded.Count);
            Assert.Equal(Translator.Import(resources).Config, Translator.Import(loaded).Config);
        }, iter: 200);
}
