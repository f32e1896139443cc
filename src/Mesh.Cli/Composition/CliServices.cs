using Mesh.DependencyInjection;
using Mesh.Providers.AppMesh;
using Mesh.Providers.Consul;
using Mesh.Providers.GatewayApi;
using Mesh.Providers.Istio;
using Mesh.Providers.Linkerd;
using Mesh.Providers.Osm;
using Microsoft.Extensions.DependencyInjection;

namespace Mesh.Cli.Composition;

/// <summary>The command's composition root: the Mesh SDK with every provider package the tool ships.</summary>
internal static class CliServices
{
    /// <summary>Builds the service provider.</summary>
    public static ServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddMeshSdk()
            .AddIstio()
            .AddGatewayApi()
            .AddLinkerd()
            .AddAppMesh()
            .AddOsm()
            .AddConsul();
        return services.BuildServiceProvider();
    }
}
