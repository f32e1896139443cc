using Mesh.Translation;
using CsCheck;
using Mesh.Kubernetes;
using Mesh.Model;
using Mesh.Providers.GatewayApi.Mapping;
using Mesh.Providers.GatewayApi.Tests.Generators;

namespace Mesh.Providers.GatewayApi.Tests.Conformance;

/// <summary>The models the round-trip suite draws (<see cref="GatewayApiModels.WithinCapabilities"/>) exercise what now travels through Gateway API.</summary>
public sealed class RoundTripCoverageTests
{
    private static readonly GatewayApiTranslator Translator = new(new GatewayApiOptions { ServiceOutput = ServiceOutput.All });

    [Fact]
    public void GeneratedModelsWithinCapabilities_HaveSubsetsSelectorsTargetPortsAndRoutesWrittenPerPort()
    {
        var models = GatewayApiModels.WithinCapabilities.Array[300].Single();
        var written = models.Select(m => Translator.Translate(m).Resources).ToList();
        Assert.Contains(models, m => m.Services.Any(s => !s.Subsets.IsEmpty));
        Assert.Contains(models, m => m.Services.Any(s => !s.Selector.IsEmpty && s.Selector != MeshService.DefaultSelector(s.Name)));
        Assert.Contains(models, m => m.Services.Any(s => s.Ports.Any(p => p.TargetPort is { Name: not null })));
        Assert.Contains(models, m => m.Services.Any(s => s.Ports.Any(p => p.TargetPort is { Number: { } n } && n != p.Port)));
        Assert.Contains(written, r => r.OfType<CoreService>().Any(s => s.Metadata.Annotations?.ContainsKey(LeafServiceLabels.SubsetOf) == true));
        Assert.Contains(written, r => r.OfType<Resources.HttpRoute>().Any(h => h.Metadata.Annotations?.ContainsKey(HttpRouteMapping.SplitOfAnnotation) == true));
        Assert.Contains(written, r => r.OfType<Resources.HttpRoute>().Any(h => h.Spec.ParentRefs!.Any(p => p.SectionName is not null)));
        Assert.Contains(models, m => m.TcpRoutes.Any(t => t.Backends.Any(b => b.Subset is not null)));
        Assert.Contains(models, m => m.Routes.Any(r => r.Rules.Any(rule => rule.Mirror is { Subset: not null })));
    }

    [Fact]
    public void GeneratedModelsWithinCapabilities_HaveClientTlsOfEveryWrittenForm()
    {
        var models = GatewayApiModels.WithinCapabilities.Array[300].Single();
        var policies = models.SelectMany(m => m.DestinationPolicies).ToList();
        Assert.All(policies, p => Assert.Equal(ClientTlsMode.Simple, p.Tls!.Mode));
        Assert.Contains(policies, p => p.Target.Port is null);
        Assert.Contains(policies, p => p.Target.Port is not null);
        Assert.Contains(policies, p => p.Target.Subset is not null);
        Assert.Contains(policies, p => p.Tls!.Sni is null);
        Assert.Contains(policies, p => p.Tls!.Sni is not null);
        Assert.Contains(policies, p => p.Tls!.CredentialName is not null);
        Assert.Contains(policies, p => p.Tls!.CredentialName is null);
        Assert.Contains(policies, p => p.Tls!.SubjectAltNames.Any(n => n.StartsWith("spiffe://", StringComparison.Ordinal)));
        Assert.Contains(policies, p => p.Tls!.SubjectAltNames.Any(n => !n.Contains(':', StringComparison.Ordinal)));
        var written = models.SelectMany(m => Translator.Translate(m).Resources.OfType<Resources.BackendTlsPolicy>()).ToList();
        Assert.Contains(written, p => p.Spec.TargetRefs![0].SectionName is not null);
        Assert.Contains(written, p => p.Spec.Validation!.WellKnownCaCertificates == "System");
    }
}
