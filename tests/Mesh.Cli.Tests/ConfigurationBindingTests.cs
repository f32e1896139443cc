using Mesh.DependencyInjection;
using Mesh.Model;
using Mesh.Providers.AppMesh;
using Mesh.Providers.Consul;
using Mesh.Providers.GatewayApi;
using Mesh.Providers.Istio;
using Mesh.Providers.Linkerd;
using Mesh.Providers.Osm;
using Mesh.Translation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mesh.Cli.Tests;

/// <summary>Provider options bound from <see cref="IConfiguration"/> (generated binding code), validated with every problem named.</summary>
public sealed class ConfigurationBindingTests
{
    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static readonly MeshConfig Model = new()
    {
        Name = "shop",
        Services = [new MeshService { Name = "web", Namespace = "shop", Ports = [new ServicePort { Port = 8080, Protocol = Protocol.Http }], Subsets = [new Subset { Name = "v1", Labels = new Dictionary<string, string> { ["version"] = "v1" } }] }],
        Routes = [new HttpRoute { Name = "web", Namespace = "shop", Host = new ServiceRef("web", "shop"), Rules = [new HttpRouteRule { Backends = [new WeightedBackend { Service = new ServiceRef("web", "shop"), Subset = "v1" }] }] }],
    };

    [Fact]
    public void EveryProvider_BindsItsSection_AndTranslatesWithIt()
    {
        var configuration = Configuration(new()
        {
            ["Mesh:Istio:ClusterDomain"] = "corp.example",
            ["Mesh:Istio:ServiceOutput"] = "All",
            ["Mesh:GatewayApi:ServiceOutput"] = "None",
            ["Mesh:Linkerd:RouteApi"] = "GatewayApi",
            ["Mesh:AppMesh:MeshName"] = "prod-mesh",
            ["Mesh:AppMesh:Tls:TrustDomain"] = "corp.example",
            ["Mesh:Osm:MeshConfigNamespace"] = "osm-prod",
            ["Mesh:Consul:Edition"] = "Enterprise",
            ["Mesh:Consul:Partition"] = "team-a",
        });
        var services = new ServiceCollection();
        services.AddMeshSdk()
            .AddIstio(configuration.GetSection("Mesh:Istio"))
            .AddGatewayApi(configuration.GetSection("Mesh:GatewayApi"))
            .AddLinkerd(configuration.GetSection("Mesh:Linkerd"))
            .AddAppMesh(configuration.GetSection("Mesh:AppMesh"))
            .AddOsm(configuration.GetSection("Mesh:Osm"))
            .AddConsul(configuration.GetSection("Mesh:Consul"));
        using var provider = services.BuildServiceProvider();

        var appMesh = provider.GetRequiredService<IOptions<AppMeshOptions>>().Value;
        Assert.Equal(("prod-mesh", "corp.example"), (appMesh.MeshName, appMesh.Tls.TrustDomain));
        Assert.Equal(("Enterprise", "team-a"), (provider.GetRequiredService<IOptions<ConsulOptions>>().Value.Edition.ToString(), provider.GetRequiredService<IOptions<ConsulOptions>>().Value.Partition));

        var registry = provider.GetRequiredService<ITranslatorRegistry>();
        Assert.Equal(6, registry.Providers.Count);
        string Yaml(ProviderName name) => registry.Get(name).WriteYaml(registry.Get(name).Translate(Model).Resources);
        Assert.Contains("web.shop.svc.corp.example", Yaml(ProviderName.Istio), StringComparison.Ordinal);
        Assert.Contains("apiVersion: v1\nkind: Service\n", Yaml(ProviderName.Istio), StringComparison.Ordinal);
        Assert.DoesNotContain("apiVersion: v1\nkind: Service\n", Yaml(ProviderName.GatewayApi), StringComparison.Ordinal);
        Assert.Contains("apiVersion: gateway.networking.k8s.io/v1", Yaml(ProviderName.Linkerd), StringComparison.Ordinal);
        Assert.Contains("prod-mesh", Yaml(ProviderName.AppMesh), StringComparison.Ordinal);
        Assert.Contains("namespace: osm-prod", Yaml(ProviderName.Osm), StringComparison.Ordinal);
        Assert.Contains("partition: team-a", Yaml(ProviderName.Consul), StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidOptions_FailWithEveryProblemNamed()
    {
        var configuration = Configuration(new()
        {
            ["Istio:ClusterDomain"] = "not a domain",
            ["Istio:RootNamespace"] = "Istio_System",
            ["AppMesh:Discovery"] = "CloudMap",
            ["Consul:Partition"] = "team-a",
        });
        var services = new ServiceCollection();
        services.AddMeshSdk()
            .AddIstio(configuration.GetSection("Istio"))
            .AddAppMesh(configuration.GetSection("AppMesh"))
            .AddConsul(configuration.GetSection("Consul"));
        using var provider = services.BuildServiceProvider();
        var istio = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<IstioOptions>>().Value);
        Assert.Contains(istio.Failures, f => f.Contains("ClusterDomain", StringComparison.Ordinal));
        Assert.Contains(istio.Failures, f => f.Contains("RootNamespace", StringComparison.Ordinal));
        Assert.Contains(Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AppMeshOptions>>().Value).Failures, f => f.Contains("CloudMapNamespace", StringComparison.Ordinal));
        Assert.Contains(Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ConsulOptions>>().Value).Failures, f => f.Contains("Enterprise", StringComparison.Ordinal));
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ITranslatorRegistry>().Get(ProviderName.Istio));
    }

    [Fact]
    public void ConfigurationAndCodeOverloads_RegisterOneTranslatorPerProvider()
    {
        var services = new ServiceCollection();
        services.AddMeshSdk().AddIstio(Configuration([])).AddIstio(Configuration([]));
        using var provider = services.BuildServiceProvider();
        Assert.Single(provider.GetServices<ITranslator>());
    }
}
