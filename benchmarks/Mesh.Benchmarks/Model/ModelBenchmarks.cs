using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Serialization;
using Mesh.Validation;
using YamlDotNet.RepresentationModel;

namespace Mesh.Benchmarks.Model;

/// <summary>
/// The model's own costs on the 1,000-service synthetic mesh, per service: reading and writing mesh YAML (each
/// beside YamlDotNet's own representation model doing the bare parse or emit of the same text, the baseline),
/// writing JSON, validation and normalisation.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class ModelBenchmarks
{
    private const int Services = 1000;
    private MeshConfig _mesh = null!;
    private string _yaml = null!;
    private YamlStream _tree = null!;

    /// <summary>Builds the mesh, its YAML text and YamlDotNet's tree of that text.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _mesh = SyntheticMesh.Create(Services);
        _yaml = MeshYaml.Write(_mesh);
        _tree = Load(_yaml);
    }

    private static YamlStream Load(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream;
    }

    /// <summary>Mesh YAML → model, with every check and a source map.</summary>
    [Benchmark(OperationsPerInvoke = Services), BenchmarkCategory("read")]
    public MeshConfig? ReadYaml() => MeshYaml.Read(_yaml).Config;

    /// <summary>The same text into YamlDotNet's representation model: parsing only, no mapping (the baseline).</summary>
    [Benchmark(OperationsPerInvoke = Services, Baseline = true), BenchmarkCategory("read")]
    public YamlStream YamlDotNetLoad() => Load(_yaml);

    /// <summary>Model → mesh YAML.</summary>
    [Benchmark(OperationsPerInvoke = Services), BenchmarkCategory("write")]
    public string WriteYaml() => MeshYaml.Write(_mesh);

    /// <summary>Model → mesh JSON.</summary>
    [Benchmark(OperationsPerInvoke = Services), BenchmarkCategory("write")]
    public string WriteJson() => MeshJson.Write(_mesh);

    /// <summary>YamlDotNet emitting its own tree of the same document (the baseline).</summary>
    [Benchmark(OperationsPerInvoke = Services, Baseline = true), BenchmarkCategory("write")]
    public string YamlDotNetSave()
    {
        var writer = new StringWriter();
        _tree.Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    /// <summary>Every validation rule over the whole model.</summary>
    [Benchmark(OperationsPerInvoke = Services), BenchmarkCategory("check")]
    public IReadOnlyList<Diagnostic> Validate() => MeshValidator.Validate(_mesh);

    /// <summary>The canonical form.</summary>
    [Benchmark(OperationsPerInvoke = Services, Baseline = true), BenchmarkCategory("check")]
    public MeshConfig Normalize() => _mesh.Normalize();
}
