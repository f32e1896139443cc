using System.Text.Json;
using Mesh.Collections;
using Mesh.Compliance.BuiltIn;
using Mesh.Compliance.Cel;
using Mesh.Diagnostics;
using Mesh.Model;
using Mesh.Serialization;

namespace Mesh.Compliance;

/// <summary>
/// Checks a model against a rules document: the built-in pack (<see cref="BuiltInRules"/>) and the document's own rules —
/// built-in checks with parameters, or CEL expressions over the model's JSON form (<see cref="MeshJson"/>). Each violation names
/// its rule and a path into the model's JSON. Problems of the rules themselves (an unknown check, a bad parameter, an expression
/// that does not compile or fails on an object) are diagnostics with paths into the rules document; nothing throws on bad rules.
/// </summary>
/// <remarks>
/// In an expression, <c>object</c> is the object under test (selected by <see cref="ComplianceRule.On"/>), <c>config</c> the
/// whole model document (<c>kind</c>, <c>metadata</c>, <c>spec</c>), <c>namespace</c> the object's namespace (empty for a
/// mesh-wide object or the config) and <c>params</c> the rule's parameters (strings). The expression is true for a compliant object.
/// </remarks>
public static class ComplianceChecker
{
    /// <summary>Checks <paramref name="config"/> against <paramref name="rules"/> (the built-in pack alone when null).</summary>
    /// <param name="config">The model (it need not be valid: checks skip what they cannot read).</param>
    /// <param name="rules">The rules document, or null for <see cref="MeshRules.Default"/>.</param>
    /// <returns>The rules checked, the violations and the rules' problems.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="config"/> is <see langword="null"/>.</exception>
    public static ComplianceResult Check(MeshConfig config, MeshRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        rules ??= MeshRules.Default;
        var diagnostics = new List<Diagnostic>();
        var plan = Plan(rules, diagnostics);
        var context = new CheckContext(config);
        var violations = new List<ComplianceViolation>();
        var exempted = new List<ComplianceViolation>();
        Lazy<Subjects> subjects = new(() => new Subjects(config, context));
        CelEngine? engine = null;
        foreach (var rule in plan)
        {
            IEnumerable<Hit> hits;
            if (rule.Check is { } check)
            {
                hits = check.Run(context, rule.Parameters);
            }
            else
            {
                engine ??= new CelEngine();
                hits = Expression(engine, rule, subjects.Value, diagnostics);
            }
            foreach (var hit in hits)
            {
                if (!Selected(rule.Target, hit)) continue;
                var exemption = rule.Exemptions.FirstOrDefault(e => Exempts(e, hit));
                (exemption is null ? violations : exempted).Add(new ComplianceViolation
                {
                    RuleId = rule.Id,
                    Severity = rule.Severity,
                    Path = hit.Path,
                    Message = rule.Message is { } message ? $"{message} ({hit.Message})" : hit.Message,
                    Subject = hit.Subject,
                    Namespace = hit.Namespace,
                    Name = hit.Name,
                    Exemption = exemption,
                });
            }
        }
        return new ComplianceResult
        {
            Rules = [.. plan.Select(r => new ComplianceRuleInfo(r.Id, r.Severity, r.Description, r.Check is not null))],
            Violations = violations,
            Exempted = exempted,
            Diagnostics = diagnostics,
        };
    }

    /// <summary>A rule ready to run: a built-in check with parsed parameters, or a compiled expression.</summary>
    private sealed record PlannedRule(string Id, string RulePath, BuiltInCheck? Check, IReadOnlyDictionary<string, object> Parameters, global::Cel.CelProgramDelegate? Program, ComplianceRule? Source, DiagnosticSeverity Severity, string? Message, RuleTarget? Target, EquatableArray<RuleExemption> Exemptions, string Description);

    private static List<PlannedRule> Plan(MeshRules rules, List<Diagnostic> diagnostics)
    {
        var plan = new List<PlannedRule>();
        var overrides = new Dictionary<string, (int Index, ComplianceRule Rule)>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Rules.Count; i++)
        {
            if (rules.Rules[i] is { Expression: null } rule && (rule.Check is null || rule.Check == rule.Id) && BuiltInCatalog.Find(rule.Id) is not null) overrides.TryAdd(rule.Id, (i, rule));
        }
        if (rules.IncludeBuiltIn)
        {
            foreach (var check in BuiltInCatalog.All)
            {
                if (overrides.TryGetValue(check.Id, out var o)) AddCheck(plan, check, o.Rule, $"$.spec.rules[{o.Index}]", diagnostics);
                else AddCheck(plan, check, null, "$", diagnostics);
            }
        }
        CelEngine? engine = null;
        for (var i = 0; i < rules.Rules.Count; i++)
        {
            if (rules.Rules[i] is not { } rule) continue;
            var path = $"$.spec.rules[{i}]";
            if (rules.IncludeBuiltIn && overrides.TryGetValue(rule.Id, out var o) && o.Index == i) continue;
            if (rule.Expression is { } expression)
            {
                if (BuiltInCatalog.Find(rule.Id) is not null)
                {
                    diagnostics.Add(Diagnostic.Error(ComplianceDiagnosticCodes.InvalidRule, path + ".id", $"Rule '{rule.Id}' has the id of a built-in rule; give the expression rule an id of its own."));
                    continue;
                }
                if (!rule.Enabled) continue;
                engine ??= new CelEngine();
                var (program, error) = engine.Compile(expression);
                if (program is null)
                {
                    diagnostics.Add(Diagnostic.Error(ComplianceDiagnosticCodes.ExpressionInvalid, path + ".expression", $"The expression of rule '{rule.Id}' does not compile: {error}"));
                    continue;
                }
                var parameters = rule.Parameters.ToDictionary(p => p.Key, p => (object)p.Value, StringComparer.Ordinal);
                plan.Add(new PlannedRule(rule.Id, path, null, parameters, program, rule, rule.Severity ?? DiagnosticSeverity.Error, rule.Message, rule.Target, rule.Exemptions,
                    rule.Message ?? $"{expression} (on {MeshRulesYaml.SubjectName(rule.On)})"));
                continue;
            }
            var checkId = rule.Check ?? rule.Id;
            if (BuiltInCatalog.Find(checkId) is not { } found)
            {
                diagnostics.Add(Diagnostic.Error(rule.Check is null ? ComplianceDiagnosticCodes.InvalidRule : ComplianceDiagnosticCodes.UnknownCheck, rule.Check is null ? path : path + ".check",
                    rule.Check is null
                        ? $"Rule '{rule.Id}' has neither a check nor an expression, and is not a built-in rule ({string.Join(", ", BuiltInCatalog.All.Select(c => c.Id))})."
                        : $"Rule '{rule.Id}' names the check '{rule.Check}', which is not a built-in check ({string.Join(", ", BuiltInCatalog.All.Select(c => c.Id))})."));
                continue;
            }
            if (rule.Check is not null && BuiltInCatalog.Find(rule.Id) is not null && rule.Id != rule.Check)
            {
                diagnostics.Add(Diagnostic.Error(ComplianceDiagnosticCodes.InvalidRule, path + ".id", $"Rule '{rule.Id}' has the id of a built-in rule but runs the check '{rule.Check}'; give it an id of its own."));
                continue;
            }
            AddCheck(plan, found, rule, path, diagnostics);
        }
        return plan;
    }

    private static void AddCheck(List<PlannedRule> plan, BuiltInCheck check, ComplianceRule? rule, string path, List<Diagnostic> diagnostics)
    {
        var parameters = new Dictionary<string, object>(StringComparer.Ordinal);
        var valid = true;
        foreach (var parameter in check.Parameters) parameters[parameter.Name] = parameter.Parse(parameter.Default).Value!;
        if (rule is not null)
        {
            foreach (var (name, text) in rule.Parameters)
            {
                var parameterPath = $"{path}.parameters.{name}";
                if (check.Parameters.FirstOrDefault(p => p.Name == name) is not { } parameter)
                {
                    var known = check.Parameters.Count == 0 ? "it takes none" : "it takes " + string.Join(", ", check.Parameters.Select(p => p.Name));
                    diagnostics.Add(Diagnostic.Error(ComplianceDiagnosticCodes.InvalidParameter, parameterPath, $"The check '{check.Id}' has no parameter '{name}'; {known}."));
                    valid = false;
                    continue;
                }
                var (value, error) = parameter.Parse(text);
                if (value is null)
                {
                    diagnostics.Add(Diagnostic.Error(ComplianceDiagnosticCodes.InvalidParameter, parameterPath, $"Parameter '{name}' of '{check.Id}': {error}"));
                    valid = false;
                    continue;
                }
                parameters[name] = value;
            }
        }
        if (!valid || rule is { Enabled: false }) return;
        var id = rule?.Id ?? check.Id;
        var described = check.Parameters.Count == 0 ? check.Description : $"{check.Description.TrimEnd('.')} ({string.Join(", ", check.Parameters.Select(p => $"{p.Name}: {Format(parameters[p.Name])}"))}).";
        plan.Add(new PlannedRule(id, path, check, parameters, null, rule, rule?.Severity ?? check.DefaultSeverity, rule?.Message, rule?.Target, rule?.Exemptions ?? default, rule?.Message ?? described));
    }

    private static string Format(object value) => value switch
    {
        TimeSpan t => MeshDuration.Format(t),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static List<Hit> Expression(CelEngine engine, PlannedRule rule, Subjects subjects, List<Diagnostic> diagnostics)
    {
        var source = rule.Source!;
        var hits = new List<Hit>();
        foreach (var subject in subjects.Of(source.On))
        {
            var variables = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["object"] = subject.Value,
                ["config"] = subjects.Config,
                ["namespace"] = subject.Hit.Namespace ?? string.Empty,
                ["params"] = new Dictionary<string, object?>(rule.Parameters.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value)), StringComparer.Ordinal),
            };
            var (result, error) = CelEngine.Evaluate(rule.Program!, variables);
            if (result is null)
            {
                diagnostics.Add(Diagnostic.Error(ComplianceDiagnosticCodes.ExpressionFailed, rule.RulePath + ".expression", $"The expression of rule '{rule.Id}' failed on {subject.Hit.Path}: {error}"));
            }
            else if (result == false)
            {
                hits.Add(subject.Hit with { Message = $"{subject.Hit.Message} does not satisfy rule '{rule.Id}': {source.Expression}" });
            }
        }
        return hits;
    }

    private static bool Selected(RuleTarget? target, Hit hit)
    {
        if (target is null) return true;
        if (!target.Namespaces.IsEmpty && (hit.Namespace is null || !target.Namespaces.Contains(hit.Namespace))) return false;
        return target.Labels.All(l => hit.Labels.TryGetValue(l.Key, out var v) && v == l.Value);
    }

    private static bool Exempts(RuleExemption exemption, Hit hit) =>
        (exemption.Namespace is null || exemption.Namespace == hit.Namespace)
        && (exemption.Name is null || exemption.Name == hit.Name)
        && (exemption.Path is null || Under(hit.Path, exemption.Path));

    private static bool Under(string path, string prefix) =>
        path.StartsWith(prefix, StringComparison.Ordinal) && (path.Length == prefix.Length || path[prefix.Length] is '.' or '[');

    /// <summary>The objects expression rules are evaluated on, in the model's JSON form, each with its path and identity.</summary>
    private sealed class Subjects
    {
        private readonly MeshConfig _config;
        private readonly CheckContext _context;
        private readonly Dictionary<string, object?> _spec;

        public Subjects(MeshConfig config, CheckContext context)
        {
            _config = config;
            _context = context;
            using var document = JsonDocument.Parse(MeshJson.Write(config));
            Config = CelValues.From(document.RootElement);
            _spec = (Config as Dictionary<string, object?>)?.GetValueOrDefault("spec") as Dictionary<string, object?> ?? [];
        }

        public object? Config { get; }

        public IEnumerable<(Hit Hit, object? Value)> Of(RuleSubject subject)
        {
            switch (subject)
            {
                case RuleSubject.Config:
                    yield return (new Hit("$", $"The model '{_config.Name}'", subject, null, _config.Name, default), Config);
                    break;
                case RuleSubject.RouteRules:
                    var routes = List("routes");
                    for (var r = 0; r < routes.Length && r < _config.Routes.Count; r++)
                    {
                        if (_config.Routes[r] is not { } route || (routes[r] as Dictionary<string, object?>)?.GetValueOrDefault("rules") is not object?[] rules) continue;
                        var labels = _context.Labels(route.Host);
                        for (var k = 0; k < rules.Length; k++)
                        {
                            yield return (new Hit($"$.spec.routes[{r}].rules[{k}]", $"Rule {k} of route '{route.Namespace}/{route.Name}'", subject, route.Namespace, route.Name, labels), rules[k]);
                        }
                    }
                    break;
                default:
                    var key = MeshRulesYaml.SubjectName(subject);
                    var items = List(key);
                    for (var i = 0; i < items.Length; i++)
                    {
                        var (ns, name, labels) = Identity(subject, i);
                        var described = name is null ? $"{key}[{i}]" : $"'{(ns is null ? string.Empty : ns + "/")}{name}'";
                        yield return (new Hit($"$.spec.{key}[{i}]", $"{Noun(subject)} {described}", subject, ns, name, labels), items[i]);
                    }
                    break;
            }
        }

        private object?[] List(string key) => _spec.GetValueOrDefault(key) as object?[] ?? [];

        private static string Noun(RuleSubject subject) => subject switch
        {
            RuleSubject.Services => "Service",
            RuleSubject.Routes => "Route",
            RuleSubject.TcpRoutes => "TCP route",
            RuleSubject.DestinationPolicies => "The destination policy of",
            RuleSubject.Mtls => "mTLS policy",
            RuleSubject.AccessPolicies => "Access policy",
            RuleSubject.RequestAuthentications => "Request authentication",
            _ => "External service",
        };

        private (string? Namespace, string? Name, EquatableMap<string> Labels) Identity(RuleSubject subject, int i)
        {
            var c = _config;
            return subject switch
            {
                RuleSubject.Services when i < c.Services.Count && c.Services[i] is { } s => (s.Namespace, s.Name, s.EffectiveSelector),
                RuleSubject.Routes when i < c.Routes.Count && c.Routes[i] is { } r => (r.Namespace, r.Name, _context.Labels(r.Host)),
                RuleSubject.TcpRoutes when i < c.TcpRoutes.Count && c.TcpRoutes[i] is { } t => (t.Namespace, t.Name, _context.Labels(t.Host)),
                RuleSubject.DestinationPolicies when i < c.DestinationPolicies.Count && c.DestinationPolicies[i]?.Target is { } target =>
                    (target.Service.Namespace, target.Service.Name, _context.Labels(target.Service, target.Subset)),
                RuleSubject.Mtls when i < c.Mtls.Count && c.Mtls[i]?.Scope is { } scope => (scope.Namespace, null, scope.Workload),
                RuleSubject.AccessPolicies when i < c.AccessPolicies.Count && c.AccessPolicies[i] is { } a =>
                    (a.Namespace, a.Name, a.Target is { } t ? _context.Labels(t.Service, t.Subset) : default),
                RuleSubject.ExternalServices when i < c.ExternalServices.Count && c.ExternalServices[i] is { } e => (e.Namespace, e.Name, default),
                RuleSubject.RequestAuthentications when i < c.RequestAuthentications.Count && c.RequestAuthentications[i] is { } q =>
                    (q.Namespace, q.Name, q.Target is { } t ? _context.Labels(t.Service, t.Subset) : default),
                _ => (null, null, default),
            };
        }
    }
}
