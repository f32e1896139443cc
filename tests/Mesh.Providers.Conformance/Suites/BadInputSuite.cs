using CsCheck;
using System.Diagnostics;
using System.Reflection;
using k8s.Models;
using Mesh.Diagnostics;
using Mesh.Kubernetes;
using Mesh.Providers.AppMesh;
using Mesh.Providers.Consul;
using Mesh.Providers.GatewayApi;
using Mesh.Providers.Istio;
using Mesh.Providers.Linkerd;
using Mesh.Providers.Osm;
using Mesh.Testing;
using Mesh.Translation;
using Xunit;

namespace Mesh.Providers.Conformance.Suites;

/// <summary>Bad input — malformed YAML, wrong types, unknown enum values, missing required fields, unknown versions — gives diagnostics with paths; nothing throws and no partial model is returned.</summary>
public abstract class BadInputSuite : ConformanceSuite
{
    /// <summary>Provider-specific malformed documents: at least a wrong type, an unknown enum value, a missing required field and an unknown apiVersion.</summary>
    protected abstract IEnumerable<BadInputCase> Cases { get; }

    /// <summary>A valid document of the provider, used as the seed of random mutations.</summary>
    protected abstract string ValidDocument { get; }

    /// <summary>Each case yields a diagnostic at its path and no model.</summary>
    [Fact]
    public void EachCase_IsReportedAtItsPath()
    {
        var failures = new List<string>();
        foreach (var c in Cases)
        {
            var result = Translator.ImportYaml(c.Yaml, "bad.yaml");
            if (!result.Diagnostics.Any(d => d.Path == "bad.yaml#0 " + c.ExpectedPath))
            {
                failures.Add($"{c.Name}: no diagnostic at {c.ExpectedPath}; got {string.Join(" | ", result.Diagnostics)}");
            }
            else if (result.HasErrors && result.Config is not null)
            {
                failures.Add($"{c.Name}: a model was returned despite errors");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Malformed YAML is a syntax diagnostic, not an exception.</summary>
    [Fact]
    public void MalformedYaml_IsASyntaxDiagnostic()
    {
        var result = Translator.ImportYaml("apiVersion: [unclosed\nkind: {", "broken.yaml");
        Assert.True(result.HasErrors);
        Assert.Null(result.Config);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.Syntax && d.Path.StartsWith("broken.yaml#", StringComparison.Ordinal));
    }

    /// <summary>An unrelated kind is reported and skipped.</summary>
    [Fact]
    public void UnrelatedKind_IsReportedAndSkipped()
    {
        var result = Translator.ImportYaml("apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: x }\nspec: {}\n", "other.yaml");
        Assert.False(result.HasErrors);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.UnknownResourceKind && d.Path == "other.yaml#0 $.kind");
    }

    /// <summary>A document that is not a mapping is reported.</summary>
    [Fact]
    public void NonMappingDocument_IsReported()
    {
        var result = Translator.ImportYaml("- just\n- a list\n", "list.yaml");
        Assert.True(result.HasErrors);
        Assert.Contains(result.Diagnostics, d => d.Path == "list.yaml#0 $");
    }

    /// <summary>Random text never throws.</summary>
    [Fact]
    public void RandomText_NeverThrows() =>
        Gen.String.Sample(text => { _ = Translator.ImportYaml(text, "random.yaml"); }, iter: 500);

    /// <summary>Random mutations of a valid document (a scalar replaced by a list, map, number, bool or odd string) never throw.</summary>
    [Fact]
    public void MutatedDocuments_NeverThrow()
    {
        var lines = ValidDocument.Split('\n');
        var replacements = new[] { "[1, 2]", "{a: b}", "42", "-1", "true", "\"\"", "~", "1.5", "'x: y'", "9999999999999" };
        Gen.Select(Gen.Int[0, lines.Length - 1], Gen.Int[0, replacements.Length - 1]).Sample((line, r) =>
        {
            var mutated = (string[])lines.Clone();
            var colon = mutated[line].IndexOf(": ", StringComparison.Ordinal);
            mutated[line] = colon > 0 ? mutated[line][..(colon + 2)] + replacements[r] : mutated[line] + " " + replacements[r];
            var result = Translator.ImportYaml(string.Join('\n', mutated), "mutated.yaml");
            Assert.True(!result.HasErrors || result.Config is null);
        }, iter: 400);
    }

    /// <summary>
    /// In-process fuzzing: mutations (<see cref="Mutations"/>) of this provider's seed and of every manifest of the
    /// conformance corpus — every provider's, so each importer also meets the others' kinds — never throw, never hang (each
    /// case is timed), never give a model with an error, and give only models that validate. <c>MESH_SOAK</c> scales the cases
    /// (fast mode: 1,500 per provider).
    /// </summary>
    [Fact]
    public void MutatedCorpus_NeverThrows_AndEveryModelGivenValidates()
    {
        var seeds = new List<(string Name, string Text)> { ("seed", ValidDocument) };
        var examples = Support.ConformancePaths.RepoRoot is { } root ? Path.GetFullPath(Path.Combine(root, "..", "shared", "conformance", "examples")) : null;
        if (examples is not null && Directory.Exists(examples))
        {
            seeds.AddRange(Directory.GetFiles(examples, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllText(f))));
        }
        Mutations.Of(seeds).Sample(mutation =>
        {
            var watch = Stopwatch.StartNew();
            var result = Translator.ImportYaml(mutation.Text, "mutated.yaml");
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"{mutation.What}: took {watch.Elapsed}");
            Assert.True(!result.HasErrors || result.Config is null, $"{mutation.What}: a model with errors");
            if (result.Config is { } config)
            {
                var invalid = Mesh.Validation.MeshValidator.Validate(config).Where(d => d.IsError).ToList();
                Assert.True(invalid.Count == 0, $"{mutation.What}: the imported model is invalid: {string.Join("; ", invalid)}");
            }
        }, iter: Support.Soak.Scale(1500), print: m => m.What);
    }

    /// <summary>
    /// In-process fuzzing of the typed entry point, <see cref="ITranslator.Import"/>: the objects this provider's own reader makes
    /// of its seed and of every manifest of the conformance corpus, mutated structurally (<see cref="ObjectMutations"/>, one to
    /// three mutations a case: properties and list items made null, empty lists, lists holding null, huge numbers, giant and
    /// control-character strings, unknown enum-like values, objects of the wrong type, duplicates, other providers' kinds,
    /// unrelated types, null entries, no metadata, no name), never throw, never hang, never give a model with an error, and give
    /// only models that validate. <c>MESH_SOAK</c> scales the cases (fast mode: 500 per provider).
    /// </summary>
    [Fact]
    public void MutatedTypedObjects_NeverThrow_AndEveryModelGivenValidates()
    {
        var texts = new List<(string Name, string Text)> { ("seed", ValidDocument) };
        var examples = Support.ConformancePaths.Conformance is { } conformance ? Path.Combine(conformance, "examples") : null;
        if (examples is not null && Directory.Exists(examples))
        {
            texts.AddRange(Directory.GetFiles(examples, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => (Path.GetRelativePath(examples, f), File.ReadAllText(f))));
        }
        else
        {
            TestContext.Current.TestOutputHelper?.WriteLine("../shared/conformance/examples is absent: the typed objects are only the provider's seed's.");
        }
        // Seeds: the texts in which this provider's reader finds objects of its own (read again for each case, as the mutations change them).
        var seeds = texts.Where(t => TypedObjects.Read(Translator, t.Text).Count > 0).ToList();
        Assert.NotEmpty(seeds);
        // What a mutation may add: every other provider's objects of the same texts, and objects of unrelated types.
        var others = new List<object?>();
        foreach (var other in TypedObjects.Translators.Where(t => t.Provider != Translator.Provider))
        {
            foreach (var (_, text) in texts) others.AddRange(TypedObjects.Read(other, text));
        }
        others.AddRange(TypedObjects.Unrelated);
        long models = 0, refused = 0;
        var mutation = Gen.Int[int.MinValue, int.MaxValue].Array[3];
        Gen.Select(Gen.Int[0, seeds.Count - 1], mutation.Array[1, 3]).Sample((seed, mutations) =>
        {
            var resources = TypedObjects.Read(Translator, seeds[seed].Text).Cast<object?>().ToList();
            // Objects added from the shared pool are never mutated themselves: additions come last.
            var done = mutations.OrderBy(m => Math.Abs(m[0] % 14) == 8)
                .Select(m => ObjectMutations.Apply(resources, m[0], m[1] & int.MaxValue, m[2] & int.MaxValue, others)).ToList();
            var what = $"{seeds[seed].Name}: {string.Join("; ", done)}";
            var watch = Stopwatch.StartNew();
            ImportResult result;
            try
            {
                result = Translator.Import(resources.Cast<object>().ToList());
            }
            catch (Exception e)
            {
                Assert.Fail($"{what}: {e}");
                throw;
            }
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"{what}: took {watch.Elapsed}");
            Assert.True(!result.HasErrors || result.Config is null, $"{what}: a model with errors: {string.Join("; ", result.Diagnostics.Where(d => d.IsError))}");
            if (result.Config is { } config)
            {
                Interlocked.Increment(ref models);
                var invalid = Mesh.Validation.MeshValidator.Validate(config).Where(d => d.IsError).ToList();
                Assert.True(invalid.Count == 0, $"{what}: the imported model is invalid: {string.Join("; ", invalid)}");
            }
            else
            {
                Interlocked.Increment(ref refused);
            }
        }, iter: Support.Soak.Scale(500));
        TestContext.Current.TestOutputHelper?.WriteLine($"{seeds.Count} seeds, {others.Count} objects to add; {models} cases gave a model, {refused} errors and no model.");
    }

    /// <summary>The head of a manifest of the provider, put before each hostile body (so the reader, not the kind check, must stop it).</summary>
    protected virtual string HostileHead => string.Join('\n', ValidDocument.Split('\n').TakeWhile(l => !l.StartsWith("spec:", StringComparison.Ordinal))) + "\n";

    /// <summary>
    /// Hostile YAML — an alias bomb, a 20,000-deep nesting, a 50 MB document, a document of 1,000,000 small nodes — is a reader
    /// diagnostic (MESH1006, with a line and column) and no model, never an exception; the memory each allocates is bounded.
    /// </summary>
    [Fact]
    public void HostileYaml_IsALimitDiagnostic_InBoundedMemory()
    {
        var failures = new List<string>();
        foreach (var (name, make) in HostileYaml.All(HostileHead))
        {
            var yaml = make();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            var result = Translator.ImportYaml(yaml, "hostile.yaml");
            clock.Stop();
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            TestContext.Current.TestOutputHelper?.WriteLine($"{name}: {clock.ElapsedMilliseconds} ms, {allocated / (1024 * 1024)} MiB allocated, {string.Join(" | ", result.Diagnostics.Where(d => d.IsError))}");
            var limit = result.Diagnostics.FirstOrDefault(d => d.Code == DiagnosticCodes.LimitExceeded);
            if (limit is null) failures.Add($"{name}: no {DiagnosticCodes.LimitExceeded}; got {string.Join(" | ", result.Diagnostics)}");
            else if (limit.Location is null || !limit.Path.StartsWith("hostile.yaml#0 ", StringComparison.Ordinal)) failures.Add($"{name}: the diagnostic has no location or source path: {limit}");
            if (result.Config is not null) failures.Add($"{name}: a model was returned");
            // All a reader may allocate (most of it short-lived parser events) while refusing the input: well under the 2 GB an
            // alias-expanding reader reached before it ran out of memory.
            if (allocated > 768L * 1024 * 1024) failures.Add($"{name}: {allocated / (1024 * 1024)} MiB allocated");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}

/// <summary>The typed objects the providers' own readers make of manifests, and objects of unrelated types.</summary>
internal static class TypedObjects
{
    /// <summary>One translator of each provider.</summary>
    public static IReadOnlyList<ITranslator> Translators { get; } =
        [new IstioTranslator(), new GatewayApiTranslator(), new LinkerdTranslator(), new AppMeshTranslator(), new OsmTranslator(), new ConsulTranslator()];

    /// <summary>Objects no provider reads: a plain object, a string, a number, KubernetesClient's own kinds, a map that looks like a manifest.</summary>
    public static IReadOnlyList<object?> Unrelated =>
    [
        new object(), "apiVersion: v1\nkind: Service\n", 42, new[] { 1, 2 },
        new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "cm", NamespaceProperty = "default" } },
        new V1Service { Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "shop" }, Spec = new V1ServiceSpec { Ports = [new V1ServicePort { Port = 80 }] } },
        new V1Pod(),
        new Dictionary<string, object> { ["apiVersion"] = "networking.istio.io/v1", ["kind"] = "VirtualService" },
        new CoreService(),
        new CoreService { Metadata = null!, Spec = new CoreServiceSpec { Ports = [null, new CoreServicePort { Port = -1 }] } },
    ];

    /// <summary>The typed objects <paramref name="translator"/>'s reader makes of <paramref name="yaml"/> (what it would import).</summary>
    public static List<object> Read(ITranslator translator, string yaml)
    {
        // The catalog is the translator's own (protected); reflection keeps it out of the public API.
        var catalog = (ResourceCatalog)translator.GetType().GetProperty("Catalog", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(translator)!;
        var context = new ImportContext(translator.Provider, "default");
        return [.. ImportSources.FromYaml([new SourceText("seed.yaml", yaml)], context, catalog).Select(r => r.Resource)];
    }
}
