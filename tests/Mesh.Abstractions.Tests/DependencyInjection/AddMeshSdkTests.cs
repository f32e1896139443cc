using Mesh.DependencyInjection;
using Mesh.Model;
using Mesh.Translation;
using Microsoft.Extensions.DependencyInjection;

namespace Mesh.Abstractions.Tests.DependencyInjection;

public class AddMeshSdkTests
{
    private sealed class FakeTranslator(string name) : ITranslator
    {
        public FakeTranslator() : this("fake")
        {
        }

        public ProviderName Provider { get; } = new(name);

        public ProviderCapabilities Capabilities => new(Provider, new Dictionary<MeshFeature, Capability>());

        public TranslationResult Translate(MeshConfig config, TranslationOptions? options = null) => TranslationResult.Create([], [], options);

        public ImportResult Import(IEnumerable<object> resources, ImportOptions? options = null) => ImportResult.Create(new MeshConfig { Name = "x" }, [], options);

        public ImportResult ImportYaml(IReadOnlyList<SourceText> sources, ImportOptions? options = null) => ImportResult.Create(new MeshConfig { Name = sources[0].Name }, [], options);

        public string WriteYaml(IEnumerable<object> resources) => string.Empty;
    }

    [Fact]
    public void Registry_ResolvesRegisteredTranslators_ByName()
    {
        var services = new ServiceCollection();
        services.AddMeshSdk().AddTranslator<FakeTranslator>();
        using var provider = services.BuildServiceProvider();
        var registry = provider.GetRequiredService<ITranslatorRegistry>();
        Assert.Equal([new ProviderName("fake")], registry.Providers);
        Assert.True(registry.TryGet(new ProviderName("FAKE"), out _));
    }

    [Fact]
    public void CallingTwice_RegistersOnce()
    {
        var services = new ServiceCollection();
        services.AddMeshSdk().AddTranslator<FakeTranslator>();
        services.AddMeshSdk().AddTranslator<FakeTranslator>();
        Assert.Single(services, d => d.ServiceType == typeof(ITranslator));
        Assert.Single(services, d => d.ServiceType == typeof(ITranslatorRegistry));
    }

    [Fact]
    public void UnknownProvider_NamesTheKnownOnes()
    {
        var registry = new TranslatorRegistry([new FakeTranslator("b"), new FakeTranslator("a")]);
        var error = Assert.Throws<UnknownProviderException>(() => registry.Get(new ProviderName("istio")));
        Assert.Equal("Unknown provider 'istio'; known: a, b.", error.Message);
    }

    [Fact]
    public void SingleTextImport_DelegatesToTheMultiSourceImport()
    {
        ITranslator translator = new FakeTranslator();
        Assert.Equal("file.yaml", translator.ImportYaml("kind: X", "file.yaml").Config!.Name);
    }
}
