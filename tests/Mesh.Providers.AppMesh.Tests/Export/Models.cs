using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Providers.AppMesh.Resources;
using Mesh.Translation;

namespace Mesh.Providers.AppMesh.Tests.Export;

/// <summary>Small models for the export tests, and typed access to a translation's App Mesh resources.</summary>
internal static class Models
{
    public static readonly ServiceRef Reviews = new("reviews", "bookinfo");
    public static readonly ServiceRef Ratings = new("ratings", "bookinfo");

    public static ServicePort Http(int port) => new() { Port = port, Protocol = Protocol.Http };

    public static ServicePort Port(int port, Protocol protocol) => new() { Port = port, Protocol = protocol };

    public static Subset Version(string name) => new() { Name = name, Labels = new Dictionary<string, string> { ["version"] = name } };

    public static MeshService ReviewsService(params Subset[] subsets) =>
        new() { Name = "reviews", Namespace = "bookinfo", Ports = [Http(9080)], Subsets = [.. subsets] };

    public static MeshService RatingsService() => new() { Name = "ratings", Namespace = "bookinfo", Ports = [Http(9080)] };

    public static WeightedBackend To(ServiceRef service, string? subset = null, int weight = 1, int? port = null) =>
        new() { Service = service, Subset = subset, Weight = weight, Port = port };

    /// <summary>A model with reviews (subsets v1, v2, v3), ratings, and one route on reviews with the given rules.</summary>
    public static MeshConfig Routed(params HttpRouteRule[] rules) => new()
    {
        Name = "bookinfo",
        Services = [ReviewsService(Version("v1"), Version("v2"), Version("v3")), RatingsService()],
        Routes = [new HttpRoute { Name = "reviews", Namespace = "bookinfo", Host = Reviews, Rules = [.. rules] }],
    };

    public static HttpRouteRule Rule(params WeightedBackend[] backends) => new() { Backends = [.. backends] };
}

/// <summary>A translation's output by kind, and its diagnostics.</summary>
internal sealed class Exported
{
    public Exported(MeshConfig model, AppMeshOptions? options = null)
    {
        Translator = new AppMeshTranslator(options ?? new AppMeshOptions());
        Result = Translator.Translate(model);
        Assert.False(Result.Diagnostics.Any(d => d.IsError), string.Join("\n", Result.Diagnostics));
    }

    public AppMeshTranslator Translator { get; }

    public TranslationResult Result { get; }

    public IReadOnlyList<Diagnostic> Diagnostics => Result.Diagnostics;

    public AppMeshMesh Mesh => Assert.Single(Result.Resources.OfType<AppMeshMesh>());

    public List<VirtualNode> Nodes => [.. Result.Resources.OfType<VirtualNode>()];

    public List<VirtualRouter> Routers => [.. Result.Resources.OfType<VirtualRouter>()];

    public List<Resources.VirtualService> Services => [.. Result.Resources.OfType<Resources.VirtualService>()];

    public List<VirtualGateway> Gateways => [.. Result.Resources.OfType<VirtualGateway>()];

    public List<Resources.GatewayRoute> GatewayRoutes => [.. Result.Resources.OfType<Resources.GatewayRoute>()];

    public VirtualGateway Gateway(string name) => Assert.Single(Gateways, g => g.Metadata.Name == name);

    public Resources.GatewayRoute GatewayRoute(string name) => Assert.Single(GatewayRoutes, r => r.Metadata.Name == name);

    public VirtualNode Node(string name) => Assert.Single(Nodes, n => n.Metadata.Name == name);

    public VirtualRouter Router(string name) => Assert.Single(Routers, r => r.Metadata.Name == name);

    public Resources.VirtualService Service(string name) => Assert.Single(Services, s => s.Metadata.Name == name);

    public string Yaml => Translator.WriteYaml(Result.Resources);

    /// <summary>The one diagnostic of <paramref name="code"/> at <paramref name="path"/>.</summary>
    public Diagnostic At(DiagnosticCode code, string path) => Assert.Single(Diagnostics, d => d.Code == code && d.Path == path);
}
