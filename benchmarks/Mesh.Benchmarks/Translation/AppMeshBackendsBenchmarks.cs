using BenchmarkDotNet.Attributes;
using Mesh.Model;
using Mesh.Providers.AppMesh;
using Mesh.Providers.Istio;
using Mesh.Translation;

namespace Mesh.Benchmarks.Translation;

/// <summary>
/// App Mesh on the 1,000-service synthetic mesh, figures per service. Each virtual node names the virtual services it may
/// call: as a list (<see cref="AppMeshBackends.List"/>, about N² entries: 3,000 nodes × 1,000 services) or as namespace
/// backend groups (<see cref="AppMeshBackends.NamespaceGroups"/>, linear). Istio's translation of the same mesh is the
/// baseline of the run; YAML writing is measured in groups mode only (the list mode's text is hundreds of megabytes), beside
/// KubernetesClient's <c>KubernetesYaml</c> on the same objects.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class AppMeshBackendsBenchmarks
{
    private const int Services = 1000;
    private readonly AppMeshTranslator _list = new(new AppMeshOptions { Backends = AppMeshBackends.List });
    private readonly AppMeshTranslator _groups = new(new AppMeshOptions { Backends = AppMeshBackends.NamespaceGroups });
    private readonly IstioTranslator _istio = new();
    private MeshConfig _mesh = null!;
    private IReadOnlyList<object> _groupResources = null!;

    /// <summary>Builds the mesh and translates it once in groups mode.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _mesh = SyntheticMesh.Create(Services);
        _groupResources = _groups.Translate(_mesh).Resources;
    }

    /// <summary>Istio: model → typed resources (the baseline).</summary>
    [Benchmark(OperationsPerInvoke = Services, Baseline = true)]
    public TranslationResult IstioTranslate() => _istio.Translate(_mesh);

    /// <summary>App Mesh with backend lists: model → typed resources.</summary>
    [Benchmark(OperationsPerInvoke = Services)]
    public TranslationResult TranslateWithBackendLists() => _list.Translate(_mesh);

    /// <summary>App Mesh with namespace backend groups: model → typed resources.</summary>
    [Benchmark(OperationsPerInvoke = Services)]
    public TranslationResult TranslateWithBackendGroups() => _groups.Translate(_mesh);

    /// <summary>App Mesh with namespace backend groups: typed resources → YAML with the provider's writer.</summary>
    [Benchmark(OperationsPerInvoke = Services)]
    public string WriteYamlWithBackendGroups() => _groups.WriteYaml(_groupResources);

    /// <summary>The same resources → YAML with KubernetesClient's helper.</summary>
    [Benchmark(OperationsPerInvoke = Services)]
    public string KubernetesYamlWithBackendGroups() => k8s.KubernetesYaml.SerializeAll(_groupResources);
}
