using CsCheck;
using Mesh.Model;
using Mesh.Providers.Conformance.Support;
using Mesh.Providers.GatewayApi.Tests.Generators;
using Mesh.Serialization;
using Mesh.Translation;

namespace Mesh.Providers.GatewayApi.Tests.Golden;

/// <summary>
/// TEMPORARY (the by-concept reorganisation): writes every translation's YAML and diagnostics to <c>$MESH_GOLDEN_OUT</c>, for a
/// byte comparison of the output before and after. Does nothing without the variable.
/// </summary>
public sealed class GoldenCheck
{
    internal static void Record(string folder, ITranslator translator, IEnumerable<(string Name, MeshConfig Model)> models, IEnumerable<(string Name, string Yaml)> inputs)
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
                $"--- import diagnostics\n{string.Join("\n", imported.Diagnostics)}\n--- imported\n{(imported.Config is null ? "(none)" : MeshYaml.Write(imported.Config))}\n--- re-translated\n{(again is null ? "(none)" : translator.WriteYaml(again.Resources) + "\n--- diagnostics\n" + string.Join("\n", again.Diagnostics))}\n");
        }
    }

    internal static IEnumerable<(string, T)> Generated<T>(string prefix, Gen<T> gen, int count)
    {
        var pcg = new PCG(20240601, 7);
        for (var i = 0; i < count; i++) yield return ($"{prefix}-{i:D3}", gen.Generate(pcg, null, out _));
    }

    internal static IEnumerable<(string, string)> Corpus(string folder) =>
        Directory.GetFiles(ConformancePaths.Require(folder), "*.yaml").Order(StringComparer.Ordinal).Select(f => ("corpus-" + Path.GetFileNameWithoutExtension(f), File.ReadAllText(f)));

    [Fact]
    public void Record_GatewayApi()
    {
        if (Environment.GetEnvironmentVariable("MESH_GOLDEN_OUT") is not { Length: > 0 } root) return;
        var samples = new List<(string, MeshConfig)> { ("sample-routing", Samples.Routing), ("sample-tcp", Samples.Tcp) };
        samples.AddRange(RepositorySamples.MeshYaml().Select((m, i) => ($"repo-sample-{i}", m)));
        samples.AddRange(Generated("any", GatewayApiModels.Any, 300));
        samples.AddRange(Generated("within", GatewayApiModels.WithinCapabilities, 200));
        Record(Path.Combine(root, "gateway-api"), new GatewayApiTranslator(), samples, Corpus("examples/gateway-api"));
        Record(Path.Combine(root, "gateway-api-nogrpc"), new GatewayApiTranslator(new GatewayApiOptions { EmitGrpcRoutes = false }), samples.Take(40), Corpus("examples/gateway-api"));
    }
}
