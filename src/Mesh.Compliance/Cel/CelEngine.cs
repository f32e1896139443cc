using System.Text;
using System.Text.RegularExpressions;
using Cel;

namespace Mesh.Compliance.Cel;

/// <summary>
/// Compiles and runs rule expressions with the <c>Cel</c> package. What the package lets through that CEL does not is refused
/// at compile time: characters its lexer skips without an error (<c>a &amp;&amp;&amp; b</c>) and functions it would only find missing
/// when run. <c>has()</c> is field presence, as in Kubernetes (the package answers false for a present empty value).
/// Values are JSON-shaped only (maps, lists, strings, integers, doubles, booleans, null).
/// </summary>
internal sealed partial class CelEngine
{
    /// <summary>The macros and functions an expression may call: the package's standard ones, checked by the conformance tests.</summary>
    public static IReadOnlySet<string> Functions { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "has", "all", "exists", "exists_one", "filter", "map",
        "size", "contains", "startsWith", "endsWith", "matches", "int", "uint", "double", "string", "bool", "duration", "dyn",
    };

    private readonly CelEnvironment _environment;

    public CelEngine()
    {
        _environment = new CelEnvironment(null, null);
        _environment.RegisterFunction("has", [typeof(object)], args => !IsNoSuchField(args[0]));
    }

    /// <summary>Compiles <paramref name="expression"/>; on failure, why and where (1-based column in the expression).</summary>
    public (CelProgramDelegate? Program, string? Error) Compile(string expression)
    {
        string treeText;
        try
        {
            treeText = _environment.Parse(expression).GetText();
        }
        catch (CelException x)
        {
            return (null, ParserMessage(x.Message));
        }
        if (Skipped(expression, treeText) is { } column) return (null, $"column {column}: characters the expression parser does not accept.");
        foreach (Match call in Call().Matches(Blank(expression)))
        {
            var name = call.Groups[1].Value;
            if (!Functions.Contains(name)) return (null, $"column {call.Index + 1}: unknown function '{name}' (available: {string.Join(", ", Functions.Order(StringComparer.Ordinal))}).");
        }
        try
        {
            return (_environment.Compile(expression), null);
        }
        catch (CelException x)
        {
            return (null, ParserMessage(x.Message));
        }
    }

    /// <summary>Runs a compiled expression; a boolean result, or why there is none.</summary>
    public static (bool? Result, string? Error) Evaluate(CelProgramDelegate program, IDictionary<string, object?> variables)
    {
        object? value;
        try
        {
            value = program(variables);
        }
#pragma warning disable CA1031 // Any failure of the package's evaluator is the rule's diagnostic, never the caller's exception.
        catch (Exception x)
#pragma warning restore CA1031
        {
            var inner = x;
            while (inner.InnerException is not null) inner = inner.InnerException;
            return (null, inner.Message);
        }
        return value is bool result ? (result, null) : (null, $"the expression gives {Describe(value)}, not a boolean.");
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string s => $"the string '{s}'",
        long or double => $"the number {Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)}",
        _ when IsNoSuchField(value) => "no value (a field that is not there)",
        _ => $"a value of type {value.GetType().Name}",
    };

    private static bool IsNoSuchField(object? value) => value?.GetType().FullName == "Cel.Internal.CelNoSuchField";

    /// <summary>The package's parser message (<c>Line 1:10 mismatched input …</c>) with a 1-based column.</summary>
    private static string ParserMessage(string message)
    {
        var first = message.Split('\n')[0];
        var m = ParserPosition().Match(first);
        return m.Success ? $"column {int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) + 1}: {first[m.Length..].Trim()}" : first;
    }

    /// <summary>
    /// The 1-based column of the first character of <paramref name="expression"/> (outside whitespace) missing from the parse
    /// tree's text, or null when the tree holds every character.
    /// </summary>
    internal static int? Skipped(string expression, string treeText)
    {
        if (treeText.EndsWith("<EOF>", StringComparison.Ordinal)) treeText = treeText[..^5];
        var kept = new StringBuilder(expression.Length);
        var columns = new List<int>(expression.Length);
        char? quote = null;
        for (var i = 0; i < expression.Length; i++)
        {
            var c = expression[i];
            if (quote is null && char.IsWhiteSpace(c)) continue;
            kept.Append(c);
            columns.Add(i + 1);
            if (quote is null && c is '\'' or '"') quote = c;
            else if (quote == c) quote = null;
            else if (quote is not null && c == '\\' && i + 1 < expression.Length)
            {
                kept.Append(expression[++i]);
                columns.Add(i + 1);
            }
        }
        var text = kept.ToString();
        if (text == treeText) return null;
        var n = 0;
        while (n < text.Length && n < treeText.Length && text[n] == treeText[n]) n++;
        return n < columns.Count ? columns[n] : expression.Length;
    }

    /// <summary>The expression with string literals blanked (same length), so that calls are found outside them.</summary>
    private static string Blank(string expression) => StringLiteral().Replace(expression, m => new string(' ', m.Length));

    [GeneratedRegex(@"([A-Za-z_][A-Za-z0-9_]*)\s*\(")]
    private static partial Regex Call();

    [GeneratedRegex("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"^Line (\d+):(\d+)")]
    private static partial Regex ParserPosition();
}
