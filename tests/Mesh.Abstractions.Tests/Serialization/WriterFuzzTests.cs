using CsCheck;
using Mesh.Model;
using Mesh.Serialization;
using Mesh.Testing;
using Mesh.Validation;

namespace Mesh.Abstractions.Tests.Serialization;

/// <summary>
/// The model writers on generated valid models carrying free text (<see cref="MeshGenerators.WithFreeText"/>: giant strings,
/// Unicode, control characters, YAML indicators in header values): writing never throws and reading the output back gives the
/// same model, in YAML and in JSON, as written and in normal form. (<see cref="RoundTripTests"/> covers the generated models
/// without free text; <c>MESH_SOAK</c> scales these cases.)
/// </summary>
public class WriterFuzzTests
{
    private static readonly long Cases = 150 * (long.TryParse(Environment.GetEnvironmentVariable("MESH_SOAK"), out var f) && f > 0 ? f : 1);

    private static Gen<MeshConfig> Models { get; } = MeshGenerators.WithFreeText(MeshGenerators.Config);

    [Fact]
    public void FreeTextModels_AreValid() =>
        Models.Sample(model => Assert.DoesNotContain(MeshValidator.Validate(model), d => d.IsError), iter: 100);

    [Fact]
    public void FreeText_ReachesTheModels()
    {
        // The property below is only as strong as the text it carries: most models have free text in some field.
        var carrying = 0;
        Models.Sample(model =>
        {
            var values = model.Routes.SelectMany(r => r.Rules).Concat(model.GatewayRoutes.SelectMany(r => r.Rules))
                .SelectMany(r => r.Matches.SelectMany(m => m.Headers.Concat(m.QueryParams)).Select(v => v.Value)
                    .Concat(new[] { r.RequestHeaders, r.ResponseHeaders }.SelectMany(h => h is null ? [] : h.Set.Values.Concat(h.Add.Values))));
            if (values.Any(v => v is not null && v.Any(c => char.IsControl(c) || c > '\u007F'))) Interlocked.Increment(ref carrying);
        }, iter: 200, threads: 1, seed: "0N0XIzNsQ0O2");
        Assert.True(carrying >= 40, $"only {carrying} of 200 models carry control or non-ASCII characters");
    }

    [Fact]
    public void Yaml_WriteNeverThrows_AndReadsBackTheSameModel() =>
        Models.Sample(model =>
        {
            var yaml = MeshYaml.Write(model);
            var back = MeshYaml.Read(yaml, "written.yaml");
            Assert.True(back.Diagnostics.Count == 0, string.Join("\n", back.Diagnostics));
            Assert.Equal(model, back.Config);
            var normal = model.Normalize();
            Assert.Equal(normal, MeshYaml.Read(MeshYaml.Write(normal)).Config);
        }, iter: Cases);

    [Fact]
    public void Json_WriteNeverThrows_AndReadsBackTheSameModel() =>
        Models.Sample(model =>
        {
            var json = MeshJson.Write(model);
            var back = MeshJson.Read(json, "written.json");
            Assert.True(back.Diagnostics.Count == 0, string.Join("\n", back.Diagnostics));
            Assert.Equal(model, back.Config);
            var normal = model.Normalize();
            Assert.Equal(normal, MeshJson.Read(MeshJson.Write(normal)).Config);
        }, iter: Cases);
}
