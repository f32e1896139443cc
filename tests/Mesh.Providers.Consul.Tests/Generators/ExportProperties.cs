using CsCheck;
using Mesh.Providers.Consul.Resources;
using Mesh.Translation;

namespace Mesh.Providers.Consul.Tests.Generators;

/// <summary>Invariants of every export: what Consul's webhook and discovery-chain compiler check.</summary>
public sealed class ExportProperties
{
    private static readonly ConsulTranslator Translator = new();

    [Fact]
    public void Splitters_SumToExactly100_WithPositiveHundredths()
    {
        ConsulModels.Any.Sample(model =>
        {
            var result = Translator.Translate(model);
            foreach (var splitter in result.Resources.OfType<ServiceSplitter>())
            {
                var weights = splitter.Spec.Splits!.Select(s => s.Weight!.Value).ToList();
                Assert.Equal(100m, weights.Sum());
                Assert.All(weights, w => Assert.True(w >= 0.01m && decimal.Round(w, 2) == w));
            }
        }, iter: 200);
    }

    [Fact]
    public void RouterSubsets_AreDefinedByTheResolverOfTheirService_AndRoutedServicesAreL7()
    {
        // Enterprise: a destination in another namespace names it (on Community Edition equal names collide, reported).
        var enterprise = new ConsulTranslator(new ConsulOptions { Edition = ConsulEdition.Enterprise });
        ConsulModels.WithinCapabilities.Sample(model =>
        {
            var result = enterprise.Translate(model);
            var resolvers = result.Resources.OfType<ServiceResolver>().ToDictionary(r => (r.Metadata.NamespaceProperty, r.Metadata.Name));
            var protocols = result.Resources.OfType<ServiceDefaults>().ToDictionary(d => (d.Metadata.NamespaceProperty, d.Metadata.Name), d => d.Spec.Protocol);
            foreach (var router in result.Resources.OfType<ServiceRouter>())
            {
                Assert.NotEqual("tcp", protocols[(router.Metadata.NamespaceProperty, router.Metadata.Name)]);
                foreach (var route in router.Spec.Routes!)
                {
                    if (route.Destination!.ServiceSubset is not { } subset) continue;
                    var owner = (route.Destination.Namespace ?? router.Metadata.NamespaceProperty, route.Destination.Service!);
                    Assert.True(resolvers[owner].Spec.Subsets!.ContainsKey(subset));
                }
            }
        }, iter: 200);
    }

    [Fact]
    public void Methods_AreUpperCaseStandardMethods_AndPathsStartWithSlash()
    {
        ConsulModels.WithinCapabilities.Sample(model =>
        {
            var result = Translator.Translate(model);
            foreach (var http in result.Resources.OfType<ServiceRouter>().SelectMany(r => r.Spec.Routes!).Select(r => r.Match?.Http).OfType<ServiceRouteHttpMatch>())
            {
                Assert.All(http.Methods ?? [], m => Assert.Contains(m, Mapping.MatchMapping.Methods));
                Assert.True(new[] { http.PathExact, http.PathPrefix, http.PathRegex }.Count(p => p is not null) <= 1);
            }
        }, iter: 200);
    }
}
