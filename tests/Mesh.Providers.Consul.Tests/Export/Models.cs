using Mesh.Model;

namespace Mesh.Providers.Consul.Tests.Export;

/// <summary>Small models: a shop with web → api → db, api with subsets v1 and v2.</summary>
internal static class Models
{
    public static readonly ServiceRef Web = new("web", "shop");
    public static readonly ServiceRef Api = new("api", "shop");
    public static readonly ServiceRef Db = new("db", "shop");

    public static ServicePort Http(int port) => new() { Port = port, Protocol = Protocol.Http };

    public static MeshService Service(string name, params ServicePort[] ports) => new() { Name = name, Namespace = "shop", Ports = [.. ports] };

    public static MeshService ApiService => Service("api", Http(8080)) with
    {
        Subsets = [.. new[] { "v1", "v2" }.Select(v => new Subset { Name = v, Labels = new Dictionary<string, string> { ["version"] = v } })],
    };

    public static MeshConfig Shop(params HttpRoute[] routes) => new()
    {
        Name = "shop",
        Services = [Service("web", Http(80)), ApiService, Service("db", new ServicePort { Port = 5432, Protocol = Protocol.Tcp })],
        Routes = [.. routes],
    };

    public static HttpRoute Route(string name, params HttpRouteRule[] rules) => new() { Name = name, Namespace = "shop", Host = Api, Rules = [.. rules] };

    public static WeightedBackend To(string? subset, int weight = 1) => new() { Service = Api, Subset = subset, Weight = weight };
}
