using BenchmarkDotNet.Attributes;
using Mesh.Model;
using Mesh.Providers.AppMesh;
using Mesh.Providers.Consul;
using Mesh.Providers.Istio;
using Mesh.Providers.Osm;
using Mesh.Translation;

namespace Mesh.Benchmarks.Translation;

/// <summary>
/// The typed translation alone (<c>Validate = false</c>, the measure of the 20 µs-per-service target) of the newer providers
/// (OSM, Consul, App Mesh) beside Istio's in one run, on the 1,000-service synthetic mesh, under both GC modes (<see cref="GcModesConfig"/>);
/// figures are per service.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(GcModesConfig))]
public class TranslateOnlyBenchmarks
{
    private const int Services = 1000;
    private static readonly TranslationOptions NoValidation = new() { Validate = false };
    private readonly IstioTranslator _istio = new();
    private readonly OsmTranslator _osm = new();
    private readonly ConsulTranslator _consul = new();
    private readonly ConsulTranslator _consulEnterprise = new(new ConsulOptions { Edition = ConsulEdition.Enterprise });
    private readonly AppMeshTranslator _appMeshLists = new(new AppMeshOptions { Backends = AppMeshBackends.List });
    private readonly AppMeshTranslator _appMeshGroups = new(new AppMeshOptions { Backends = AppMeshBackends.NamespaceGroups });
    private MeshConfig _mesh = null!;

    /// <summary>Builds the mesh.</summary>
    [GlobalSetup]
    public void Setup() => _mesh = SyntheticMesh.Create(Services);

    /// <summary>Istio (the baseline).</summary>
    [Benchmark(OperationsPerInvoke = Services, Baseline = true)]
    public TranslationResult IstioTranslate() => _istio.Translate(_mesh, NoValidation);

    /// <summary>OSM.</summary>
    [Benchmark(OperationsPerInvoke = Services)]
    public TranslationResult OsmTranslate() => _osm.Translate(_mesh, NoValidation);

    /// <summary>Consul Community Edition (the default).</summary>
    [Benchmark(OperationsPerInvoke = Services)]
    public TranslationResult ConsulTranslate() => _consul.Translate(_mesh, NoValidation);

    /// <summary>Consul Enterprise (namespaces: a namespace source is one <c>'*'</c> source, not one per service).</summary>
    [Benchmark(OperationsPerInvoke = Services)]
    public TranslationResult ConsulEnterpriseTranslate() => _consulEnterprise.Translate(_mesh, NoValidation);

    /// <summary>App Mesh with backend lists (the default).</summary>
    [Benchmark(OperationsPerInvoke = Services)]
    public TranslationResult AppMeshListsTranslate() => _appMeshLists.Translate(_mesh, NoValidation);

    /// <summary>App Mesh with namespace backend groups.</summary>
    [Benchmark(OperationsPerInvoke = Services)]
    public TranslationResult AppMeshGroupsTranslate() => _appMeshGroups.Translate(_mesh, NoValidation);
}
