using System.Text;
using System.Text.RegularExpressions;
using Cel;
using Cel.Internal;

namespace Mesh.Providers.Conformance.Schema;

/// <summary>
/// A <c>Cel</c> package environment set up the way the Kubernetes API server evaluates <c>x-kubernetes-validations</c>:
/// the package's standard functions and macros, with <c>has()</c> replaced by field presence (the package answers false
/// for a present empty string, list or map), plus the Kubernetes library functions the loaded CRDs use
/// (<c>isURL</c>, <c>url</c>, <c>getScheme</c>, <c>getHost</c>, the <c>substring</c> string extension). Any other function a
/// rule calls makes the rule unevaluable: it is counted, never passed.
/// </summary>
public static partial class KubernetesCelLibrary
{
    /// <summary>The functions and macros a rule may call and be evaluated (the package's own, checked on the corpus, and ours).</summary>
    public static IReadOnlySet<string> Functions { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        // Macros of the package.
        "has", "all", "exists", "exists_one", "filter", "map",
        // Standard functions of the package.
        "size", "contains", "startsWith", "endsWith", "matches", "int", "uint", "double", "string", "bool", "duration", "dyn",
        // Registered here.
        "isURL", "url", "getScheme", "getHost", "substring",
    };

    /// <summary>A new environment with the library registered (one per thread of use is not needed: compiled rules are shareable).</summary>
    public static CelEnvironment CreateEnvironment()
    {
        var environment = new CelEnvironment(null, null);
        environment.RegisterFunction("has", [typeof(object)], Has);
        environment.RegisterFunction("isURL", [typeof(string)], args => GoRequestUri.TryParse((string)args[0]!, out _, out _));
        environment.RegisterFunction("url", [typeof(string)], Url);
        environment.RegisterFunction("getScheme", [typeof(KubernetesUrl)], args => ((KubernetesUrl)args[0]!).Scheme);
        environment.RegisterFunction("getHost", [typeof(KubernetesUrl)], args => ((KubernetesUrl)args[0]!).Host);
        environment.RegisterFunction("substring", [typeof(string), typeof(long)], args => Substring((string)args[0]!, (long)args[1]!, null));
        environment.RegisterFunction("substring", [typeof(string), typeof(long), typeof(long)], args => Substring((string)args[0]!, (long)args[1]!, (long)args[2]!));
        return environment;
    }

    /// <summary>The functions and macros <paramref name="rule"/> calls (identifiers followed by <c>(</c>, outside string literals).</summary>
    /// <param name="rule">A CEL expression.</param>
    public static IReadOnlyList<string> CalledFunctions(string rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var called = new List<string>();
        foreach (Match m in Call().Matches(StringLiteral().Replace(rule, "''")))
        {
            if (!called.Contains(m.Groups[1].Value)) called.Add(m.Groups[1].Value);
        }
        return called;
    }

    /// <summary>Whether <paramref name="rule"/> is a transition rule (it compares with the stored object through <c>oldSelf</c>).</summary>
    /// <param name="rule">A CEL expression.</param>
    public static bool IsTransitionRule(string rule) => OldSelf().IsMatch(StringLiteral().Replace(rule ?? string.Empty, "''"));

    /// <summary>
    /// Whether <paramref name="error"/>, thrown while a rule ran, is an evaluation error the API server also raises (a missing
    /// key, an index out of range, an invalid duration or URL: the object is rejected), rather than a gap of the package.
    /// </summary>
    /// <param name="error">The innermost exception.</param>
    public static bool IsRuntimeError(Exception error) => error is CelNoSuchFieldException or CelArgumentRangeException or CelStringParsingException
        or CelDivideByZeroException or CelModulusByZeroException or CelOverflowException or CelRuntimeErrorException;

    /// <summary>Whether a value the package returned is its "no such field" marker (an internal type).</summary>
    /// <param name="value">The value.</param>
    public static bool IsNoSuchField(object? value) => value?.GetType().FullName == "Cel.Internal.CelNoSuchField";

    /// <summary>Kubernetes' <c>has(e.f)</c> on objects and maps: the key is present (whatever its value).</summary>
    private static object Has(object?[] args) => !IsNoSuchField(args[0]);

    private static object Url(object?[] args)
    {
        var text = (string)args[0]!;
        if (!GoRequestUri.TryParse(text, out var scheme, out var host)) throw new CelRuntimeErrorException($"URL parse error during conversion from string: {text}");
        return new KubernetesUrl(scheme, host);
    }

    /// <summary>The strings extension's <c>substring</c>: code points, <c>[start, end)</c>, an error when out of range.</summary>
    private static string Substring(string text, long start, long? end)
    {
        var runes = text.EnumerateRunes().ToList();
        var last = end ?? runes.Count;
        if (start < 0 || start > runes.Count || last < start || last > runes.Count) throw new CelRuntimeErrorException($"substring({start}{(end is null ? "" : $", {end}")}) is out of range for a string of {runes.Count} code points");
        var result = new StringBuilder();
        for (var i = (int)start; i < last; i++) result.Append(runes[i].ToString());
        return result.ToString();
    }

    [GeneratedRegex(@"(?<![\w.])oldSelf\b")]
    private static partial Regex OldSelf();

    [GeneratedRegex(@"([A-Za-z_][A-Za-z0-9_]*)\s*\(")]
    private static partial Regex Call();

    /// <summary>CEL string and bytes literals (raw or not, single, double or triple quoted).</summary>
    [GeneratedRegex(@"[rRbB]{0,2}(""""""[\s\S]*?""""""|'''[\s\S]*?'''|""(\\.|[^""\\])*""|'(\\.|[^'\\])*')")]
    private static partial Regex StringLiteral();
}
