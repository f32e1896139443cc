using CsCheck;
using Mesh.Model;
using Mesh.Serialization;
using Mesh.Testing;
using Mesh.Translation;

namespace Mesh.Abstractions.Tests.Serialization;

/// <summary>The generator covers every <see cref="MeshFeature"/>, and restricting a model to a feature set is sound.</summary>
public class GeneratorFeatureTests
{
    private static readonly Gen<HashSet<MeshFeature>> FeatureSets =
        Gen.Bool.Array[MeshFeature.All.Count].Select(flags => MeshFeature.All.Where((_, i) => flags[i]).ToHashSet());

    [Fact]
    public void EveryMeshFeature_IsUsedByGeneratedModels()
    {
        var used = new HashSet<MeshFeature>();
        var gate = new object();
        MeshGenerators.Config.Sample(c =>
        {
            lock (gate) used.UnionWith(MeshFeatureUsage.Used(c));
        }, iter: 500);
        Assert.Empty(MeshFeature.All.Except(used).Select(f => f.Id));
    }

    [Fact]
    public void Restrict_ToEveryFeature_ChangesNothing() =>
        MeshGenerators.Config.Sample(c => Assert.Equal(c, MeshFeatureUsage.Restrict(c, _ => true)), iter: 300);

    [Fact]
    public void Restrict_UsesOnlySupportedFeatures_IsIdempotent_AndRoundTrips() =>
        Gen.Select(MeshGenerators.Config, FeatureSets).Sample((config, features) =>
        {
            var restricted = MeshFeatureUsage.Restrict(config, features.Contains);
            Assert.Empty(MeshFeatureUsage.Used(restricted).Except(features).Select(f => f.Id));
            Assert.Equal(restricted, MeshFeatureUsage.Restrict(restricted, features.Contains));
            Assert.Equal(restricted, MeshYaml.Read(MeshYaml.Write(restricted)).Config);
            foreach (var rule in restricted.Routes.SelectMany(r => r.Rules))
            {
                Assert.True(rule.Redirect is not null || rule.Backends.Any(b => b.Weight > 0));
            }
        }, iter: 500);

    [Fact]
    public void Restrict_ToNothing_LeavesOnlyServicesAndPlainRoutes()
    {
        MeshGenerators.ConfigSupporting(_ => false).Sample(c =>
        {
            Assert.Empty(MeshFeatureUsage.Used(c));
            Assert.True(c.TcpRoutes.IsEmpty && c.DestinationPolicies.All(p => p.LoadBalancer is null) && c.Mtls.IsEmpty && c.AccessPolicies.IsEmpty && c.ExternalServices.IsEmpty);
            Assert.All(c.Routes.SelectMany(r => r.Rules), r => Assert.Single(r.Backends));
        }, iter: 200);
    }

    [Fact]
    public void Used_OfTheNormativeExample_NamesItsFeatures()
    {
        var config = MeshYaml.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Serialization", "testassets", "bookinfo.mesh.yaml"))).Config!;
        var used = MeshFeatureUsage.Used(config);
        Assert.Superset(
            new HashSet<MeshFeature>([MeshFeature.PathPrefix, MeshFeature.PathRegex, MeshFeature.HeaderExact, MeshFeature.HeaderPresent, MeshFeature.QueryExact,
                MeshFeature.MethodMatch, MeshFeature.BackendSubset, MeshFeature.Timeout, MeshFeature.RetryAttempts, MeshFeature.RetryPerTryTimeout,
                MeshFeature.RetryOnHttp, MeshFeature.FaultDelay, MeshFeature.FaultAbort, MeshFeature.Mirror, MeshFeature.MirrorPercentage,
                MeshFeature.RewritePathPrefix, MeshFeature.RequestHeaders, MeshFeature.HashHeader, MeshFeature.MaxConnections, MeshFeature.ConnectTimeout,
                MeshFeature.OutlierConsecutive5xx, MeshFeature.SubsetPolicy, MeshFeature.MtlsStrict, MeshFeature.MtlsScopeNamespace, MeshFeature.AccessAllow,
                MeshFeature.AccessFromServiceAccounts, MeshFeature.AccessToPaths, MeshFeature.ExternalHosts, MeshFeature.ExternalResolutionDns]),
            used.ToHashSet());
        Assert.DoesNotContain(MeshFeature.WeightedSplit, used);
        Assert.DoesNotContain(MeshFeature.Cors, used);
    }
}
