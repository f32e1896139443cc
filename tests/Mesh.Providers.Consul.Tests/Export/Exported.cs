using k8s;
using k8s.Models;
using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.Consul.Resources;
using Mesh.Translation;

namespace Mesh.Providers.Consul.Tests.Export;

/// <summary>One translation to Consul, with lookups of its entries by kind and name.</summary>
internal sealed class Exported
{
    public Exported(MeshConfig model, ConsulOptions? options = null)
    {
        Translator = new ConsulTranslator(options ?? new ConsulOptions());
        Result = Translator.Translate(model);
        Assert.False(Result.HasErrors, string.Join("\n", Result.Diagnostics));
    }

    public ConsulTranslator Translator { get; }

    public TranslationResult Result { get; }

    public IReadOnlyList<Diagnostic> Diagnostics => Result.Diagnostics;

    public IEnumerable<T> All<T>() => Result.Resources.OfType<T>();

    public T Get<T>(string name)
        where T : IKubernetesObject<V1ObjectMeta> => Assert.Single(All<T>(), r => r.Metadata.Name == name);

    public T? Find<T>(string name)
        where T : class, IKubernetesObject<V1ObjectMeta> => All<T>().SingleOrDefault(r => r.Metadata.Name == name);

    public string Yaml => Translator.WriteYaml(Result.Resources);

    public bool Has(DiagnosticCode code, string pathPrefix) => Diagnostics.Any(d => d.Code == code && d.Path.StartsWith(pathPrefix, StringComparison.Ordinal));
}
