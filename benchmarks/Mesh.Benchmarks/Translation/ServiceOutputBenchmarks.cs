using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Mesh.Model;
using Mesh.Providers.AppMesh;
using Mesh.Providers.Consul;
using Mesh.Providers.GatewayApi;
using Mesh.Providers.Istio;
using Mesh.Providers.Linkerd;
using Mesh.Providers.Osm;
using Mesh.Translation;

namespace Mesh.Benchmarks.Translation;

/// <summary>
/// Typed translation of the 1,000-service synthetic mesh (3 subsets routed per service) with each <see cref="ServiceOutput"/>
/// — no Services, a leaf Service per routed subset (3,000), or those and every service's own (4,000) — beside the same
/// translation with the model validated first (the <c>Translate</c> default); the baseline is <c>None</c> without
/// validation, the translation as it was before Services were written. Figures are per service.
/// </summary>
/// <typeparam name="TTranslator">The provider's translator.</typeparam>
[MemoryDiagnoser]
[Config(typeof(ServiceOutputConfig))]
[GenericTypeArguments(typeof(IstioTranslator))]
[GenericTypeArguments(typeof(GatewayApiTranslator))]
[GenericTypeArguments(typeof(LinkerdTranslator))]
[GenericTypeArguments(typeof(AppMeshTranslator))]
[GenericTypeArguments(typeof(OsmTranslator))]
[GenericTypeArguments(typeof(ConsulTranslator))]
public class ServiceOutputBenchmarks<TTranslator> where TTranslator : ITranslator, new()
{
    private const int Services = 1000;
    private readonly TTranslator _translator = new();
    private MeshConfig _mesh = null!;

    /// <summary>Builds the mesh.</summary>
    [GlobalSetup]
    public void Setup() => _mesh = SyntheticMesh.Create(Services);

    /// <summary>No Services written, no validation (the baseline).</summary>
    [Benchmark(OperationsPerInvoke = Services, Baseline = true)]
    public TranslationResult NoServices() => _translator.Translate(_mesh, new TranslationOptions { Services = ServiceOutput.None, Validate = false });

    /// <summary>Leaf Services for the routed subsets.</summary>
    [Benchmark(OperationsPerInvoke = Services)]
    public TranslationResult LeafServices() => _translator.Translate(_mesh, new TranslationOptions { Services = ServiceOutput.Subsets, Validate = false });

    /// <summary>Leaf Services and every service's own Service.</summary>
    [Benchmark(OperationsPerInvoke = Services)]
    public TranslationResult AllServices() => _translator.Translate(_mesh, new TranslationOptions { Services = ServiceOutput.All, Validate = false });

    /// <summary>The provider's default Services, with the model validated first (what <c>Translate(model)</c> does).</summary>
    [Benchmark(OperationsPerInvoke = Services)]
    public TranslationResult DefaultValidated() => _translator.Translate(_mesh);
}

/// <summary>One job, 1 launch / 3 warm-ups / 5 iterations, as the other translation benchmarks.</summary>
public sealed class ServiceOutputConfig : ManualConfig
{
    /// <summary>Creates the config.</summary>
    public ServiceOutputConfig() => AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(5));
}
