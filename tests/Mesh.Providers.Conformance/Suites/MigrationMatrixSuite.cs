using CsCheck;
using Mesh.Analysis;
using Mesh.Model;
using Mesh.Testing;
using Mesh.Translation;
using Xunit;

namespace Mesh.Providers.Conformance.Suites;

/// <summary>
/// The migration matrix: for this provider paired with every other, both ways, and generated models within both providers'
/// capabilities for the behaviour-carrying features (subsets, weighted splits, path/header/method matches, backend ports,
/// TCP splits), <c>model → P1 → import → P2 → import</c> keeps the behaviour (<see cref="MeshBehaviour"/>) of every rule
/// exactly.
/// </summary>
public abstract class MigrationMatrixSuite : ConformanceSuite
{
    /// <summary>The features a migration must carry for the matrix: what decides which workloads receive which share.</summary>
    public static IReadOnlySet<MeshFeature> BehaviourFeatures { get; } = new HashSet<MeshFeature>
    {
        MeshFeature.PathExact, MeshFeature.PathPrefix, MeshFeature.PathRegex,
        MeshFeature.HeaderExact, MeshFeature.HeaderPrefix, MeshFeature.HeaderRegex, MeshFeature.HeaderPresent,
        MeshFeature.MethodMatch, MeshFeature.WeightedSplit, MeshFeature.BackendSubset, MeshFeature.BackendPort, MeshFeature.TcpSplit,
    };

    /// <summary>The other providers this one is paired with (every provider the SDK ships, but this one).</summary>
    protected abstract IReadOnlyList<ITranslator> Partners { get; }

    /// <summary>The generated cases per ordered pair.</summary>
    /// <value>Defaults to 150.</value>
    protected virtual long Iterations => 150;

    /// <summary>The ordered pairs of the matrix that involve this provider, as test data.</summary>
    public IEnumerable<(ITranslator From, ITranslator To)> Pairs() =>
        Partners.SelectMany(p => new[] { (Translator, p), (p, Translator) });

    /// <summary>Every ordered pair keeps every rule's behaviour.</summary>
    [Fact]
    public void Migration_KeepsTheBehaviourOfEveryRule_ForEveryPairBothWays()
    {
        Assert.NotEmpty(Partners);
        var failures = new List<string>();
        foreach (var (from, to) in Pairs())
        {
            try
            {
                Within(from, to).Sample(model => AssertKeepsBehaviour(model, from, to), iter: Iterations);
            }
            catch (Exception e) when (e is CsCheckException or Xunit.Sdk.XunitException)
            {
                failures.Add($"{from.Provider} → {to.Provider}: {e.Message}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    /// <summary>Generated valid models using only the behaviour features both providers express natively.</summary>
    protected static Gen<MeshConfig> Within(ITranslator a, ITranslator b) =>
        MeshGenerators.ConfigSupporting(f => BehaviourFeatures.Contains(f) && Native(a, f) && Native(b, f));

    private static bool Native(ITranslator translator, MeshFeature feature) => translator.Capabilities[feature].Support == CapabilitySupport.Native;

    /// <summary><c>model → from → import → to → import</c> has the behaviour of <paramref name="model"/>.</summary>
    protected static void AssertKeepsBehaviour(MeshConfig model, ITranslator from, ITranslator to)
    {
        var first = RoundTrip(model, from);
        var second = RoundTrip(first, to);
        // The model's Services stand for the cluster's (a provider that writes none routes to those already there).
        var changes = MeshBehaviour.Of(model, model.Services).CompareTo(MeshBehaviour.Of(second, model.Services));
        Assert.True(changes.Count == 0, $"{string.Join("\n", changes.Select(c => c.Message))}\n--- model:\n{Mesh.Serialization.MeshYaml.Write(model)}");
    }

    private static MeshConfig RoundTrip(MeshConfig model, ITranslator translator)
    {
        var translated = translator.Translate(model);
        Assert.False(translated.HasErrors, $"{translator.Provider} translate: " + string.Join("\n", translated.Diagnostics.Where(d => d.IsError)));
        var back = translator.Import(translated.Resources);
        Assert.False(back.HasErrors, $"{translator.Provider} import: " + string.Join("\n", back.Diagnostics.Where(d => d.IsError)));
        return back.Config!;
    }
}
