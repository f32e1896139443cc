using Mesh.Providers.Conformance.Support;
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
/// TCP splits), <c>model → P1 → import → P2 → import</c> keeps the behaviour (<see cref="MeshBehaviour"/>) of every rule, or
/// an export names the rule (<see cref="ChangeAttribution"/>): the capability table does not separate every
/// form a mesh cannot write — an HTTP route on a host with only TLS ports, a whole-service backend where App Mesh gives each
/// subset's pods their own node — and those exports report what they change. The named share is printed per pair.
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
    protected virtual long Iterations => Soak.Scale(150);

    /// <summary>At most this many batches of <see cref="Iterations"/> models are drawn for a pair short of rules.</summary>
    private const int MaxBatches = 4;

    /// <summary>The ordered pairs of the matrix that involve this provider, as test data.</summary>
    public IEnumerable<(ITranslator From, ITranslator To)> Pairs() =>
        Partners.SelectMany(p => new[] { (Translator, p), (p, Translator) });

    /// <summary>
    /// Why the matrix of this provider does not hold yet, when it does not: the test is then skipped with this reason (so the gap
    /// is visible in every test run) instead of passing or being left out.
    /// </summary>
    /// <value>Defaults to null: the matrix must hold.</value>
    protected virtual string? KnownGap => null;

    /// <summary>Every ordered pair keeps every rule's behaviour.</summary>
    [Fact]
    public void Migration_KeepsTheBehaviourOfEveryRule_ForEveryPairBothWays()
    {
        if (KnownGap is { } gap) Assert.Skip(gap);
        Assert.NotEmpty(Partners);
        var failures = new List<string>();
        foreach (var (from, to) in Pairs())
        {
            var tally = new RuleTally();
            // A pair whose exact forms leave few rules per model (OSM writes one split per host) draws more models, up to
            // MaxBatches × Iterations, until it has checked Iterations / 5 rules: the check never hinges on a lucky seed.
            var models = 0L;
            try
            {
                for (var batch = 0; batch < MaxBatches && (batch == 0 || tally.Rules < Iterations / 5); batch++)
                {
                    Within(from, to).Sample(model => AssertKeepsBehaviour(model, from, to, tally), iter: Iterations);
                    models += Iterations;
                }
            }
            catch (Exception e) when (e is CsCheckException or Xunit.Sdk.XunitException)
            {
                failures.Add($"{from.Provider} → {to.Provider}: {e.Message}\n{e.InnerException?.Message}");
            }
            TestContext.Current.TestOutputHelper?.WriteLine($"{from.Provider} → {to.Provider}: {tally.Rules} rules in {models} models, {tally.Rules - tally.Named} kept, {tally.Named} changed and named by the export");
            // A pair whose generated models hold (almost) no rules, or whose rules are mostly changed, checks little.
            if (tally.Rules < Iterations / 5) failures.Add($"{from.Provider} → {to.Provider}: only {tally.Rules} rules in {models} models; the pair checks too little.");
            else if (tally.Named * 10 > tally.Rules) failures.Add($"{from.Provider} → {to.Provider}: {tally.Named} of {tally.Rules} rules changed (named by an export); more than a tenth: draw within the exact forms (ExactForms).");
        }
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    /// <summary>Generated valid models using only the behaviour features both providers express natively, in the forms both write exactly (<see cref="ExactForms"/>).</summary>
    protected static Gen<MeshConfig> Within(ITranslator a, ITranslator b) =>
        MeshGenerators.ConfigSupporting(f => BehaviourFeatures.Contains(f) && Native(a, f) && Native(b, f))
            .Select(Portable)
            .Select(m => ExactForms.For(b.Provider, ExactForms.For(a.Provider, m)));

    /// <summary>
    /// Removes the forms the capability table does not separate but some mesh cannot write exactly (each is reported by its
    /// export): an exact header or query match on the empty string (Gateway API values are non-empty, MESH2101), a backend
    /// without a port to a service with several ports ("the request's port" — a Service backendRef names one port, MESH2101),
    /// splits that are not whole percentages (Istio's weights are percentages; others are rounded, MESH2103), and TCP routes and
    /// backends without a port (a TCP route "on every port" and "the connection's port" read back differently per mesh; they
    /// are given the service's first port here and covered by each provider's own TCP tests).
    /// </summary>
    private static MeshConfig Portable(MeshConfig model)
    {
        var services = model.Services.ToDictionary(s => s.Reference);
        int? PortOf(ServiceRef service, int? port) => port ?? (services.TryGetValue(service, out var s) && s.Ports.Count > 1 ? s.Ports[0].Port : null);
        static ValueMatch NonEmpty(ValueMatch m) => m.Kind == ValueMatchKind.Exact && m.Value == "" ? m with { Value = "empty" } : m;
        return model with
        {
            Routes = [.. model.Routes.Select(r => r with
            {
                Rules = [.. r.Rules.Select(rule => rule with
                {
                    Matches = [.. rule.Matches.Select(m => m with { Headers = [.. m.Headers.Select(NonEmpty)], QueryParams = [.. m.QueryParams.Select(NonEmpty)] })],
                    Backends = Percentages([.. rule.Backends.Select(b => b with { Port = PortOf(b.Service, b.Port) })]),
                    Mirror = rule.Mirror is { } mirror ? mirror with { Port = PortOf(mirror.Service, mirror.Port) } : null,
                })],
            })],
            TcpRoutes = [.. model.TcpRoutes.Select(t => t with
            {
                Port = t.Port ?? (services.TryGetValue(t.Host, out var host) && host.Ports.Count > 0 ? host.Ports[0].Port : null),
                Backends = Percentages([.. t.Backends.Select(b => b with { Port = b.Port ?? (services.TryGetValue(b.Service, out var s) && s.Ports.Count > 0 ? s.Ports[0].Port : null) })]),
            })],
        };
    }

    /// <summary>The split as whole percentages, rounded by largest remainder (what Istio writes, with MESH2103).</summary>
    private static Mesh.Collections.EquatableArray<WeightedBackend> Percentages(Mesh.Collections.EquatableArray<WeightedBackend> backends)
    {
        var total = backends.Sum(b => (long)b.Weight);
        if (backends.Count < 2 || total <= 0 || backends.All(b => b.Weight * 100L % total == 0)) return backends;
        var floors = backends.Select(b => (int)(b.Weight * 100L / total)).ToArray();
        var left = 100 - floors.Sum();
        foreach (var i in Enumerable.Range(0, backends.Count).OrderByDescending(i => backends[i].Weight * 100L % total).ThenBy(i => i).Take(left)) floors[i]++;
        return [.. backends.Select((b, i) => b with { Weight = floors[i] })];
    }

    private static bool Native(ITranslator translator, MeshFeature feature) => translator.Capabilities[feature].Support == CapabilitySupport.Native;

    /// <summary>
    /// <c>model → from → import → to → import</c> has the behaviour of <paramref name="model"/>, but for rules either export
    /// names (counted in <paramref name="tally"/>).
    /// </summary>
    protected static void AssertKeepsBehaviour(MeshConfig model, ITranslator from, ITranslator to, RuleTally tally)
    {
        var (first, firstNames) = RoundTrip(model, from);
        var (second, secondNames) = RoundTrip(first, to);
        // The model's Services stand for the cluster's (a provider that writes none routes to those already there).
        var before = MeshBehaviour.Of(model, model.Services);
        var between = MeshBehaviour.Of(first, model.Services);
        var changes = before.CompareTo(MeshBehaviour.Of(second, model.Services));
        // The second export's paths are into the first import: a rule is found there by its key.
        bool Named(BehaviourChange c) =>
            ChangeAttribution.Names(firstNames, c.Before?.Path ?? c.After?.Path ?? "$")
            || (c.Before is { } rule && between.Find(rule.Key) is { } carried && ChangeAttribution.Names(secondNames, carried.Path));
        // A rule whose matches changed is a pair: gone under its old key (named there), new under another of the same host.
        var renamedHosts = changes.Where(c => c.After is null && Named(c)).Select(c => (c.Before!.Kind, c.Before.Host)).ToHashSet();
        var unnamed = changes.Where(c => !Named(c) && !(c.Before is null && renamedHosts.Contains((c.After!.Kind, c.After.Host)))).ToList();
        Assert.True(unnamed.Count == 0, $"{string.Join("\n", unnamed.Select(c => c.Message))}\n--- model:\n{Mesh.Serialization.MeshYaml.Write(model)}");
        tally.Add(before.Rules.Count, changes.Count);
    }

    private static (MeshConfig Config, IReadOnlyList<Mesh.Diagnostics.Diagnostic> ExportDiagnostics) RoundTrip(MeshConfig model, ITranslator translator)
    {
        var translated = translator.Translate(model);
        Assert.False(translated.HasErrors, $"{translator.Provider} translate: " + string.Join("\n", translated.Diagnostics.Where(d => d.IsError)));
        var back = translator.Import(translated.Resources);
        Assert.False(back.HasErrors, $"{translator.Provider} import: " + string.Join("\n", back.Diagnostics.Where(d => d.IsError)));
        return (back.Config!, translated.Diagnostics);
    }

    /// <summary>Rules checked and rules changed-and-named over one pair's samples (CsCheck samples on several threads).</summary>
    protected sealed class RuleTally
    {
        private long _rules;
        private long _named;

        /// <summary>Rules checked.</summary>
        public long Rules => Interlocked.Read(ref _rules);

        /// <summary>Rules changed and named by the export.</summary>
        public long Named => Interlocked.Read(ref _named);

        /// <summary>Counts one sample.</summary>
        public void Add(int rules, int named)
        {
            Interlocked.Add(ref _rules, rules);
            Interlocked.Add(ref _named, named);
        }
    }
}
