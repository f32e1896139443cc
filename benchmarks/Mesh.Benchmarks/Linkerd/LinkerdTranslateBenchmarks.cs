using BenchmarkDotNet.Attributes;
using Mesh.Model;
using Mesh.Providers.Linkerd;
using Mesh.Translation;

namespace Mesh.Benchmarks.Linkerd;

/// <summary>Translation of a 1,000-service mesh to Linkerd (policy.linkerd.io HTTPRoutes with retry and timeout annotations); figures are per service (OperationsPerInvoke).</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class LinkerdTranslateBenchmarks
{
    private const int Services = 1000;
    private readonly LinkerdTranslator _translator = new();
    private MeshConfig _mesh = null!;
    private IReadOnlyList<object> _resources = null!;

    /// <summary>Builds the mesh and translates it once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _mesh = SyntheticMesh.Create(Services);
        _resources = _translator.Translate(_mesh).Resources;
    }

    /// <summary>Model → typed Linkerd routes.</summary>
    [Benchmark(OperationsPerInvoke = Services)]
    public TranslationResult TranslateToTypedResources() => _translator.Translate(_mesh);

    /// <summary>Model → typed resources → YAML text.</summary>
    [Benchmark(OperationsPerInvoke = Services)]
    public string TranslateToYaml() => _translator.WriteYaml(_translator.Translate(_mesh).Resources);

    /// <summary>Typed resources → YAML text with our writer.</summary>
    [Benchmark(OperationsPerInvoke = Services)]
    public string WriteYaml() => _translator.WriteYaml(_resources);

    /// <summary>The same resources → YAML text with KubernetesClient's helper (the baseline).</summary>
    [Benchmark(OperationsPerInvoke = Services, Baseline = true)]
    public string KubernetesYamlSerializeAll() => k8s.KubernetesYaml.SerializeAll(_resources);
}
