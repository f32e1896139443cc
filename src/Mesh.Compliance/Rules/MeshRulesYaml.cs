using Mesh.Collections;
using Mesh.Diagnostics;
using Mesh.Serialization;

namespace Mesh.Compliance;

/// <summary>
/// Reads a rules document (<c>kind: MeshRules</c>, YAML or JSON) with the SDK's hardened reader. Bad input never throws: every
/// problem is a diagnostic with a path into the document and its line and column.
/// </summary>
/// <example>
/// <code>
/// kind: MeshRules
/// metadata: { name: platform }
/// spec:
///   builtIn: true
///   rules:
///     - { id: route-timeout, parameters: { max: 10s } }
///     - { id: mtls-strict, exemptions: [{ namespace: legacy, reason: "plaintext clients until Q3" }] }
///     - id: team-label
///       on: services
///       severity: warning
///       expression: "has(object.selector.team)"
///       message: Every service's pods carry a team label.
/// </code>
/// </example>
public static class MeshRulesYaml
{
    /// <summary>The document kind.</summary>
    public const string Kind = "MeshRules";

    /// <summary>Reads a rules document.</summary>
    /// <param name="text">The YAML or JSON text.</param>
    /// <param name="sourceName">The file name put in diagnostics' locations, or null.</param>
    /// <returns>The rules (null on error), every problem, and the document's locations.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static MeshRulesReadResult Read(string text, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reader = new RulesReader(sourceName);
        var rules = reader.Read(text);
        var errors = reader.Diagnostics.Any(d => d.IsError);
        return new MeshRulesReadResult(errors ? null : rules, reader.Diagnostics, reader.Locations);
    }

    private sealed class RulesReader(string? source)
    {
        public List<Diagnostic> Diagnostics { get; } = [];

        public Dictionary<string, SourceLocation> Locations { get; } = new(StringComparer.Ordinal);

        public MeshRules? Read(string text)
        {
            var roots = YamlStreamReader.Read(text, source, MeshReaderOptions.Default, Diagnostics);
            if (Diagnostics.Any(d => d.IsError)) return null;
            if (roots.Count != 1)
            {
                Error(DiagnosticCodes.Syntax, "$", null, $"A rules file holds one document, not {roots.Count}.");
                return null;
            }
            var root = roots[0];
            if (!Mapping(root, "$")) return null;
            string? kind = null;
            string name = "rules";
            var includeBuiltIn = true;
            var rules = new List<ComplianceRule>();
            foreach (var (key, value, path) in Entries(root, "$"))
            {
                switch (key)
                {
                    case "kind": kind = String(value, path); break;
                    case "apiVersion": break;
                    case "metadata":
                        if (!Mapping(value, path)) break;
                        foreach (var (k, v, p) in Entries(value, path))
                        {
                            if (k == "name") name = String(v, p) ?? name;
                            else if (k is not ("labels" or "annotations")) Unknown(v, p, k);
                        }
                        break;
                    case "spec":
                        if (!Mapping(value, path)) break;
                        foreach (var (k, v, p) in Entries(value, path))
                        {
                            if (k == "builtIn") includeBuiltIn = Bool(v, p) ?? includeBuiltIn;
                            else if (k == "rules") rules.AddRange(Sequence(v, p, Rule));
                            else Unknown(v, p, k);
                        }
                        break;
                    default: Unknown(value, path, key); break;
                }
            }
            if (kind is null) Error(DiagnosticCodes.MissingRequired, "$", root, $"The document has no kind; a rules document is 'kind: {Kind}'.");
            else if (kind != Kind) Error(DiagnosticCodes.UnknownKind, "$.kind", root, $"The document is a '{kind}', not a '{Kind}' document.");
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < rules.Count; i++)
            {
                if (rules[i] is not { } rule) continue;
                if (seen.TryGetValue(rule.Id, out var first)) Error(ComplianceDiagnosticCodes.DuplicateRule, $"$.spec.rules[{i}].id", null, $"Rule id '{rule.Id}' is also the id of rule {first} ($.spec.rules[{first}]); ids are unique in a document.");
                else seen[rule.Id] = i;
            }
            return new MeshRules { Name = name, IncludeBuiltIn = includeBuiltIn, Rules = [.. rules] };
        }

        private ComplianceRule? Rule(YamlNode node, string path)
        {
            if (!Mapping(node, path)) return null;
            string? id = null, check = null, expression = null, message = null;
            RuleSubject? on = null;
            DiagnosticSeverity? severity = null;
            var enabled = true;
            EquatableMap<string> parameters = default;
            RuleTarget? target = null;
            var exemptions = new List<RuleExemption>();
            foreach (var (key, value, p) in Entries(node, path))
            {
                switch (key)
                {
                    case "id": id = String(value, p); break;
                    case "check": check = String(value, p); break;
                    case "expression": expression = String(value, p); break;
                    case "message": message = String(value, p); break;
                    case "enabled": enabled = Bool(value, p) ?? enabled; break;
                    case "on": on = Enum(value, p, SubjectNames); break;
                    case "severity": severity = Enum(value, p, SeverityNames); break;
                    case "parameters": parameters = StringMap(value, p, allowScalars: true); break;
                    case "target": target = Target(value, p); break;
                    case "exemptions": exemptions.AddRange(Sequence(value, p, Exemption)); break;
                    default: Unknown(value, p, key); break;
                }
            }
            if (id is null)
            {
                Error(DiagnosticCodes.MissingRequired, path, node, "A rule has no id.");
                return null;
            }
            if (check is not null && expression is not null) Error(ComplianceDiagnosticCodes.InvalidRule, path + ".expression", node, $"Rule '{id}' names both a check and an expression; a rule is one or the other.");
            if (on is not null && expression is null) Error(ComplianceDiagnosticCodes.InvalidRule, path + ".on", node, $"Rule '{id}' has 'on' but no expression; 'on' selects the objects an expression is evaluated on (a built-in check knows its own).");
            return new ComplianceRule
            {
                Id = id,
                Check = check,
                Expression = expression,
                On = on ?? RuleSubject.Config,
                Severity = severity,
                Message = message,
                Enabled = enabled,
                Parameters = parameters,
                Target = target,
                Exemptions = [.. exemptions],
            };
        }

        private RuleTarget? Target(YamlNode node, string path)
        {
            if (!Mapping(node, path)) return null;
            var target = new RuleTarget();
            foreach (var (key, value, p) in Entries(node, path))
            {
                if (key == "namespaces") target = target with { Namespaces = [.. Sequence(value, p, String).OfType<string>()] };
                else if (key == "labels") target = target with { Labels = StringMap(value, p, allowScalars: false) };
                else Unknown(value, p, key);
            }
            return target;
        }

        private RuleExemption? Exemption(YamlNode node, string path)
        {
            if (!Mapping(node, path)) return null;
            var exemption = new RuleExemption();
            foreach (var (key, value, p) in Entries(node, path))
            {
                switch (key)
                {
                    case "namespace": exemption = exemption with { Namespace = String(value, p) }; break;
                    case "name": exemption = exemption with { Name = String(value, p) }; break;
                    case "path": exemption = exemption with { Path = String(value, p) }; break;
                    case "reason": exemption = exemption with { Reason = String(value, p) }; break;
                    default: Unknown(value, p, key); break;
                }
            }
            if (exemption is { Namespace: null, Name: null, Path: null })
            {
                Error(ComplianceDiagnosticCodes.InvalidRule, path, node, "An exemption names no namespace, name or path, so it would exempt everything; switch the rule off with 'enabled: false' instead.");
                return null;
            }
            return exemption;
        }

        private static readonly Dictionary<string, RuleSubject> SubjectNames = new(StringComparer.Ordinal)
        {
            ["config"] = RuleSubject.Config,
            ["services"] = RuleSubject.Services,
            ["routes"] = RuleSubject.Routes,
            ["routeRules"] = RuleSubject.RouteRules,
            ["tcpRoutes"] = RuleSubject.TcpRoutes,
            ["destinationPolicies"] = RuleSubject.DestinationPolicies,
            ["mtls"] = RuleSubject.Mtls,
            ["accessPolicies"] = RuleSubject.AccessPolicies,
            ["externalServices"] = RuleSubject.ExternalServices,
            ["requestAuthentications"] = RuleSubject.RequestAuthentications,
        };

        private static readonly Dictionary<string, DiagnosticSeverity> SeverityNames = new(StringComparer.Ordinal)
        {
            ["error"] = DiagnosticSeverity.Error,
            ["warning"] = DiagnosticSeverity.Warning,
            ["info"] = DiagnosticSeverity.Info,
        };

        internal static string SubjectName(RuleSubject subject) => SubjectNames.First(p => p.Value == subject).Key;

        private IEnumerable<(string Key, YamlNode Value, string Path)> Entries(YamlNode mapping, string path)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var children = mapping.Children;
            for (var i = 0; i + 1 < children.Count; i += 2)
            {
                var key = children[i];
                if (key.Kind != YamlNodeKind.Scalar)
                {
                    Error(DiagnosticCodes.WrongType, path, key, "A key must be a scalar.");
                    continue;
                }
                var keyPath = path + "." + key.Value;
                Locate(keyPath, children[i + 1]);
                if (!seen.Add(key.Value))
                {
                    Error(DiagnosticCodes.DuplicateKey, keyPath, key, $"The key '{key.Value}' is repeated.");
                    continue;
                }
                yield return (key.Value, children[i + 1], keyPath);
            }
        }

        private List<T> Sequence<T>(YamlNode node, string path, Func<YamlNode, string, T?> item)
        {
            var items = new List<T>();
            if (node.Kind != YamlNodeKind.Sequence)
            {
                Error(DiagnosticCodes.WrongType, path, node, "Expected a list.");
                return items;
            }
            for (var i = 0; i < node.Children.Count; i++)
            {
                var itemPath = $"{path}[{i}]";
                Locate(itemPath, node.Children[i]);
                if (item(node.Children[i], itemPath) is { } value) items.Add(value);
            }
            return items;
        }

        private EquatableMap<string> StringMap(YamlNode node, string path, bool allowScalars)
        {
            if (!Mapping(node, path)) return default;
            var entries = new List<KeyValuePair<string, string>>();
            foreach (var (key, value, p) in Entries(node, path))
            {
                if (value.Kind != YamlNodeKind.Scalar || value.ScalarType == ScalarType.Null)
                {
                    Error(DiagnosticCodes.WrongType, p, value, allowScalars ? "A parameter's value is a scalar (a number, duration, boolean or text)." : "A label value is a string.");
                    continue;
                }
                if (!allowScalars && value.ScalarType != ScalarType.String)
                {
                    Error(DiagnosticCodes.WrongType, p, value, $"A label value is a string; quote '{value.Value}'.");
                    continue;
                }
                entries.Add(new(key, value.Value));
            }
            return new EquatableMap<string>(entries);
        }

        private T? Enum<T>(YamlNode node, string path, Dictionary<string, T> names)
            where T : struct
        {
            if (String(node, path) is not { } text) return null;
            if (names.TryGetValue(text, out var value)) return value;
            Error(DiagnosticCodes.UnknownEnumValue, path, node, $"'{text}' is not one of {string.Join(", ", names.Keys)}.");
            return null;
        }

        private string? String(YamlNode node, string path)
        {
            if (node.Kind == YamlNodeKind.Scalar && node.ScalarType != ScalarType.Null && node.Value.Length > 0) return node.Value;
            Error(DiagnosticCodes.WrongType, path, node, "Expected a non-empty text value.");
            return null;
        }

        private bool? Bool(YamlNode node, string path)
        {
            if (node.Kind == YamlNodeKind.Scalar && node.ScalarType == ScalarType.Bool) return bool.Parse(node.Value);
            Error(DiagnosticCodes.WrongType, path, node, "Expected true or false.");
            return null;
        }

        private bool Mapping(YamlNode node, string path)
        {
            if (node.Kind == YamlNodeKind.Mapping) return true;
            Error(DiagnosticCodes.WrongType, path, node, "Expected a mapping.");
            return false;
        }

        private void Unknown(YamlNode node, string path, string key) =>
            Diagnostics.Add(new Diagnostic { Severity = DiagnosticSeverity.Error, Code = DiagnosticCodes.UnknownKey, Path = path, Message = $"Unknown key '{key}'.", Location = At(node) });

        private void Error(DiagnosticCode code, string path, YamlNode? node, string message) =>
            Diagnostics.Add(new Diagnostic { Severity = DiagnosticSeverity.Error, Code = code, Path = path, Message = message, Location = node is null ? Locations.GetValueOrDefault(path) : At(node) });

        private void Locate(string path, YamlNode node) => Locations.TryAdd(path, At(node));

        private SourceLocation At(YamlNode node) => new(source, node.Line, node.Column);
    }

    /// <summary>The name of a subject in a rules document's <c>on:</c> (<c>routeRules</c>, <c>externalServices</c>, …).</summary>
    /// <param name="subject">The subject.</param>
    /// <returns>Its name.</returns>
    public static string SubjectName(RuleSubject subject) => RulesReader.SubjectName(subject);
}
