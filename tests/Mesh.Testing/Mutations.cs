using System.Text;
using CsCheck;

namespace Mesh.Testing;

/// <summary>
/// Structure-aware and byte-level mutations of real manifests, for in-process fuzzing of importers: lines dropped,
/// duplicated (a duplicate key), swapped, re-indented; the text truncated; scalars replaced by other types, huge numbers,
/// giant strings, control characters and lone surrogates; a document repeated; anchors and aliases (nested expansion)
/// inserted. Each draw names its mutation, so a failure says what was done.
/// </summary>
public static class Mutations
{
    private static readonly string[] Scalars =
    [
        "[1, 2]", "{a: b}", "42", "-1", "true", "\"\"", "~", "1.5", "'x: y'", "9999999999999999999999", "-9223372036854775809",
        ".nan", "1e400", "\"\\u0000\"", "\"\\uD800\"", "!!binary aGk=", "*undefined", "&a", "|\n  block", ">-\n  folded",
        "\"" + new string('x', 100_000) + "\"", "\u0001\u0002", "\t", "0x7FFFFFFF", "- nested", "[[[[[[[[]]]]]]]]",
    ];

    /// <summary>A mutation of one of <paramref name="seeds"/>: the text and what was done to it.</summary>
    /// <param name="seeds">Valid manifests.</param>
    /// <returns>The generator.</returns>
    public static Gen<(string Text, string What)> Of(IReadOnlyList<(string Name, string Text)> seeds) =>
        Gen.Select(Gen.Int[0, seeds.Count - 1], Gen.Int[0, 10], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], (s, kind, a, b) =>
        {
            var (name, text) = seeds[s];
            var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
            var i = a % lines.Count;
            var j = b % lines.Count;
            string what;
            switch (kind)
            {
                case 0:
                    lines.RemoveAt(i);
                    what = $"line {i} dropped";
                    break;
                case 1:
                    lines.Insert(i, lines[i]);
                    what = $"line {i} duplicated";
                    break;
                case 2:
                    (lines[i], lines[j]) = (lines[j], lines[i]);
                    what = $"lines {i} and {j} swapped";
                    break;
                case 3:
                    lines[i] = "  " + lines[i];
                    what = $"line {i} indented";
                    break;
                case 4:
                    lines[i] = lines[i].StartsWith("  ", StringComparison.Ordinal) ? lines[i][2..] : lines[i].TrimStart();
                    what = $"line {i} dedented";
                    break;
                case 5:
                    var cut = a % Math.Max(1, text.Length);
                    return (text[..cut], $"{name} truncated at {cut}");
                case 6 or 7:
                    var scalar = Scalars[b % Scalars.Length];
                    var colon = lines[i].IndexOf(": ", StringComparison.Ordinal);
                    lines[i] = colon > 0 ? lines[i][..(colon + 2)] + scalar : lines[i] + " " + scalar;
                    what = $"line {i} given {Shorten(scalar)}";
                    break;
                case 8:
                    return (text + "\n---\n" + text, $"{name} repeated as a second document");
                case 9:
                    var indent = new string(' ', lines[i].Length - lines[i].TrimStart().Length);
                    lines.Insert(i, $"{indent}zz-anchor: &m {{a: [1, 2, 3], b: [1, 2, 3]}}");
                    lines.Insert(i + 1, $"{indent}zz-alias: [*m, *m, *m, *m]");
                    what = $"anchor and aliases at line {i}";
                    break;
                default:
                    var bytes = Encoding.UTF8.GetBytes(text);
                    var at = a % Math.Max(1, bytes.Length);
                    bytes[at] = (byte)(b % 256);
                    // Invalid UTF-8 read leniently, as a file would be.
                    return (Encoding.UTF8.GetString(bytes), $"{name} byte {at} set to {b % 256}");
            }
            return (string.Join('\n', lines), $"{name}: {what}");
        });

    private static string Shorten(string s) => s.Length > 40 ? s[..20] + $"…({s.Length} chars)" : s;
}
