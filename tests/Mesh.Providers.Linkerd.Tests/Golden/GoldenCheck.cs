using CsCheck;
using Mesh.Model;
using Mesh.Providers.Conformance.Support;
using Mesh.Providers.Linkerd.Tests.Generators;
using Mesh.Serialization;
using Mesh.Translation;

namespace Mesh.Providers.Linkerd.Tests.Golden;

/// <summary>
/// TEMPORARY (the by-concept reorganisation): writes every translation's YAML and diagnostics to <c>$MESH_GOLDEN_OUT</c>, for a
/// byte comparison of the output before and after. Does nothing without the variable.
/// </summary>
public sealed class GoldenCheck
{
    private static void Record(string folder, ITranslator translator, IEnumerable<(string Name, MeshConfig Model)> models, IEnumerable<(string Name, string Yaml)> inputs)
    {
        Directory.CreateDirectory(folder);
        foreach (var (name, model) in models)
        {
            var result = translator.Translate(model);
            var yaml = translator.WriteYaml(result.Resources);
            var imported = translator.ImportYaml(yaml, name + ".out");
            var again = imported.Config is null ? null : translator.Translate(imported.Config);
            File.WriteAllText(Path.Combine(folder, name + ".txt"),
                $"{yaml}\n--- diagnostics\n{string.Join("\n", result.Diagnostics)}\n--- import diagnostics\n{string.Join("\n", imported.Diagnostics)}\n--- imported\n{(imported.Config is null ? "(none)" : MeshYaml.Write(imported.Config))}\n--- re-translated\n{(again is null ? "(none)" : translator.WriteYaml(again.Resources) + "\n" + string.Join("\n", again.Diagnostics))}\n");
        }
        foreach (var (name, text) in inputs)
        {
            var imported = translator.ImportYaml(text, name);
            var again = imported.Config is null ? null : translator.Translate(imported.Config);
            File.WriteAllText(Path.Combine(folder, name + ".txt"),
                $"{text}\n--- import diagnostics\n{string.Join("\n", imported.Diagnostics)}\n--- imported\n{(imported.Config is null ? "(none)" : MeshYaml.Write(imported.Config))}\n--- re-translated\n{(again is null ? "(none)" : translator.WriteYaml(again.Resources) + "\n--- diagnostics\n" + string.Join("\n", again.Diagnostics))}\n");
        }
    }

    private static IEnumerable<(string, T)> Generated<T>(string prefix, Gen<T> gen, int count)
    {
        var pcg = new PCG(20240601, 7);
        for (var i = 0; i < count; i++) yield return ($"{prefix}-{i:D3}", gen.Generate(pcg, null, out _));
    }

    private static IEnumerable<(string, string)> Corpus(string folder) =>
        Directory.GetFiles(ConformancePaths.Require(folder), "*.yaml").Order(StringComparer.Ordinal).Select(f => ("corpus-" + Path.GetFileNameWithoutExtension(f), File.ReadAllText(f)));

    [Fact]
    public void Record_Linkerd()
    {
        if (Environment.GetEnvironmentVariable("MESH_GOLDEN_OUT") is not { Length: > 0 } root) return;
        var translator = new LinkerdTranslator();
        var samples = new List<(string, MeshConfig)> { ("sample-routing", Samples.Routing), ("sample-security", Samples.Security), ("sample-tcp", Samples.Tcp), ("sample-egress", Samples.Egress) };
        samples.AddRange(RepositorySamples.MeshYaml().Select((m, i) => ($"repo-sample-{i}", m)));
        samples.AddRange(Generated("any", LinkerdModels.Any, 300));
        samples.AddRange(Generated("within", LinkerdModels.WithinCapabilities, 200));
        samples.AddRange(Generated("authz", AuthorizationModels.Config, 150));
        samples.AddRange(Generated("egress", EgressModels.WithinCapabilities, 150));
        var inputs = Corpus("examples/linkerd").ToList();
        // Generated Linkerd egress inputs, written as YAML by the translator's writer.
        inputs.AddRange(Generated("egress-input", EgressModels.LinkerdInputs, 200).Select(g => (g.Item1, translator.WriteYaml(g.Item2))));
        inputs.Add(("bazaar", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Import", "testassets", "bazaar.yaml"))));
        Record(Path.Combine(root, "linkerd"), translator, samples, inputs);
        Record(Path.Combine(root, "linkerd-gatewayapi"), new LinkerdTranslator(new LinkerdOptions { RouteApi = LinkerdRouteApi.GatewayApi }), samples.Take(60), inputs.Take(40));
    }
}
