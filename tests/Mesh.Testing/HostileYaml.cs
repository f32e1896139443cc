using System.Text;

namespace Mesh.Testing;

/// <summary>
/// The hostile YAML shapes every reader of the SDK must answer with a diagnostic, in bounded time and memory: one set,
/// shared by the model, manifest and endpoints readers' tests.
/// </summary>
public static class HostileYaml
{
    /// <summary>The "billion laughs" shape: 9 levels of 10 aliases each (10^9 nodes once expanded) in about 1 KB, under a <paramref name="key"/> of a mapping.</summary>
    /// <param name="prefix">Text put before the bomb (e.g. <c>apiVersion</c> and <c>kind</c> lines).</param>
    /// <param name="key">The key holding the bomb.</param>
    public static string AliasBomb(string prefix = "", string key = "spec")
    {
        var yaml = new StringBuilder(prefix);
        yaml.Append(key).Append(":\n");
        yaml.Append("  a: &a [").AppendJoin(",", Enumerable.Repeat("\"lol\"", 10)).Append("]\n");
        for (var level = 'b'; level <= 'j'; level++)
        {
            var previous = (char)(level - 1);
            yaml.Append("  ").Append(level).Append(": &").Append(level).Append(" [").AppendJoin(",", Enumerable.Repeat("*" + previous, 10)).Append("]\n");
        }
        return yaml.ToString();
    }

    /// <summary>A flow sequence nested <paramref name="depth"/> levels deep (<c>[[[…]]]</c>) under <paramref name="key"/>.</summary>
    /// <param name="depth">The nesting depth.</param>
    /// <param name="prefix">Text put before it.</param>
    /// <param name="key">The key holding it.</param>
    public static string DeepNesting(int depth = 20_000, string prefix = "", string key = "spec") =>
        prefix + key + ": " + new string('[', depth) + new string(']', depth) + "\n";

    /// <summary>A document of about <paramref name="megabytes"/> MB: one long string value under <paramref name="key"/>.</summary>
    /// <param name="megabytes">The size in MiB.</param>
    /// <param name="prefix">Text put before it.</param>
    /// <param name="key">The key holding it.</param>
    public static string Huge(int megabytes = 50, string prefix = "", string key = "spec") =>
        prefix + key + ": " + new string('x', megabytes * 1024 * 1024) + "\n";

    /// <summary>A flow sequence of <paramref name="count"/> small scalars (<c>[0,0,…]</c>, 2 bytes a node) under <paramref name="key"/>.</summary>
    /// <param name="count">The number of nodes.</param>
    /// <param name="prefix">Text put before it.</param>
    /// <param name="key">The key holding it.</param>
    public static string ManyNodes(int count = 1_000_000, string prefix = "", string key = "spec")
    {
        var yaml = new StringBuilder(prefix.Length + key.Length + 2 * count + 8);
        yaml.Append(prefix).Append(key).Append(": [");
        for (var i = 0; i < count; i++) yaml.Append(i == 0 ? "0" : ",0");
        return yaml.Append("]\n").ToString();
    }

    /// <summary>The four shapes by name, each under <paramref name="key"/> after <paramref name="prefix"/>.</summary>
    /// <param name="prefix">Text put before each.</param>
    /// <param name="key">The key holding each.</param>
    public static IEnumerable<(string Name, Func<string> Yaml)> All(string prefix = "", string key = "spec") =>
    [
        ("alias bomb (9 levels x 10)", () => AliasBomb(prefix, key)),
        ("20,000-deep nesting", () => DeepNesting(20_000, prefix, key)),
        ("50 MB document", () => Huge(50, prefix, key)),
        ("1,000,000 small nodes", () => ManyNodes(1_000_000, prefix, key)),
    ];
}
