using CsCheck;
using Mesh.Model;
using Mesh.Providers.AppMesh.Tests.Generators;
using Mesh.Translation;

namespace Mesh.Providers.AppMesh.Tests.Conformance;

/// <summary>
/// The round trip of <see cref="AppMeshRoundTrip"/> on the generated models that have gateways: they are common enough that
/// the shared property exercises VirtualGateways and GatewayRoutes (TLS listeners, listener bindings, rewrites), and each reads
/// back as <see cref="AppMeshModels.ToAppMesh"/> says.
/// </summary>
public sealed class GatewayRoundTripTests
{
    private static readonly AppMeshTranslator Translator = new(new AppMeshOptions { ServiceOutput = ServiceOutput.All });

    [Fact]
    public void GeneratedModelsWithGateways_ReadBackAsTheirAppMeshForm()
    {
        int models = 0, gateways = 0, routes = 0, tls = 0, mutual = 0, bound = 0, rewrites = 0;
        AppMeshModels.WithinCapabilities.Where(m => !m.Gateways.IsEmpty).Sample(model =>
        {
            var translated = Translator.Translate(model);
            Assert.False(translated.HasErrors, string.Join("\n", translated.Diagnostics));
            var back = Translator.ImportYaml(Translator.WriteYaml(translated.Resources), "roundtrip.yaml");
            Assert.False(back.HasErrors, string.Join("\n", back.Diagnostics));
            var expected = model.Normalize();
            Assert.Equal(expected.Gateways, back.Config!.Gateways);
            Assert.Equal(expected.GatewayRoutes, back.Config.GatewayRoutes);
            Interlocked.Increment(ref models);
            Interlocked.Add(ref gateways, model.Gateways.Count);
            Interlocked.Add(ref routes, model.GatewayRoutes.Count);
            Interlocked.Add(ref tls, model.Gateways.SelectMany(g => g.Listeners).Count(l => l.Tls is not null));
            Interlocked.Add(ref mutual, model.Gateways.SelectMany(g => g.Listeners).Count(l => l.Tls?.Mode == GatewayTlsMode.Mutual));
            Interlocked.Add(ref bound, model.GatewayRoutes.Count(r => r.Gateways.Any(g => g.Listener is not null)));
            Interlocked.Add(ref rewrites, model.GatewayRoutes.SelectMany(r => r.Rules).Count(r => r.Rewrite is not null));
        }, iter: 300);
        TestContext.Current.TestOutputHelper?.WriteLine($"{models} models: {gateways} gateways ({tls} TLS listeners, {mutual} mutual), {routes} gateway routes ({bound} bound to a listener, {rewrites} rules with a rewrite)");
        Assert.True(routes > 0 && tls > 0 && mutual > 0 && bound > 0, $"{models} models: {gateways} gateways ({tls} TLS listeners, {mutual} mutual), {routes} gateway routes ({bound} bound to a listener, {rewrites} rules with a rewrite)");
    }
}
