using System.Text.Json;
using CsCheck;
using Mesh.Serialization;
using Mesh.Testing;

namespace Mesh.Compliance.Tests;

/// <summary>On generated valid models the checker never throws, and every violation's path resolves in the model's JSON form.</summary>
public sealed class CheckerPropertyTests
{
    private static readonly MeshRules EveryKind = new()
    {
        Name = "all",
        Rules = [.. Enum.GetValues<RuleSubject>().Select(on => new ComplianceRule
        {
            Id = $"probe-{MeshRulesYaml.SubjectName(on)}",
            On = on,
            Severity = Mesh.Diagnostics.DiagnosticSeverity.Info,
            // Fails on some objects and guards every field it reads, so it must never be an evaluation error.
            Expression = "!has(object.namespace) || size(object.namespace) % 2 == 0",
        })],
    };

    [Fact]
    public void Check_NeverThrows_AndEveryPathResolves() =>
        MeshGenerators.Config.Sample(config =>
        {
            var result = ComplianceChecker.Check(config, EveryKind);
            Assert.Empty(result.Diagnostics);
            using var json = JsonDocument.Parse(MeshJson.Write(config));
            foreach (var v in result.Violations) Assert.True(Resolves(json.RootElement, v.Path), $"{v.RuleId} {v.Path} does not resolve in\n{MeshJson.Write(config)}");
        }, iter: 300);

    /// <summary>Whether a path <c>$.a.b[2].c</c> names a node of <paramref name="root"/>.</summary>
    internal static bool Resolves(JsonElement root, string path)
    {
        if (!path.StartsWith('$')) return false;
        var node = root;
        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = i + 1;
                while (end < path.Length && path[end] is not '.' and not '[') end++;
                if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(path[(i + 1)..end], out node)) return false;
                i = end;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                var index = int.Parse(path[(i + 1)..end], System.Globalization.CultureInfo.InvariantCulture);
                if (node.ValueKind != JsonValueKind.Array || index >= node.GetArrayLength()) return false;
                node = node[index];
                i = end + 1;
            }
            else
            {
                return false;
            }
        }
        return true;
    }
}
