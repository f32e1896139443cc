using BenchmarkDotNet.Attributes;
using Mesh.Model;
using Mesh.Providers.Consul;
using Mesh.Providers.GatewayApi;
using Mesh.Providers.Istio;
using Mesh.Providers.Linkerd;
using Mesh.Providers.Osm;
using Mesh.Translation;

namespace Mesh.Benchmarks.Translation;

/// <summary>
/// Translation of the 1,000-service synthetic mesh by one provider, to typed resources and to YAML text, beside
/// KubernetesClient's <c>KubernetesYaml</c> serialising the same objects (the baseline); figures are per service.
/// </summary>
/// <typeparam name="TTranslator">The provider's translator.</typeparam>
[MemoryDiagnoser]
[Config(typeof(GcModesConfig))]
[GenericTypeArguments(typeof(IstioTranslator))]
[GenericTypeArguments(typeof(GatewayApiTranslator))]
[GenericTypeArguments(typeof(LinkerdTranslator))]
[GenericTypeArguments(typeof(OsmTranslator))]
[GenericTypeArguments(typeof(ConsulTranslator))]
public class TranslateBenchmarks<TTranslator> where TTranslator : ITranslator, new()
{
    private const int Services = 1000;
    private readonly TTranslator _translator = new();
    private MeshConfig _mesh = null!;
    private IReadOnlyList<object> _resources = null!;

    /// <summary>Builds the mesh and translates it once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _mesh = SyntheticMesh.Create(Services);
        _resources = _translator.Translate(_mesh).Resources;
    }

    /// <summary>Model → typed resources.</summary>
    [Benchmark(OperationsPerInvoke = Services)]
    public TranslationResult TranslateToTypedResources() => _translator.Translate(_mesh);

    /// <summary>Model → typed resources → YAML text.</summary>
    [Benchmark(OperationsPerInvoke = Services)]
    public string TranslateToYaml() => _translator.WriteYaml(_translator.Translate(_mesh).Resources);

    /// <summary>Typed resources → YAML text with the provider's writer.</summary>
    [Benchmark(OperationsPerInvoke = Services)]
    public string WriteYaml() => _translator.WriteYaml(_resources);

    /// <summary>The same resources → YAML text with KubernetesClient's helper (the baseline).</summary>
    [Benchmark(OperationsPerInvoke = Services, Baseline = true)]
    public string KubernetesYamlSerializeAll() => k8s.KubernetesYaml.SerializeAll(_resources);
}
