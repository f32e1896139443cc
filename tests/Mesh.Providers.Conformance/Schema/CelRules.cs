using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Cel;
using Mesh.Providers.Conformance.Support;

namespace Mesh.Providers.Conformance.Schema;

/// <summary>
/// The <c>x-kubernetes-validations</c> rules of CRD schemas, evaluated with the <c>Cel</c> package the way the API server
/// does: a rule is attached to a schema node and runs once for every value present at that node (each list item, each
/// map value), with <c>self</c> bound to that value typed by the schema (integers as <c>int</c>, numbers as <c>double</c>,
/// property names escaped as Kubernetes does, <c>__namespace__</c>; only <c>name</c> and <c>generateName</c> of the root
/// <c>metadata</c>). Transition rules (<c>oldSelf</c>) are skipped, as on create. A rule that cannot be evaluated is counted
/// with its reason (<see cref="Report"/>), never passed. Thread-safe.
/// </summary>
public sealed class CelRules
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "true", "false", "null", "in", "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let",
        "loop", "package", "namespace", "return", "var", "void", "while",
    };

    private readonly CelEnvironment _environment = KubernetesCelLibrary.CreateEnvironment();
    private readonly ConcurrentDictionary<string, Lazy<(CelProgramDelegate? Program, string? Error)>> _programs = new(StringComparer.Ordinal);
    private readonly Dictionary<JsonObject, Rule> _rules = new(ReferenceEqualityComparer.Instance);
    private readonly object _gate = new();

    /// <summary>Declares the rules of one served version's schema (call before any <see cref="Evaluate"/>).</summary>
    /// <param name="kind">The <c>group/version/Kind</c>, for rule ids.</param>
    /// <param name="openApi">The <c>openAPIV3Schema</c>.</param>
    public void Declare(string kind, JsonObject openApi)
    {
        ArgumentNullException.ThrowIfNull(openApi);
        Declare(kind, openApi, "$");
    }

    private void Declare(string kind, JsonObject schema, string path)
    {
        if (schema["x-kubernetes-validations"] is JsonArray rules)
        {
            for (var i = 0; i < rules.Count; i++)
            {
                if (rules[i] is JsonObject rule) _rules[rule] = NewRule($"{kind} {path} #{i}", rule);
            }
        }
        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, property) in properties)
            {
                if (property is JsonObject p) Declare(kind, p, path + YamlJson.Segment(name));
            }
        }
        if (schema["items"] is JsonObject items) Declare(kind, items, path + "[*]");
        if (schema["additionalProperties"] is JsonObject additional) Declare(kind, additional, path + ".*");
    }

    private Rule NewRule(string id, JsonObject declaration)
    {
        var text = declaration["rule"]?.GetValue<string>() ?? string.Empty;
        var rule = new Rule(id, text, declaration["message"]?.GetValue<string>(), declaration["messageExpression"]?.GetValue<string>());
        if (KubernetesCelLibrary.IsTransitionRule(text))
        {
            rule.Unevaluable = "transition rule (oldSelf): not run on create";
            return rule;
        }
        var missing = KubernetesCelLibrary.CalledFunctions(text).Where(f => !KubernetesCelLibrary.Functions.Contains(f)).ToList();
        if (missing.Count > 0)
        {
            rule.Unevaluable = $"calls {string.Join(", ", missing.Order(StringComparer.Ordinal))}, not available";
            return rule;
        }
        var (program, error) = Compile(text);
        if (program is null) rule.Unevaluable = "does not parse: " + error;
        else rule.Program = program;
        if (rule.MessageExpression is { } expression && KubernetesCelLibrary.CalledFunctions(expression).All(KubernetesCelLibrary.Functions.Contains)) rule.MessageProgram = Compile(expression).Program;
        return rule;
    }

    private (CelProgramDelegate? Program, string? Error) Compile(string expression) =>
        _programs.GetOrAdd(expression, e => new Lazy<(CelProgramDelegate?, string?)>(() =>
        {
            try
            {
                return (_environment.Compile(e), null);
            }
            catch (CelException x)
            {
                return (null, x.Message.Split('\n')[0]);
            }
        })).Value;

    /// <summary>
    /// Evaluates every rule of <paramref name="schema"/> on <paramref name="value"/> (already defaulted, see
    /// <see cref="StructuralDefaulting"/>) and adds each failure to <paramref name="problems"/>.
    /// </summary>
    /// <param name="schema">The declared <c>openAPIV3Schema</c>.</param>
    /// <param name="value">The object.</param>
    /// <param name="problems">Failures: <c>$.path: message (CEL rule: …)</c>.</param>
    public void Evaluate(JsonObject schema, JsonNode value, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(problems);
        Walk(schema, value, "$", root: true, problems);
    }

    /// <summary>The CEL value of <paramref name="node"/>, after evaluating the rules of its schema (and of its children's) on it.</summary>
    private object? Walk(JsonObject? schema, JsonNode? node, string path, bool root, List<string> problems)
    {
        object? value;
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
                var properties = schema?["properties"] as JsonObject;
                var additional = schema?["additionalProperties"] as JsonObject;
                var map = new Dictionary<string, object?>(obj.Count, StringComparer.Ordinal);
                foreach (var (key, child) in obj)
                {
                    if (properties?[key] is JsonObject property)
                    {
                        var converted = Walk(property, child, path + YamlJson.Segment(key), root: false, problems);
                        if (Escape(key) is { } name) map[name] = converted;
                    }
                    else if (additional is not null)
                    {
                        map[key] = Walk(additional, child, path + YamlJson.Segment(key), root: false, problems);
                    }
                    else
                    {
                        map[key] = Walk(null, child, path + YamlJson.Segment(key), root: false, problems);
                    }
                }
                if (root && map.TryGetValue("metadata", out var metadata) && metadata is Dictionary<string, object?> meta)
                {
                    // Only these two metadata fields are visible to rules at the root.
                    map["metadata"] = meta.Where(p => p.Key is "name" or "generateName").ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
                }
                value = map;
                break;
            case JsonArray array:
                var items = schema?["items"] as JsonObject;
                var list = new object?[array.Count];
                for (var i = 0; i < array.Count; i++) list[i] = Walk(items, array[i], $"{path}[{i}]", root: false, problems);
                value = list;
                break;
            default:
                value = Scalar((JsonValue)node, schema?["type"]?.GetValue<string>());
                break;
        }
        if (schema?["x-kubernetes-validations"] is JsonArray rules)
        {
            foreach (var declaration in rules.OfType<JsonObject>())
            {
                // Declared up front and only read from here on.
                if (_rules.TryGetValue(declaration, out var rule)) Run(rule, value, path, problems);
            }
        }
        return value;
    }

    private static object? Scalar(JsonValue value, string? type)
    {
        if (value.TryGetValue<string>(out var text)) return text;
        if (value.TryGetValue<bool>(out var flag)) return flag;
        if (type != "number" && value.TryGetValue<long>(out var integer)) return integer;
        if (value.TryGetValue<double>(out var number)) return number;
        return value.ToJsonString();
    }

    /// <summary>Kubernetes' escaping of a property name for CEL; null when the name cannot be reached from CEL.</summary>
    private static string? Escape(string name)
    {
        if (Reserved.Contains(name)) return $"__{name}__";
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] is '_' or '.' or '-' or '/')) return null;
        if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' or '/')) return null;
        return name.Replace("__", "__underscores__", StringComparison.Ordinal).Replace(".", "__dot__", StringComparison.Ordinal)
            .Replace("-", "__dash__", StringComparison.Ordinal).Replace("/", "__slash__", StringComparison.Ordinal);
    }

    private void Run(Rule rule, object? self, string path, List<string> problems)
    {
        Interlocked.Exchange(ref rule.Reached, 1);
        if (rule.Program is null)
        {
            Unevaluated(rule, rule.Unevaluable ?? "not compiled");
            return;
        }
        object? result;
        try
        {
            result = rule.Program(new Dictionary<string, object?>(StringComparer.Ordinal) { ["self"] = self });
        }
        catch (Exception x)
        {
            // The package throws its own exceptions and, for gaps, others (an invalid .NET regex, a cast): the innermost decides.
            var inner = x;
            while (inner.InnerException is not null) inner = inner.InnerException;
            if (KubernetesCelLibrary.IsRuntimeError(inner)) Violated(rule, $"{path}: {Message(rule, self)} (evaluation error: {inner.Message}; CEL rule: {rule.Text})", problems);
            else Unevaluated(rule, $"{inner.GetType().Name}: {inner.Message.Split('\n')[0]}");
            return;
        }
        if (KubernetesCelLibrary.IsNoSuchField(result)) Violated(rule, $"{path}: {Message(rule, self)} (evaluation error: no such key; CEL rule: {rule.Text})", problems);
        else if (result is true) Interlocked.Increment(ref rule.Passes);
        else if (result is false) Violated(rule, $"{path}: {Message(rule, self)} (CEL rule: {rule.Text})", problems);
        else Unevaluated(rule, $"the rule gave {result?.GetType().Name ?? "null"}, not a bool");
    }

    private static void Violated(Rule rule, string problem, List<string> problems)
    {
        Interlocked.Increment(ref rule.Violations);
        problems.Add(problem);
    }

    private static string Message(Rule rule, object? self)
    {
        if (rule.MessageProgram is { } program)
        {
            try
            {
                if (program(new Dictionary<string, object?>(StringComparer.Ordinal) { ["self"] = self }) is string { Length: > 0 } text) return text;
            }
            catch (CelException)
            {
                // The API server falls back to message when messageExpression fails.
            }
        }
        return rule.Message ?? $"failed rule: {rule.Text}";
    }

    private void Unevaluated(Rule rule, string reason)
    {
        lock (_gate) rule.UnevaluatedReasons[reason] = rule.UnevaluatedReasons.GetValueOrDefault(reason) + 1;
    }

    /// <summary>The counts so far.</summary>
    public CelReport Report()
    {
        lock (_gate)
        {
            var rules = _rules.Values.ToList();
            var unevaluated = rules.Where(r => r.UnevaluatedReasons.Count > 0).ToList();
            return new CelReport
            {
                Declared = rules.Count,
                UnevaluableByReason = rules.Where(r => r.Unevaluable is not null).GroupBy(r => r.Unevaluable!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
                Reached = rules.Count(r => r.Reached != 0),
                Checked = rules.Count(r => r.Passes + r.Violations > 0),
                Violated = rules.Count(r => r.Violations > 0),
                Unevaluated = unevaluated.Count,
                UnevaluatedByReason = unevaluated.SelectMany(r => r.UnevaluatedReasons.Keys).GroupBy(k => k, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
                Evaluations = rules.Sum(r => r.Passes + r.Violations),
                Violations = rules.Sum(r => r.Violations),
                ViolatedRules = [.. rules.Where(r => r.Violations > 0).Select(r => $"{r.Id}: {r.Text}").Order(StringComparer.Ordinal)],
                UnevaluatedEvaluations = rules.Sum(r => (long)r.UnevaluatedReasons.Values.Sum()),
            };
        }
    }

    private sealed class Rule(string id, string text, string? message, string? messageExpression)
    {
        public string Id { get; } = id;
        public string Text { get; } = text;
        public string? Message { get; } = message;
        public string? MessageExpression { get; } = messageExpression;
        public string? Unevaluable { get; set; }
        public CelProgramDelegate? Program { get; set; }
        public CelProgramDelegate? MessageProgram { get; set; }
        public Dictionary<string, int> UnevaluatedReasons { get; } = new(StringComparer.Ordinal);
#pragma warning disable CA1051 // Counters updated with Interlocked.
        public int Reached;
        public long Passes;
        public long Violations;
#pragma warning restore CA1051
    }
}
