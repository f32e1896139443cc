using System.Diagnostics;
using CsCheck;
using Mesh.Serialization;
using Mesh.Testing;
using Mesh.Validation;

namespace Mesh.Abstractions.Tests.Serialization;

/// <summary>
/// In-process fuzzing of the model readers (<see cref="Mutations"/> of generated models written as YAML and JSON, and of the
/// sample): reading and validating never throw or hang, and a read with an error gives no model. <c>MESH_SOAK</c> scales it.
/// </summary>
public class ModelFuzzTests
{
    private static readonly long Cases = 1500 * (long.TryParse(Environment.GetEnvironmentVariable("MESH_SOAK"), out var f) && f > 0 ? f : 1);

    private static readonly string Sample = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "samples", "bookinfo.mesh.yaml"));

    [Fact]
    public void MutatedModels_NeverThrow_AndAReadWithAnErrorGivesNoModel() =>
        MeshGenerators.Config
            .SelectMany(model => Mutations.Of([("model.yaml", MeshYaml.Write(model)), ("model.json", MeshJson.Write(model)), ("bookinfo.mesh.yaml", Sample)]))
            .Sample(mutation =>
            {
                var watch = Stopwatch.StartNew();
                var json = mutation.What.StartsWith("model.json", StringComparison.Ordinal);
                var read = json ? MeshJson.Read(mutation.Text, "mutated.json") : MeshYaml.Read(mutation.Text, "mutated.yaml");
                Assert.True(!read.HasErrors || read.Config is null, $"{mutation.What}: a model with errors");
                if (read.Config is { } config) _ = MeshValidator.Validate(config);
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"{mutation.What}: took {watch.Elapsed}");
            }, iter: Cases, print: m => m.What);
}
