using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.Osm.Resources;
using Mesh.Translation;

namespace Mesh.Providers.Osm.Tests.Export;

/// <summary>Small models for the export tests, and typed access to a translation's OSM resources.</summary>
internal static class Models
{
    public static readonly ServiceRef Bookstore = new("bookstore", "bookstore");

    public static ServicePort Http(int port) => new() { Port = port, Protocol = Protocol.Http };

    public static ServicePort Port(int port, Protocol protocol) => new() { Port = port, Protocol = protocol };

    public static Subset Version(string name) => new() { Name = name, Labels = new Dictionary<string, string> { ["version"] = name } };

    public static MeshService BookstoreService(params Subset[] subsets) =>
        new() { Name = "bookstore", Namespace = "bookstore", Ports = [Http(14001)], Subsets = [.. subsets] };

    public static MeshService Service(string name, string ns, params ServicePort[] ports) => new() { Name = name, Namespace = ns, Ports = [.. ports] };

    public static WeightedBackend To(ServiceRef service, string? subset = null, int weight = 1, int? port = null) =>
        new() { Service = service, Subset = subset, Weight = weight, Port = port };

    /// <summary>A model with bookstore (subsets v1, v2), bookbuyer, and one route on bookstore with the given rules.</summary>
    public static MeshConfig Routed(params HttpRouteRule[] rules) => new()
    {
        Name = "bookstore",
        Services = [BookstoreService(Version("v1"), Version("v2")), Service("bookbuyer", "bookbuyer", Http(14001))],
        Routes = [new HttpRoute { Name = "bookstore-split", Namespace = "bookstore", Host = Bookstore, Rules = [.. rules] }],
    };

    public static HttpRouteRule Rule(params WeightedBackend[] backends) => new() { Backends = [.. backends] };
}

/// <summary>A translation's output by kind, and its diagnostics.</summary>
internal sealed class Exported
{
    public Exported(MeshConfig model, OsmOptions? options = null)
    {
        Translator = new OsmTranslator(options ?? new OsmOptions());
        Result = Translator.Translate(model);
        Assert.DoesNotContain(Result.Diagnostics, d => d.IsError);
    }

    public OsmTranslator Translator { get; }

    public TranslationResult Result { get; }

    public IReadOnlyList<Diagnostic> Diagnostics => Result.Diagnostics;

    public List<T> All<T>() => [.. Result.Resources.OfType<T>()];

    public TrafficSplit Split(string name) => Assert.Single(All<TrafficSplit>(), s => s.Metadata.Name == name);

    public TrafficTarget Target(string name) => Assert.Single(All<TrafficTarget>(), s => s.Metadata.Name == name);

    public OsmMeshConfig MeshConfig => Assert.Single(All<OsmMeshConfig>());

    public List<Kubernetes.CoreService> Services => All<Kubernetes.CoreService>();

    public string Yaml => Translator.WriteYaml(Result.Resources);

    /// <summary>The one diagnostic of <paramref name="code"/> at <paramref name="path"/>.</summary>
    public Diagnostic At(DiagnosticCode code, string path) => Assert.Single(Diagnostics, d => d.Code == code && d.Path == path);

    public void NoWarnings() => Assert.DoesNotContain(Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
}
